import type { Paragraph } from 'docx';
import { citeOf, writeQuotes, type QuotesReport } from './quotes.ts';
import { heading, meta, packDocx, para, quote, title } from './docx-kit.ts';

// The quotes as a Word document: Title, header lines, Heading 1.. by theme tree depth, codes one level below.

export async function quotesDocx(r: QuotesReport): Promise<Uint8Array> {
  const out: Paragraph[] = [title(r.title), ...r.meta.map(meta)];
  writeQuotes(r, 1, {
    heading: (level, text) => out.push(heading(level, text)),
    definition: (text) => out.push(para(text.trim(), { italics: true })),
    quote: (q) => out.push(...quote(q.text, citeOf(q))),
    none: () => out.push(para('No coded passages.', { italics: true })),
  });
  return packDocx(r.title, out);
}
