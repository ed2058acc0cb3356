import type { Db } from '../../store/open.ts';
import { stmt } from '../../store/changes.ts';
import type { Tx } from '../../store/operations.ts';
import type { Extensions } from './extensions.ts';
import type { DecisionRow } from '../reconcile/queries.ts';

// The reconciliation log (consensus decisions) has no REFI-QDA element: it travels in
// extensions.json by GUIDs and comes back with the new ids (its keys name document and code ids).

export type ExtDecision = NonNullable<Extensions['consensusDecisions']>[number];

/** A row of consensus_decisions as stored (the reconcile feature's own row type). */
type Row = DecisionRow;

const KEY = /^(\d+):(\d+)(?:\/(\d+))?:(.*)$/;

export function exportDecisions(
  db: Db,
  docGuid: (id: number) => string,
  codeGuid: Map<number, string>,
  codingGuid: Map<number, string>,
): ExtDecision[] {
  const rows = stmt(db, 'SELECT * FROM consensus_decisions ORDER BY id').all() as Row[];
  return rows.map((r) => ({
    documentGuid: docGuid(r.document_id),
    codeGuid: codeGuid.get(r.code_id)!,
    otherCodeGuid: r.other_code_id === null ? null : (codeGuid.get(r.other_code_id) ?? null),
    extent: KEY.exec(r.disagreement_key)?.[4] ?? null,
    key: r.disagreement_key,
    coderA: r.coder_a,
    coderB: r.coder_b,
    consensusCoder: r.consensus_coder,
    kind: r.kind,
    rationale: r.rationale,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    codingGuids: (JSON.parse(r.coding_ids) as number[]).map((id) => codingGuid.get(id)).filter((g): g is string => !!g),
    supersededAt: r.superseded_at,
  }));
}

/** Decisions on documents this import added; returns how many came in. */
export function importDecisions(
  tx: Tx,
  list: ExtDecision[],
  docs: Map<string, number>,
  codes: Map<string, number>,
  codings: Map<string, number>,
): number {
  let n = 0;
  for (const d of list) {
    const doc = docs.get(d.documentGuid.toLowerCase()),
      code = codes.get(d.codeGuid.toLowerCase());
    const other = d.otherCodeGuid ? codes.get(d.otherCodeGuid.toLowerCase()) : null;
    if (doc === undefined || code === undefined || other === undefined) continue;
    const key = d.extent === null ? d.key : `${doc}:${code}${other !== null ? `/${other}` : ''}:${d.extent}`;
    tx.insert('consensus_decisions', {
      disagreement_key: key,
      document_id: doc,
      code_id: code,
      other_code_id: other,
      coder_a: d.coderA,
      coder_b: d.coderB,
      consensus_coder: d.consensusCoder,
      kind: d.kind,
      rationale: d.rationale,
      decided_by: d.decidedBy,
      decided_at: d.decidedAt,
      coding_ids: JSON.stringify(d.codingGuids.map((g) => codings.get(g)).filter((id) => id !== undefined)),
      superseded_at: d.supersededAt,
    });
    n++;
  }
  return n;
}
