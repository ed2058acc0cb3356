import type { Code, Coding, DocumentSummary } from '@core/model/entities.ts';

/** What a cell counts: codings, distinct participants, or those participants as a percent of the column group's participants. */
export type Measure = 'codings' | 'participants' | 'percent';
export const MEASURES: [Measure, string][] = [
  ['codings', 'codings'],
  ['participants', 'participants'],
  ['percent', "% of the group's participants"],
];

/** `sizes[j]`: the participants in column j (a document without a participant counts as one person). */
export interface Matrix {
  rows: Code[];
  cols: string[];
  cells: number[][];
  max: number;
  sizes: number[];
  measure: Measure;
}

/**
 * Codes by a participant attribute, like a framework matrix: each cell counts codings, distinct
 * participants, or the percent of the group's participants (so a group of 6 and a group of 1
 * compare fairly) of a code among documents whose participant has that attribute value.
 */
export function codeByAttribute(codes: Code[], codings: Coding[], docs: DocumentSummary[], key: string, measure: Measure): Matrix {
  const docValue = new Map(docs.map((d) => [d.id, d.attributes[key] ?? '(none)']));
  const docPerson = new Map(docs.map((d) => [d.id, d.participantId ?? -d.id]));
  const cols = [...new Set(docs.map((d) => d.attributes[key] ?? '(none)'))].sort();
  const people = cols.map((c) => new Set(docs.filter((d) => docValue.get(d.id) === c).map((d) => docPerson.get(d.id))));
  const sizes = people.map((s) => s.size);
  const rows = codes.filter((c) => codings.some((g) => g.codeId === c.id));
  const sets = rows.map(() => cols.map(() => new Set<number>()));
  const counts = rows.map(() => cols.map(() => 0));
  const rowOf = new Map(rows.map((c, i) => [c.id, i]));
  for (const g of codings) {
    const r = rowOf.get(g.codeId),
      c = cols.indexOf(docValue.get(g.documentId) ?? '(none)');
    if (r === undefined || c < 0) continue;
    counts[r][c]++;
    sets[r][c].add(docPerson.get(g.documentId)!);
  }
  const cells =
    measure === 'codings'
      ? counts
      : measure === 'participants'
        ? sets.map((row) => row.map((s) => s.size))
        : sets.map((row) => row.map((s, j) => (sizes[j] ? Math.round((1000 * s.size) / sizes[j]) / 10 : 0)));
  return { rows, cols, cells, max: measure === 'percent' ? 100 : Math.max(1, ...cells.flat()), sizes, measure };
}

/** A cell as shown: "4", or "66.7%". */
export const cellText = (m: Matrix, v: number): string => (m.measure === 'percent' ? `${v}%` : String(v));

/** The unit under a chart, e.g. "participants (of the group's 6)". */
export const unitOf = (m: Matrix): string => (m.measure === 'percent' ? "percent of the group's participants" : m.measure);

export function matrixCsv(m: Matrix, key: string): string {
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const head = [`code \\ ${key}`, ...m.cols].map(q).join(',');
  const body = m.rows.map((r, i) => [q(r.name), ...m.cells[i].map(String)].join(','));
  // Percent and participant counts need the groups' sizes to be read; codings are raw counts.
  const sizes = m.measure === 'codings' ? [] : [['participants in group', ...m.sizes.map(String)].join(',')];
  return [head, ...body, ...sizes].join('\n') + '\n';
}
