import type { Handlers } from '../../api/handler-types.ts';
import { codeAndDocumentNames, currentDecisions, decisionRow, passages, type Passage } from './queries.ts';
import { targetsFor, writeDecision } from './decide.ts';
import { decisionCsv, decisionLog, toDecision } from './log.ts';
import type { Tx } from '../../store/operations.ts';
import { ThematicError } from '../../core/errors.ts';
import type { Db } from '../../store/open.ts';
import { applyMerge, readCopy } from './merge.ts';
import { documentText } from '../documents/queries.ts';
import { writeCoderCopy } from './coder-copy.ts';
import { copyPath } from '../../lib/copy-path.ts';

type Method =
  'reconcile.list' | 'reconcile.decide' | 'reconcile.acceptAgreed' | 'reconcile.log' | 'reconcile.mergeCopy' | 'reconcile.coderCopy';

function checkPair(a: string, b: string, consensus: string) {
  if (new Set([a, b, consensus]).size !== 3)
    throw new ThematicError('invalid_input', 'coder A, coder B and the consensus coder must be three different coders');
}

type Trio = { coderA: string; coderB: string; consensus: string };

/** Agreed passages not yet in the consensus; a caller that already has the passages or decisions passes them. */
function agreedTodo(
  db: Db,
  i: Trio,
  decided = currentDecisions(db, i.coderA, i.coderB, i.consensus),
  all = passages(db, i.coderA, i.coderB),
) {
  return all.filter((p) => p.kind === 'agreed' && !decided.has(p.key));
}

function acceptAll(tx: Tx, todo: ReturnType<typeof agreedTodo>, i: Trio, actor: string): number {
  let codings = 0;
  for (const p of todo) {
    codings += writeDecision(tx, p, {
      kind: 'agreed',
      targets: targetsFor(p, 'keep-a'),
      coderA: i.coderA,
      coderB: i.coderB,
      consensus: i.consensus,
      rationale: '',
      actor,
    }).codingIds.length;
  }
  return codings;
}

export const reconcileHandlers: Handlers<Method> = {
  'reconcile.list': (i, h) => {
    checkPair(i.coderA, i.coderB, i.consensus);
    const all = passages(h.db, i.coderA, i.coderB, { documentId: i.documentId, codeId: i.codeId });
    const decided = currentDecisions(h.db, i.coderA, i.coderB, i.consensus);
    const n = codeAndDocumentNames(h.db);
    const texts = new Map<number, string>();
    const text = (doc: number) => texts.get(doc) ?? texts.set(doc, documentText(h.db, doc)).get(doc)!;
    const disagreements = all.filter((p) => p.kind !== 'agreed');
    const agreed = all.filter((p) => p.kind === 'agreed');
    const groups = new Map<
      string,
      { documentId: number; document: string; codeId: number; code: string; total: number; resolved: number }
    >();
    for (const p of disagreements) {
      const k = `${p.codeId}:${p.documentId}`;
      const g =
        groups.get(k) ??
        groups
          .set(k, {
            documentId: p.documentId,
            document: n.doc(p.documentId),
            codeId: p.codeId,
            code: n.code(p.codeId),
            total: 0,
            resolved: 0,
          })
          .get(k)!;
      g.total++;
      if (decided.has(p.key)) g.resolved++;
    }
    const resolved = disagreements.filter((p) => decided.has(p.key)).length;
    const shown = disagreements.filter((p) => i.status === 'all' || (i.status === 'resolved') === decided.has(p.key));
    return {
      items: shown.map((p) => {
        const t = text(p.documentId);
        const d = decided.get(p.key);
        return {
          key: p.key,
          kind: p.kind as Exclude<Passage['kind'], 'agreed'>,
          documentId: p.documentId,
          document: n.doc(p.documentId),
          codeId: p.codeId,
          code: n.code(p.codeId),
          otherCodeId: p.otherCodeId,
          otherCode: p.otherCodeId === null ? null : n.code(p.otherCodeId),
          start: p.start,
          end: p.end,
          before: t.slice(Math.max(0, p.start - i.context), p.start),
          text: t.slice(p.start, p.end),
          after: t.slice(p.end, p.end + i.context),
          a: p.a,
          b: p.b,
          decision: d ? toDecision(h.db, d) : null,
        };
      }),
      groups: [...groups.values()].sort((x, y) => x.code.localeCompare(y.code) || x.documentId - y.documentId),
      progress: { total: disagreements.length, resolved, open: disagreements.length - resolved },
      agreed: { passages: agreed.length, accepted: agreed.filter((p) => decided.has(p.key)).length },
    };
  },

  'reconcile.decide': (i, h) => {
    checkPair(i.coderA, i.coderB, i.consensus);
    // Every passage of the pair, read once: the one decided on, and the agreed ones accepted with it.
    const all = passages(h.db, i.coderA, i.coderB);
    const p = all.find((x) => x.key === i.key);
    if (!p || p.kind === 'agreed')
      throw new ThematicError('not_found', `no disagreement "${i.key}" between ${i.coderA} and ${i.coderB} (the codings may have changed)`);
    const targets = targetsFor(
      p,
      i.kind,
      i.spans?.map((s) => ({ codeId: s.codeId ?? p.codeId, start: s.start, end: s.end })),
    );
    const decided = currentDecisions(h.db, i.coderA, i.coderB, i.consensus);
    const previous = decided.get(p.key);
    const n = codeAndDocumentNames(h.db);
    // Agreed passages go into the consensus with the first decision (in the same undoable step),
    // so the consensus is never a partial picture of what both coders already agree on.
    const agreed = agreedTodo(h.db, i, decided, all);
    const r = h.op(
      `Reconcile "${n.code(p.codeId)}" in ${n.doc(p.documentId)} [${p.start}, ${p.end}): ${i.kind}${agreed.length ? ` (and accept ${agreed.length} agreed passages)` : ''}`,
      (tx) => {
        acceptAll(tx, agreed, i, h.actor);
        return writeDecision(tx, p, {
          kind: i.kind,
          targets,
          coderA: i.coderA,
          coderB: i.coderB,
          consensus: i.consensus,
          rationale: i.rationale,
          actor: h.actor,
          previous,
        });
      },
    );
    return { decision: toDecision(h.db, decisionRow(h.db, r.decisionId)), codingIds: r.codingIds };
  },

  'reconcile.acceptAgreed': (i, h) => {
    checkPair(i.coderA, i.coderB, i.consensus);
    const todo = agreedTodo(h.db, i);
    if (!todo.length) return { accepted: 0, codings: 0 };
    return h.op(`Accept ${todo.length} agreed passages of ${i.coderA} and ${i.coderB} into ${i.consensus}`, (tx) => ({
      accepted: todo.length,
      codings: acceptAll(tx, todo, i, h.actor),
    }));
  },

  'reconcile.log': (i, h) => {
    const decisions = decisionLog(h.db, i);
    return { decisions, csv: decisionCsv(decisions) };
  },

  'reconcile.mergeCopy': (i, h) => {
    const plan = readCopy(Buffer.from(i.contentBase64, 'base64'), h.db, i.addNewCodes, i.fileName ?? 'the coder copy');
    const out = {
      coders: plan.coders,
      merged: 0,
      duplicates: plan.duplicates,
      skipped: plan.skipped,
      memosNotMerged: plan.memosNotMerged,
      memosMerged: plan.memos.length,
      conflicts: plan.conflicts,
    };
    if (i.dryRun || (!plan.codings.length && !plan.newCodes.length && !plan.memos.length)) return out;
    out.merged = h.op(
      `Merge ${plan.codings.length} codings of ${plan.coders.join(', ') || 'a coder copy'}${plan.newCodes.length ? ` and ${plan.newCodes.length} new codes` : ''}${plan.memos.length ? ` and ${plan.memos.length} memos` : ''}`,
      (tx) => applyMerge(tx, plan),
    );
    return out;
  },

  'reconcile.coderCopy': (i, h) => {
    const out = copyPath(h.path, i.outPath, h.trusted);
    h.progress('writing the coder copy');
    return { path: out, coder: i.coder, ...writeCoderCopy(h.db, i.coder, out) };
  },
};
