import { exampleLine, type Codebook } from './codebook.ts';
import { mdHeading, mdInline, mdText } from './markdown.ts';

// The codebook in Markdown: one heading per code, nested by the code tree (top-level codes ##).

export function codebookMarkdown(b: Codebook): string {
  const out: string[] = [mdHeading(1, b.title), b.meta.map((m) => `*${mdInline(m)}*`).join('  \n')];
  const field = (label: string, text: string) => {
    if (text.trim()) out.push(`**${label}:** ${mdText(text.trim()).join('  \n')}`);
  };
  for (const e of b.entries) {
    out.push(mdHeading(e.depth + 2, e.name));
    if (e.depth > 0) out.push(`*${mdInline(e.path)}*`);
    field('Definition', e.definition);
    field('When to use', e.whenToUse);
    field('When not to use', e.whenNotToUse);
    if (e.example) field('Example', exampleLine(e.example));
    out.push(`**Counts:** ${e.segments} coded segments, ${e.documents} documents, ${e.participants} participants`);
    if (e.themes.length) field('Themes', e.themes.join('; '));
    if (e.inVivo) out.push('*In-vivo code*');
  }
  return out.join('\n\n') + '\n';
}
