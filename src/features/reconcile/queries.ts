// Where two coders differ, per document: for each code, overlapping codings of both coders form
// one passage; a passage is agreed when both coders coded exactly the same spans, otherwise it
// is a disagreement (A only, B only, boundaries differ). An A-only passage that overlaps a B-only
// passage of another code is one disagreement of its own: different codes on the same text.
import type { Db } from '../../store/open.ts';
import { stmt } from '../../store/changes.ts';
import { coderIds } from '../agreement/data.ts';

export type DisagreementKind = 'a-only' | 'b-only' | 'boundaries' | 'different-codes';

export interface SpanOf {
  id: number;
  codeId: number;
  start: number;
  end: number;
}

export interface Passage {
  key: string;
  kind: DisagreementKind | 'agreed';
  documentId: number;
  codeId: number;
  otherCodeId: number | null;
  start: number;
  end: number;
  a: SpanOf[];
  b: SpanOf[];
}

export const CONSENSUS = 'Consensus';

const sameSpans = (a: SpanOf[], b: SpanOf[]) => {
  const k = (l: SpanOf[]) => [...new Set(l.map((s) => `${s.start}-${s.end}`))].sort().join(',');
  return k(a) === k(b);
};

/** Passages of one code in one document: clusters of overlapping spans of either coder. */
function clusters(documentId: number, codeId: number, a: SpanOf[], b: SpanOf[]): Passage[] {
  const all = [...a.map((s) => ({ s, who: 'a' as const })), ...b.map((s) => ({ s, who: 'b' as const }))].sort(
    (x, y) => x.s.start - y.s.start || x.s.end - y.s.end,
  );
  const out: Passage[] = [];
  let cur: Passage | null = null;
  for (const { s, who } of all) {
    if (!cur || s.start >= cur.end) {
      cur = { key: '', kind: 'agreed', documentId, codeId, otherCodeId: null, start: s.start, end: s.end, a: [], b: [] };
      out.push(cur);
    }
    cur.end = Math.max(cur.end, s.end);
    cur[who].push(s);
  }
  for (const p of out) {
    p.kind = !p.b.length ? 'a-only' : !p.a.length ? 'b-only' : sameSpans(p.a, p.b) ? 'agreed' : 'boundaries';
    p.key = `${documentId}:${codeId}:${p.start}-${p.end}`;
  }
  return out;
}

export function passages(db: Db, coderA: string, coderB: string, filter: { documentId?: number; codeId?: number } = {}): Passage[] {
  const [ida, idb] = coderIds(db, [coderA, coderB]);
  const rows = stmt(
    db,
    `SELECT id, document_id, code_id, coder_id, start, end FROM codings
      WHERE coder_id IN (?, ?) AND (@doc IS NULL OR document_id = @doc) ORDER BY document_id, code_id, start, end`,
  ).all(ida, idb, { doc: filter.documentId ?? null }) as {
    id: number;
    document_id: number;
    code_id: number;
    coder_id: number;
    start: number;
    end: number;
  }[];
  const groups = new Map<string, { doc: number; code: number; a: SpanOf[]; b: SpanOf[] }>();
  for (const r of rows) {
    const k = `${r.document_id}:${r.code_id}`;
    const g = groups.get(k) ?? groups.set(k, { doc: r.document_id, code: r.code_id, a: [], b: [] }).get(k)!;
    (r.coder_id === ida ? g.a : g.b).push({ id: r.id, codeId: r.code_id, start: r.start, end: r.end });
  }
  const byDoc = new Map<number, Passage[]>();
  for (const g of groups.values()) {
    const list = byDoc.get(g.doc) ?? byDoc.set(g.doc, []).get(g.doc)!;
    list.push(...clusters(g.doc, g.code, g.a, g.b));
  }
  const out: Passage[] = [];
  for (const [doc, list] of byDoc) {
    // Pair A-only with an overlapping B-only passage of another code: one "different codes" item.
    const bOnly = list.filter((p) => p.kind === 'b-only');
    const used = new Set<Passage>();
    const merged: Passage[] = [];
    for (const p of list) {
      if (used.has(p)) continue;
      if (p.kind === 'a-only') {
        const q = bOnly.find((x) => !used.has(x) && x.codeId !== p.codeId && x.start < p.end && p.start < x.end);
        if (q) {
          used.add(q);
          const start = Math.min(p.start, q.start),
            end = Math.max(p.end, q.end);
          merged.push({
            key: `${doc}:${p.codeId}/${q.codeId}:${start}-${end}`,
            kind: 'different-codes',
            documentId: doc,
            codeId: p.codeId,
            otherCodeId: q.codeId,
            start,
            end,
            a: p.a,
            b: q.b,
          });
          continue;
        }
      }
      merged.push(p);
    }
    out.push(...merged);
  }
  const keep = filter.codeId === undefined ? out : out.filter((p) => p.codeId === filter.codeId || p.otherCodeId === filter.codeId);
  return keep.sort((x, y) => x.documentId - y.documentId || x.start - y.start || x.codeId - y.codeId);
}

export interface DecisionRow {
  id: number;
  disagreement_key: string;
  document_id: number;
  code_id: number;
  other_code_id: number | null;
  coder_a: string;
  coder_b: string;
  consensus_coder: string;
  kind: string;
  rationale: string;
  decided_by: string;
  decided_at: string;
  coding_ids: string;
  superseded_at: string | null;
}

/** The current (not superseded) decision per disagreement key for this pair and consensus coder. */
export function currentDecisions(db: Db, coderA: string, coderB: string, consensus: string): Map<string, DecisionRow> {
  const rows = stmt(
    db,
    `SELECT * FROM consensus_decisions WHERE coder_a = ? AND coder_b = ? AND consensus_coder = ? AND superseded_at IS NULL`,
  ).all(coderA, coderB, consensus) as DecisionRow[];
  return new Map(rows.map((r) => [r.disagreement_key, r]));
}

/** Code and document names by id, for the list and the operation summaries (an id stands in for a missing name). Not the statement cache: raw() would change a shared statement. */
export function codeAndDocumentNames(db: Db): { code: (id: number) => string; doc: (id: number) => string } {
  const codes = new Map(db.prepare('SELECT id, name FROM codes').raw().all() as [number, string][]);
  const docs = new Map(db.prepare('SELECT id, name FROM documents').raw().all() as [number, string][]);
  return { code: (id: number) => codes.get(id) ?? String(id), doc: (id: number) => docs.get(id) ?? String(id) };
}

export function decisionRow(db: Db, id: number): DecisionRow {
  return stmt(db, 'SELECT * FROM consensus_decisions WHERE id = ?').get(id) as DecisionRow;
}
