// The decision log as the API and the CSV export present it.
import type { Db } from '../../store/open.ts';
import { stmt } from '../../store/changes.ts';
import { toCsv } from '../../lib/csv.ts';
import type { DecisionRow } from './queries.ts';

export type DecisionKindName = 'keep-a' | 'keep-b' | 'both' | 'union' | 'intersection' | 'edited' | 'neither' | 'agreed';

export interface Decision {
  id: number;
  key: string;
  documentId: number;
  document: string;
  codeId: number;
  code: string;
  otherCodeId: number | null;
  otherCode: string | null;
  coderA: string;
  coderB: string;
  consensus: string;
  kind: DecisionKindName;
  rationale: string;
  decidedBy: string;
  decidedAt: string;
  codingIds: number[];
  supersededAt: string | null;
}

export function toDecision(db: Db, r: DecisionRow): Decision {
  const name = (id: number | null) =>
    id === null ? null : ((stmt(db, 'SELECT name FROM codes WHERE id = ?').get(id) as { name: string } | undefined)?.name ?? String(id));
  const doc =
    (stmt(db, 'SELECT name FROM documents WHERE id = ?').get(r.document_id) as { name: string } | undefined)?.name ?? String(r.document_id);
  return {
    id: r.id,
    key: r.disagreement_key,
    documentId: r.document_id,
    document: doc,
    codeId: r.code_id,
    code: name(r.code_id)!,
    otherCodeId: r.other_code_id,
    otherCode: name(r.other_code_id),
    coderA: r.coder_a,
    coderB: r.coder_b,
    consensus: r.consensus_coder,
    kind: r.kind as DecisionKindName,
    rationale: r.rationale,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    codingIds: JSON.parse(r.coding_ids) as number[],
    supersededAt: r.superseded_at,
  };
}

export function decisionLog(db: Db, f: { coderA?: string; coderB?: string; consensus?: string; includeSuperseded: boolean }): Decision[] {
  const rows = stmt(
    db,
    `SELECT * FROM consensus_decisions
      WHERE (@a IS NULL OR coder_a = @a) AND (@b IS NULL OR coder_b = @b) AND (@c IS NULL OR consensus_coder = @c)
        AND (@all = 1 OR superseded_at IS NULL) ORDER BY decided_at, id`,
  ).all({ a: f.coderA ?? null, b: f.coderB ?? null, c: f.consensus ?? null, all: f.includeSuperseded ? 1 : 0 }) as DecisionRow[];
  return rows.map((r) => toDecision(db, r));
}

export function decisionCsv(list: Decision[]): string {
  return toCsv([
    [
      'decision',
      'decided_at',
      'decided_by',
      'coder_a',
      'coder_b',
      'consensus',
      'document',
      'code',
      'other_code',
      'start',
      'end',
      'kind',
      'rationale',
      'consensus_coding_ids',
      'superseded_at',
    ],
    ...list.map((d) => {
      const extent = /:(\d+)-(\d+)$/.exec(d.key);
      return [
        d.id,
        d.decidedAt,
        d.decidedBy,
        d.coderA,
        d.coderB,
        d.consensus,
        d.document,
        d.code,
        d.otherCode ?? '',
        extent?.[1] ?? '',
        extent?.[2] ?? '',
        d.kind,
        d.rationale,
        d.codingIds.join(' '),
        d.supersededAt ?? '',
      ];
    }),
  ]);
}
