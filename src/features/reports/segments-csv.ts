import type { Db } from '../../store/open.ts';
import { codingSegments } from './segments.ts';
import { resolveScope } from './scope.ts';
import { coveredCodes, select } from './selection.ts';
import { attributeKeys, timestamp } from './attribution.ts';
import { csvBytes } from './csv.ts';
import type { ReportOptions } from '../../core/reports/types.ts';

// One row per coding (every coder's, or the chosen coder's): the raw material for analysis elsewhere.
// start/end are UTF-16 offsets into the document text, as the app stores them.

export function segmentsCsv(db: Db, opts: ReportOptions): Uint8Array {
  const sel = select(db, opts);
  const covered = coveredCodes(db, sel);
  const coders = opts.coder === undefined ? null : resolveScope(db, opts.coder).coders;
  const keys = attributeKeys(db);
  const codes = new Map(sel.codes.map((c) => [c.id, c]));
  const head = [
    'document',
    'participant',
    ...keys,
    'code',
    'code path',
    'coder',
    'start',
    'end',
    ...(opts.timestamps ? ['time'] : []),
    'text',
  ];
  const rows = codingSegments(db, coders)
    .filter((s) => !covered || covered.has(s.codeId))
    .map((s) => [
      s.document,
      s.participant?.label ?? '',
      ...keys.map((k) => s.participant?.attributes[k] ?? ''),
      codes.get(s.codeId)!.name,
      codes.get(s.codeId)!.path,
      s.coders[0],
      s.start,
      s.end,
      ...(opts.timestamps ? [s.timeStart == null ? '' : timestamp(s.timeStart).slice(1, -1)] : []),
      s.text,
    ]);
  return csvBytes([head, ...rows]);
}
