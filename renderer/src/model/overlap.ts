import type { Coding } from '@core/model/entities.ts';

export type Combine = 'and' | 'or' | 'not';

/** A retrieved passage: a span of one document, with the codings (and so coders) that make it up. */
export interface Passage {
  key: string;
  documentId: number;
  start: number;
  end: number;
  coders: string[];
}

interface Span {
  start: number;
  end: number;
  coders: Set<string>;
}

/** One code's codings in one document as disjoint spans: overlapping or touching codings (e.g. both coders') join. */
function union(codings: Coding[]): Span[] {
  const sorted = [...codings].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const c of sorted) {
    const last = out.at(-1);
    if (last && c.start <= last.end) {
      last.end = Math.max(last.end, c.end);
      last.coders.add(c.coder);
    } else out.push({ start: c.start, end: c.end, coders: new Set([c.coder]) });
  }
  return out;
}

/** Where two sets of disjoint spans overlap (characters in both). */
function intersect(a: Span[], b: Span[]): Span[] {
  const out: Span[] = [];
  let i = 0,
    j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i].start, b[j].start),
      end = Math.min(a[i].end, b[j].end);
    if (start < end) out.push({ start, end, coders: new Set([...a[i].coders, ...b[j].coders]) });
    if (a[i].end < b[j].end) i++;
    else j++;
  }
  return out;
}

const overlaps = (c: Coding, spans: Span[]) => spans.some((s) => c.start < s.end && s.start < c.end);

/**
 * Combines the codings of several codes, per document:
 * - and: the characters every selected code covers (the overlap of all);
 * - or: the characters any of them covers (overlapping codings join into one passage);
 * - not: codings of the first code that overlap none of the others.
 * One code alone gives its codings, identical spans of two coders folded into one.
 */
export function combine(codings: Coding[], codeIds: number[], mode: Combine): Passage[] {
  if (!codeIds.length) return [];
  const byDoc = new Map<number, Map<number, Coding[]>>();
  for (const c of codings) {
    if (!codeIds.includes(c.codeId)) continue;
    const d = byDoc.get(c.documentId) ?? new Map<number, Coding[]>();
    d.set(c.codeId, [...(d.get(c.codeId) ?? []), c]);
    byDoc.set(c.documentId, d);
  }
  const out: Passage[] = [];
  const push = (documentId: number, s: { start: number; end: number; coders: Iterable<string> }) =>
    out.push({ key: `${documentId}:${s.start}:${s.end}`, documentId, start: s.start, end: s.end, coders: [...new Set(s.coders)].sort() });
  for (const [documentId, perCode] of [...byDoc].sort((a, b) => a[0] - b[0])) {
    if (codeIds.length === 1 || mode === 'not') {
      const [first, ...rest] = codeIds;
      const others = union(rest.flatMap((id) => perCode.get(id) ?? []));
      const folded = new Map<string, { start: number; end: number; coders: string[] }>();
      for (const c of perCode.get(first) ?? []) {
        if (mode === 'not' && overlaps(c, others)) continue;
        const k = `${c.start}:${c.end}`;
        const f = folded.get(k);
        if (f) f.coders.push(c.coder);
        else folded.set(k, { start: c.start, end: c.end, coders: [c.coder] });
      }
      for (const f of [...folded.values()].sort((a, b) => a.start - b.start || a.end - b.end)) push(documentId, f);
    } else if (mode === 'or') {
      for (const s of union(codeIds.flatMap((id) => perCode.get(id) ?? []))) push(documentId, s);
    } else {
      let acc: Span[] | null = null;
      for (const id of codeIds) acc = acc === null ? union(perCode.get(id) ?? []) : intersect(acc, union(perCode.get(id) ?? []));
      for (const s of acc ?? []) push(documentId, s);
    }
  }
  return out;
}
