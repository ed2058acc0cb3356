// Writing the consensus coder's codings for a decision, and the decision record, in one operation.
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../store/operations.ts';
import { stmt } from '../../store/changes.ts';
import { checkSpan } from '../codes/codings.ts';
import { coderId } from '../participants/coders.ts';
import { nowIso } from '../../store/rows.ts';
import { ThematicError } from '../../core/errors.ts';
import type { DecisionRow, Passage, SpanOf } from './queries.ts';

export type DecisionKind = 'keep-a' | 'keep-b' | 'both' | 'union' | 'intersection' | 'edited' | 'neither';
export interface Target {
  codeId: number;
  start: number;
  end: number;
}

/** Sorted disjoint cover of spans. */
function cover(spans: { start: number; end: number }[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

function intersect(a: { start: number; end: number }[], b: { start: number; end: number }[]) {
  const out: { start: number; end: number }[] = [];
  for (const x of cover(a))
    for (const y of cover(b)) {
      const s = Math.max(x.start, y.start),
        e = Math.min(x.end, y.end);
      if (e > s) out.push({ start: s, end: e });
    }
  return out;
}

const spansOf = (l: SpanOf[]): Target[] => l.map((s) => ({ codeId: s.codeId, start: s.start, end: s.end }));

/** The consensus codings a decision stands for. */
export function targetsFor(p: Passage, kind: DecisionKind, edited?: Target[]): Target[] {
  switch (kind) {
    case 'keep-a':
      return spansOf(p.a);
    case 'keep-b':
      return spansOf(p.b);
    case 'both':
      return [...spansOf(p.a), ...spansOf(p.b)];
    case 'neither':
      return [];
    case 'edited':
      if (!edited?.length) throw new ThematicError('invalid_input', 'an edited decision needs the spans to keep (or choose "neither")');
      return edited;
    case 'union':
    case 'intersection': {
      if (p.kind === 'different-codes')
        throw new ThematicError(
          'invalid_input',
          `the coders applied different codes here; ${kind} of spans needs one code (choose keep A, keep B, both, edited or neither)`,
        );
      const spans = kind === 'union' ? cover([...p.a, ...p.b]) : intersect(p.a, p.b);
      if (!spans.length)
        throw new ThematicError('invalid_input', "the coders' spans do not overlap: the intersection is empty (choose neither)");
      return spans.map((s) => ({ codeId: p.codeId, ...s }));
    }
  }
}

/** Inserts the consensus codings (skipping exact duplicates) and the decision record. */
export function writeDecision(
  tx: Tx,
  p: Passage,
  o: {
    kind: DecisionKind | 'agreed';
    targets: Target[];
    coderA: string;
    coderB: string;
    consensus: string;
    rationale: string;
    actor: string;
    previous?: DecisionRow;
  },
): { decisionId: number; codingIds: number[] } {
  if (o.previous) {
    // Re-deciding: take back what the earlier decision wrote, keep the earlier record as history.
    const ids = (JSON.parse(o.previous.coding_ids) as number[]).filter((id) => stmt(tx.db, 'SELECT 1 FROM codings WHERE id = ?').get(id));
    tx.delete(
      'codings',
      ids.map((id) => ({ id })),
    );
    tx.update('consensus_decisions', { id: o.previous.id }, { superseded_at: nowIso() });
  }
  const cid = coderId(tx, o.consensus);
  const at = nowIso();
  const codingIds: number[] = [];
  const seen = new Set<string>();
  for (const t of o.targets) {
    const k = `${t.codeId}:${t.start}-${t.end}`;
    if (seen.has(k)) continue;
    seen.add(k);
    checkSpan(tx.db, p.documentId, t.start, t.end);
    if (!stmt(tx.db, 'SELECT 1 FROM codes WHERE id = ?').get(t.codeId))
      throw new ThematicError('not_found', `code ${t.codeId} does not exist`);
    if (
      stmt(tx.db, 'SELECT 1 FROM codings WHERE document_id = ? AND code_id = ? AND coder_id = ? AND start = ? AND end = ?').get(
        p.documentId,
        t.codeId,
        cid,
        t.start,
        t.end,
      )
    )
      continue;
    codingIds.push(
      tx.insert('codings', {
        guid: randomUUID(),
        document_id: p.documentId,
        code_id: t.codeId,
        coder_id: cid,
        start: t.start,
        end: t.end,
        created_at: at,
      }),
    );
  }
  const decisionId = tx.insert('consensus_decisions', {
    disagreement_key: p.key,
    document_id: p.documentId,
    code_id: p.codeId,
    other_code_id: p.otherCodeId,
    coder_a: o.coderA,
    coder_b: o.coderB,
    consensus_coder: o.consensus,
    kind: o.kind,
    rationale: o.rationale,
    decided_by: o.actor,
    decided_at: at,
    coding_ids: JSON.stringify(codingIds),
    superseded_at: null,
  });
  return { decisionId, codingIds };
}
