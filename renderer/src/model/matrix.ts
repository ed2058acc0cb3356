import type { Code, Coding, DocumentSummary } from '../../../src/model/entities.ts';

export interface Matrix { rows: Code[]; cols: string[]; cells: number[][]; max: number }

/**
 * Codes by a participant attribute, like a framework matrix: each cell counts codings (or distinct
 * participants) of a code among documents whose participant has that attribute value.
 */
export function codeByAttribute(codes: Code[], codings: Coding[], docs: DocumentSummary[], key: string, measure: 'codings' | 'participants'): Matrix {
  const docValue = new Map(docs.map((d) => [d.id, d.attributes[key] ?? '(none)']));
  const docPerson = new Map(docs.map((d) => [d.id, d.participantId ?? -d.id]));
  const cols = [...new Set(docs.map((d) => d.attributes[key] ?? '(none)'))].sort();
  const rows = codes.filter((c) => codings.some((g) => g.codeId === c.id));
  const sets = rows.map(() => cols.map(() => new Set<number>()));
  const counts = rows.map(() => cols.map(() => 0));
  const rowOf = new Map(rows.map((c, i) => [c.id, i]));
  for (const g of codings) {
    const r = rowOf.get(g.codeId), c = cols.indexOf(docValue.get(g.documentId) ?? '(none)');
    if (r === undefined || c < 0) continue;
    counts[r][c]++;
    sets[r][c].add(docPerson.get(g.documentId)!);
  }
  const cells = measure === 'codings' ? counts : sets.map((row) => row.map((s) => s.size));
  return { rows, cols, cells, max: Math.max(1, ...cells.flat()) };
}

export function matrixCsv(m: Matrix, key: string): string {
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return [[`code \\ ${key}`, ...m.cols].map(q).join(','), ...m.rows.map((r, i) => [q(r.name), ...m.cells[i].map(String)].join(','))].join('\n') + '\n';
}
