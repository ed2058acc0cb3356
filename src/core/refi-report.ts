// What a REFI-QDA import or export carried and what it could not: counts plus named items, so
// nothing is ever dropped silently. Shared by the API, the CLI and the UI.

export interface ReportItem {
  /** A short machine-readable kind, e.g. 'pdf-source', 'missing-source', 'turns'. */
  kind: string;
  /** The thing, named as the researcher knows it. */
  name: string;
  /** What happened to it and why. */
  detail: string;
}

export interface ImportReport {
  fileName: string;
  kind: 'qdpx' | 'qde' | 'qdc';
  /** The program that wrote the file (its origin attribute), when given. */
  origin?: string;
  /** True when the file came from Thematic and its extensions were used for an exact copy. */
  thematicExtensions: boolean;
  counts: Record<string, number>;
  notCarried: ReportItem[];
  notes: ReportItem[];
  /** 'another-coder': the same study from another coder; `matched` says what matched what. */
  mode?: 'another-coder';
  matched?: ReportItem[];
}

export interface ExportReport {
  fileName: string;
  format: 'qdpx' | 'qdc';
  /** qdpx: which program it was written for (positions in characters, or UTF-16 units for NVivo). */
  target?: 'standard' | 'nvivo';
  counts: Record<string, number>;
  /** What the REFI-QDA standard cannot carry, and where it went (extensions.json or lost). */
  notCarried: ReportItem[];
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function countsLine(counts: Record<string, number>): string {
  return (
    Object.entries(counts)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ') || 'nothing'
  );
}

function items(title: string, list: ReportItem[]): string[] {
  if (!list.length) return [];
  return ['', `${title} (${list.length}):`, ...list.map((i) => `  - ${i.name}: ${i.detail}`)];
}

export function renderImportReport(r: ImportReport): string {
  return [
    `Imported ${r.fileName} (${r.kind}${r.origin ? `, made by ${r.origin}` : ''})${r.mode === 'another-coder' ? ' as the same study from another coder' : ''}${r.thematicExtensions ? ', a Thematic export: themes, turns and map restored exactly' : ''}.`,
    `Added: ${countsLine(r.counts)}.`,
    ...items('Matched in this project', r.matched ?? []),
    ...items('Not carried into Thematic', r.notCarried),
    ...items('Notes', r.notes),
  ].join('\n');
}

export function renderExportReport(r: ExportReport): string {
  return [
    `Exported ${r.fileName} (${r.format}${r.target === 'nvivo' ? ', for NVivo: positions in UTF-16 units' : ''}): ${countsLine(r.counts)}.`,
    ...items(r.format === 'qdpx' ? 'Not expressible in REFI-QDA' : 'Not carried by a codebook', r.notCarried),
  ].join('\n');
}

/** A source as the report names it: by its name, or by its GUID when it has none. */
export const sourceLabel = (s: { name: string; guid: string }, kind = '') =>
  `${kind ? `${kind} ` : ''}source "${s.name.trim() ? s.name : s.guid}"`;
