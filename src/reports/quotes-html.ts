import { citeOf, kindLabel, type CodeBlock, type QuotesReport } from './quotes.ts';
import { esc, escLines, hTag, htmlPage } from './html.ts';

// The quotes as one self-contained web page (the same structure as the Markdown and Word versions).

export function quotesHtml(r: QuotesReport): string {
  const out: string[] = [hTag(1, r.title), ...r.meta.map((m) => `<p class="meta">${esc(m)}</p>`)];
  const codeBlock = (c: CodeBlock, level: number) => {
    out.push(hTag(level, `Code: ${c.name}`));
    if (!c.quotes.length) out.push('<p class="none">No coded passages.</p>');
    for (const q of c.quotes) out.push(`<blockquote><p>${escLines(q.text)}</p><span class="cite">${esc(citeOf(q))}</span></blockquote>`);
  };
  for (const t of r.themes) {
    out.push(hTag(t.depth + 2, `${kindLabel(t.kind)}: ${t.name}`));
    if (t.definition.trim()) out.push(`<p class="definition">${escLines(t.definition)}</p>`);
    for (const c of t.codes) codeBlock(c, t.depth + 3);
  }
  if (r.codes.length) {
    if (r.themes.length) out.push(hTag(2, 'Codes not in the chosen themes'));
    for (const c of r.codes) codeBlock(c, r.themes.length ? 3 : 2);
  }
  return htmlPage(r.title, out);
}
