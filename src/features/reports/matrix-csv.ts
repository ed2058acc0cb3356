import type { Db } from '../../store/open.ts';
import { ThematicError } from '../../core/errors.ts';
import { scopedSegments, segmentsByCode } from './segments.ts';
import { resolveScope } from './scope.ts';
import { coveredCodes, select } from './selection.ts';
import { attributeKeys, checkAttribute } from './attribution.ts';
import { csvBytes } from './csv.ts';
import type { MatrixCount, ReportOptions } from '../../core/reports/types.ts';

// Codes by a participant attribute (a framework matrix): rows are codes (by path, in tree order),
// columns the attribute's values, cells the coded segments (or distinct participants or documents).

export const NO_VALUE = '(none)';

export function matrixAttribute(db: Db, wanted?: string): string {
  const keys = attributeKeys(db);
  if (wanted === undefined) {
    if (!keys.length)
      throw new ThematicError('invalid_input', 'participants have no attributes yet, so there is nothing to cross codes with');
    return keys.includes('group') ? 'group' : keys[0];
  }
  checkAttribute(wanted, keys);
  return wanted;
}

export function codeByAttribute(
  db: Db,
  opts: ReportOptions,
): { attribute: string; count: MatrixCount; columns: string[]; rows: { path: string; cells: number[]; total: number }[] } {
  const attribute = matrixAttribute(db, opts.attribute);
  const count = opts.count ?? 'segments';
  const sel = select(db, opts);
  const covered = coveredCodes(db, sel);
  const segs = scopedSegments(db, resolveScope(db, opts.coder));
  const valueOf = (s: (typeof segs)[number]) => s.participant?.attributes[attribute] || NO_VALUE;
  const columns = [...new Set(segs.map(valueOf))].sort((a, b) =>
    a === NO_VALUE ? 1 : b === NO_VALUE ? -1 : a.localeCompare(b, undefined, { numeric: true }),
  );
  const unit = (s: (typeof segs)[number]): string | null =>
    count === 'segments'
      ? `${s.documentId}:${s.codeId}:${s.start}:${s.end}:${s.codingIds[0]}`
      : count === 'documents'
        ? String(s.documentId)
        : s.participant
          ? String(s.participant.id)
          : null;
  const byCode = segmentsByCode(segs);
  const rows = sel.codes
    .filter((c) => !covered || covered.has(c.id))
    .map((c) => {
      const mine = byCode.get(c.id) ?? [];
      const distinct = (list: typeof segs) => new Set(list.map(unit).filter((u) => u !== null)).size;
      return { path: c.path, cells: columns.map((v) => distinct(mine.filter((s) => valueOf(s) === v))), total: distinct(mine) };
    });
  return { attribute, count, columns, rows };
}

export function matrixCsv(db: Db, opts: ReportOptions): Uint8Array {
  const m = codeByAttribute(db, opts);
  return csvBytes([['code', ...m.columns, 'total'], ...m.rows.map((r) => [r.path, ...r.cells, r.total])]);
}
