import type { Paragraph } from 'docx';
import { citeOf, kindLabel, type CodeBlock, type QuotesReport } from './quotes.ts';
import { heading, meta, packDocx, para, quote, title } from './docx-kit.ts';

// The quotes as a Word document: Title, header lines, Heading 1.. by theme tree depth, codes one level below.

export async function quotesDocx(r: QuotesReport): Promise<Uint8Array> {
  const out: Paragraph[] = [title(r.title), ...r.meta.map(meta)];
  const codeBlock = (c: CodeBlock, level: number) => {
    out.push(heading(level, `Code: ${c.name}`));
    if (!c.quotes.length) out.push(para('No coded passages.', { italics: true }));
    for (const q of c.quotes) out.push(...quote(q.text, citeOf(q)));
  };
  for (const t of r.themes) {
    out.push(heading(t.depth + 1, `${kindLabel(t.kind)}: ${t.name}`));
    if (t.definition.trim()) out.push(para(t.definition.trim(), { italics: true }));
    for (const c of t.codes) codeBlock(c, t.depth + 2);
  }
  if (r.codes.length) {
    if (r.themes.length) out.push(heading(1, 'Codes not in the chosen themes'));
    for (const c of r.codes) codeBlock(c, r.themes.length ? 2 : 1);
  }
  return packDocx(r.title, out);
}
