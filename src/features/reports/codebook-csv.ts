import type { Codebook } from './codebook.ts';
import { csvBytes } from './csv.ts';

export function codebookCsv(b: Codebook): Uint8Array {
  const head = [
    'level',
    'code',
    'path',
    'definition',
    'when to use',
    'when not to use',
    'example',
    'example attribution',
    'coded segments',
    'documents',
    'participants',
    'themes',
    'in vivo',
  ];
  return csvBytes([
    head,
    ...b.entries.map((e) => [
      e.depth + 1,
      e.name,
      e.path,
      e.definition,
      e.whenToUse,
      e.whenNotToUse,
      e.example?.text ?? '',
      e.example?.attribution ?? '',
      e.segments,
      e.documents,
      e.participants,
      e.themes.join('; '),
      e.inVivo ? 'yes' : 'no',
    ]),
  ]);
}
