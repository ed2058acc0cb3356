import type { Paragraph } from 'docx';
import { exampleLine, type Codebook } from './codebook.ts';
import { field, heading, meta, packDocx, para, title } from './docx-kit.ts';

// The codebook as a Word document: Heading 1 for top-level codes, Heading 2 for their sub-codes, ...

export async function codebookDocx(b: Codebook): Promise<Uint8Array> {
  const out: Paragraph[] = [title(b.title), ...b.meta.map(meta)];
  const add = (label: string, text: string) => {
    if (text.trim()) out.push(field(label, text.trim()));
  };
  for (const e of b.entries) {
    out.push(heading(e.depth + 1, e.name));
    if (e.depth > 0) out.push(para(e.path, { italics: true }));
    add('Definition', e.definition);
    add('When to use', e.whenToUse);
    add('When not to use', e.whenNotToUse);
    if (e.example) add('Example', exampleLine(e.example));
    add('Counts', `${e.segments} coded segments, ${e.documents} documents, ${e.participants} participants`);
    add('Themes', e.themes.join('; '));
    if (e.inVivo) out.push(para('In-vivo code', { italics: true }));
  }
  return packDocx(b.title, out);
}
