import type { RefiProject } from './model.ts';
import { plural, sourceLabel, type ReportItem } from '../../core/refi-report.ts';

// Which program an exported .qdpx is for. The standard counts positions in characters (Unicode
// code points); NVivo reads them as UTF-16 units (see ../shared/interop/README.md), so a text with
// characters outside the Basic Multilingual Plane (emoji) lands shifted in NVivo unless the file
// is written for it. Every known program reads project.qde and sources/ (REFI-QDA 1.5, 8.1/8.3).

export type ExportTarget = 'standard' | 'nvivo';

export const SOURCES_FOLDER = 'sources';

export const EXPORT_TARGETS: Record<ExportTarget, { qdeName: string; offsets: 'codepoint' | 'utf16'; label: string }> = {
  standard: { qdeName: 'project.qde', offsets: 'codepoint', label: 'REFI-QDA (characters)' },
  nvivo: { qdeName: 'project.qde', offsets: 'utf16', label: 'NVivo (UTF-16 units)' },
};

const ASTRAL = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/**
 * One report line per text with characters outside the BMP: how many selections another reader
 * would place differently. `texts` and the selections are in UTF-16 offsets (the model's).
 */
export function outsideBmpWarnings(project: RefiProject, texts: Map<string, string>, target: ExportTarget): ReportItem[] {
  const out: ReportItem[] = [];
  for (const s of project.sources) {
    if (s.kind !== 'text') continue;
    const text = texts.get(s.guid) ?? s.plainTextContent ?? '';
    const astral = [...text.matchAll(ASTRAL)].map((m) => m.index!);
    if (!astral.length) continue;
    // A selection moves when a character outside the BMP lies before its end.
    const shifted = s.selections.filter((x) => astral[0] < x.end).length;
    const chars = plural(astral.length, 'character');
    out.push({
      kind: 'outside-bmp',
      name: sourceLabel(s),
      detail:
        target === 'nvivo'
          ? `${chars} outside the BMP (emoji and the like): positions are written in UTF-16 units for NVivo; a program that counts characters, as the standard says, would shift ${shifted} of its ${plural(s.selections.length, 'selection')}`
          : `${chars} outside the BMP (emoji and the like): positions are written in characters, as the standard says; NVivo counts UTF-16 units and would shift ${shifted} of its ${plural(s.selections.length, 'selection')}: export "for NVivo" to take it there`,
    });
  }
  return out;
}
