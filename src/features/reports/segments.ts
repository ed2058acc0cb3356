import type { Db } from '../../store/open.ts';
import { stmt } from '../../store/changes.ts';
import type { CoderScope } from './scope.ts';

// Every coding with what a report says about it: the exact text, who said it and when.
// The speaker of a passage is the participant linked to the speaker turn the coding starts in
// (a focus group has several), else the document's participant.

export interface Person {
  id: number;
  label: string;
  attributes: Record<string, string>;
}

export interface Segment {
  codingIds: number[];
  documentId: number;
  document: string;
  codeId: number;
  coders: string[];
  start: number;
  end: number;
  text: string;
  participant: Person | null;
  timeStart: number | null;
}

interface Row {
  id: number;
  document_id: number;
  code_id: number;
  coder: string;
  start: number;
  end: number;
}
interface TurnRow {
  start: number;
  end: number;
  speaker: string | null;
  time_start: number | null;
}

export function people(db: Db): Map<number, Person> {
  const out = new Map<number, Person>();
  for (const p of stmt(db, 'SELECT id, label FROM participants').all() as { id: number; label: string }[])
    out.set(p.id, { ...p, attributes: {} });
  for (const a of stmt(db, 'SELECT participant_id, key, value FROM participant_attributes ORDER BY key').all() as {
    participant_id: number;
    key: string;
    value: string;
  }[]) {
    out.get(a.participant_id)!.attributes[a.key] = a.value;
  }
  return out;
}

/** All codings of the given coders (all coders when null), one segment per coding, in document order. */
export function codingSegments(db: Db, coders: string[] | null): Segment[] {
  const rows = stmt(
    db,
    `SELECT g.id, g.document_id, g.code_id, k.name AS coder, g.start, g.end FROM codings g JOIN coders k ON k.id = g.coder_id
    WHERE @coders IS NULL OR k.name IN (SELECT value FROM json_each(@coders))`,
  ).all({ coders: coders ? JSON.stringify(coders) : null }) as Row[];
  const docs = new Map(
    (
      stmt(db, 'SELECT id, name, text, participant_id FROM documents').all() as {
        id: number;
        name: string;
        text: string;
        participant_id: number | null;
      }[]
    ).map((d) => [d.id, d]),
  );
  const who = people(db);
  // The turns and speakers of every coded document in two queries, not two per document.
  const needed = new Set(rows.map((r) => r.document_id));
  const ids = JSON.stringify([...needed]);
  const turnsOf = new Map<number, TurnRow[]>([...needed].map((id) => [id, []]));
  for (const t of stmt(
    db,
    `SELECT document_id, start, end, speaker, time_start FROM turns
    WHERE document_id IN (SELECT value FROM json_each(?)) ORDER BY document_id, start, idx`,
  ).all(ids) as (TurnRow & { document_id: number })[]) {
    turnsOf.get(t.document_id)?.push(t);
  }
  const speakersOf = new Map<number, Map<string, number>>([...needed].map((id) => [id, new Map()]));
  for (const s of stmt(
    db,
    'SELECT document_id, speaker, participant_id FROM speaker_participants WHERE document_id IN (SELECT value FROM json_each(?))',
  ).all(ids) as { document_id: number; speaker: string; participant_id: number }[]) {
    speakersOf.get(s.document_id)?.set(s.speaker, s.participant_id);
  }
  const segs = rows.map((r): Segment => {
    const d = docs.get(r.document_id)!;
    const turn = turnAt(turnsOf.get(r.document_id)!, r.start, r.end);
    const speakerPid = turn?.speaker != null ? speakersOf.get(r.document_id)!.get(turn.speaker) : undefined;
    const pid = speakerPid ?? d.participant_id;
    return {
      codingIds: [r.id],
      documentId: r.document_id,
      document: d.name,
      codeId: r.code_id,
      coders: [r.coder],
      start: r.start,
      end: r.end,
      text: d.text.slice(r.start, r.end),
      participant: pid == null ? null : (who.get(pid) ?? null),
      timeStart: turn?.time_start ?? null,
    };
  });
  const order = documentOrder([...docs.values()]);
  return segs.sort(
    (a, b) =>
      order.get(a.documentId)! - order.get(b.documentId)! ||
      a.start - b.start ||
      a.end - b.end ||
      a.codeId - b.codeId ||
      a.coders[0].localeCompare(b.coders[0]),
  );
}

/** The coded segments a scope stands for: identical passages (same document, code and extent) of several coders merged. */
export function scopedSegments(db: Db, scope: CoderScope): Segment[] {
  const out = new Map<string, Segment>();
  for (const s of codingSegments(db, scope.coders)) {
    const key = `${s.documentId}:${s.codeId}:${s.start}:${s.end}`;
    const seen = out.get(key);
    if (seen && scope.merged) {
      seen.codingIds.push(...s.codingIds);
      if (!seen.coders.includes(s.coders[0])) seen.coders.push(s.coders[0]);
    } else out.set(seen ? `${key}:${s.codingIds[0]}` : key, s);
  }
  return [...out.values()];
}

/** Segments grouped by code, each group in the order given. */
export function segmentsByCode<S extends { codeId: number }>(segs: S[]): Map<number, S[]> {
  const out = new Map<number, S[]>();
  for (const s of segs) (out.get(s.codeId) ?? out.set(s.codeId, []).get(s.codeId)!).push(s);
  return out;
}

/** The turn the span starts in; a span starting between turns belongs to the next turn it reaches. */
function turnAt(turns: TurnRow[], start: number, end: number): TurnRow | undefined {
  // turns are sorted by start: binary search for the last one starting at or before the span
  let lo = 0,
    hi = turns.length - 1,
    at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (turns[mid].start <= start) {
      at = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (at >= 0 && start < turns[at].end) return turns[at];
  const next = turns[at + 1];
  return next && next.start < end ? next : undefined;
}

/** Documents in the order the app lists them: by name, P2 before P10. */
export function documentOrder(docs: { id: number; name: string }[]): Map<number, number> {
  const sorted = [...docs].sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }) || a.id - b.id);
  return new Map(sorted.map((d, i) => [d.id, i]));
}
