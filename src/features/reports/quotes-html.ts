import { citeOf, writeQuotes, type QuotesReport } from './quotes.ts';
import { esc, escLines, hTag, htmlPage } from './html.ts';

// The quotes as one self-contained web page (the same structure as the Markdown and Word versions).

export function quotesHtml(r: QuotesReport): string {
  const out: string[] = [hTag(1, r.title), ...r.meta.map((m) => `<p class="meta">${esc(m)}</p>`)];
  writeQuotes(r, 2, {
    heading: (level, text) => out.push(hTag(level, text)),
    definition: (text) => out.push(`<p class="definition">${escLines(text)}</p>`),
    quote: (q) =>
      out.push(
        `<blockquote><p>${escLines(q.text)}</p><span class="cite">${
          q.timeLink && q.timestamp
            ? `${esc(q.attribution)} <a class="time" href="${esc(q.timeLink)}">${esc(q.timestamp)}</a>`
            : esc(citeOf(q))
        }</span></blockquote>`,
      ),
    none: () => out.push('<p class="none">No coded passages.</p>'),
  });
  return htmlPage(r.title, out);
}
