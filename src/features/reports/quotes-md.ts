import { citeOf, writeQuotes, type QuotesReport } from './quotes.ts';
import { mdHeading, mdInline, mdQuote, mdText } from './markdown.ts';

// Markdown quotes: headings follow the theme tree (core concept #, group ##, theme ###, ...),
// each code one level below its theme, each quote a > block quote ending with its attribution.

export function quotesMarkdown(r: QuotesReport): string {
  const out: string[] = [mdHeading(1, r.title), r.meta.map((m) => `*${mdInline(m)}*`).join('  \n')];
  writeQuotes(r, 2, {
    heading: (level, text) => out.push(mdHeading(level, text)),
    definition: (text) => out.push(`*${mdText(text.trim()).join(' ')}*`),
    quote: (q) => out.push(mdQuote(q.text, citeOf(q))),
    none: () => out.push('*No coded passages.*'),
  });
  return out.join('\n\n') + '\n';
}
