import { citeOf, kindLabel, type CodeBlock, type QuotesReport } from './quotes.ts';
import { mdHeading, mdInline, mdQuote, mdText } from './markdown.ts';

// Markdown quotes: headings follow the theme tree (core concept #, group ##, theme ###, ...),
// each code one level below its theme, each quote a > block quote ending with its attribution.

export function quotesMarkdown(r: QuotesReport): string {
  const out: string[] = [mdHeading(1, r.title), r.meta.map((m) => `*${mdInline(m)}*`).join('  \n')];
  const codeBlock = (c: CodeBlock, level: number) => {
    out.push(mdHeading(level, `Code: ${c.name}`));
    if (!c.quotes.length) out.push('*No coded passages.*');
    for (const q of c.quotes) out.push(mdQuote(q.text, citeOf(q)));
  };
  for (const t of r.themes) {
    out.push(mdHeading(t.depth + 2, `${kindLabel(t.kind)}: ${t.name}`));
    if (t.definition.trim()) out.push(`*${mdText(t.definition.trim()).join(' ')}*`);
    for (const c of t.codes) codeBlock(c, t.depth + 3);
  }
  if (r.codes.length) {
    if (r.themes.length) out.push(mdHeading(2, 'Codes not in the chosen themes'));
    for (const c of r.codes) codeBlock(c, r.themes.length ? 3 : 2);
  }
  return out.join('\n\n') + '\n';
}
