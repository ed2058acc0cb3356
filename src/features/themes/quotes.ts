import type { Db } from '../../store/open.ts';
import { stmt } from '../../store/changes.ts';
import { themeDescendants, type ThemeRow } from './queries.ts';
import { participantGroups } from './coverage.ts';
import { documentText } from '../documents/queries.ts';

// "Strongest quotes" for a theme card: passages that several coders coded the same way and that
// several of the theme's codes touch rank first; then one quote per participant before a second
// from anyone, so the card shows the breadth of voices rather than one talkative participant.

export interface Quote {
  codingIds: number[];
  documentId: number;
  start: number;
  end: number;
  text: string;
  codes: string[];
  coders: string[];
  participant: string | null;
  group: string | null;
  attribution: string;
}

export function strongestQuotes(db: Db, theme: ThemeRow, opts: { limit: number; coder?: string; groupBy: string }): Quote[] {
  const themeIds = [theme.id, ...themeDescendants(db, theme.id)];
  const rows = stmt(
    db,
    `SELECT g.id, g.document_id, g.start, g.end, c.name AS code, k.name AS coder,
      COALESCE(sp.participant_id, d.participant_id) AS pid
    FROM codings g JOIN codes c ON c.id = g.code_id JOIN coders k ON k.id = g.coder_id JOIN documents d ON d.id = g.document_id
    LEFT JOIN turns t ON t.document_id = g.document_id AND t.start <= g.start AND g.start < t.end
    LEFT JOIN speaker_participants sp ON sp.document_id = t.document_id AND sp.speaker = t.speaker
    WHERE g.code_id IN (SELECT code_id FROM theme_codes WHERE theme_id IN (SELECT value FROM json_each(@themes)))
      AND (@coder IS NULL OR k.name = @coder)
    ORDER BY g.document_id, g.start, g.end, g.id`,
  ).all({ themes: JSON.stringify(themeIds), coder: opts.coder ?? null }) as {
    id: number;
    document_id: number;
    start: number;
    end: number;
    code: string;
    coder: string;
    pid: number | null;
  }[];
  const spans = new Map<
    string,
    { ids: number[]; documentId: number; start: number; end: number; codes: Set<string>; coders: Set<string>; pid: number | null }
  >();
  for (const r of rows) {
    const key = `${r.document_id}:${r.start}:${r.end}`;
    const s =
      spans.get(key) ??
      spans
        .set(key, { ids: [], documentId: r.document_id, start: r.start, end: r.end, codes: new Set(), coders: new Set(), pid: r.pid })
        .get(key)!;
    s.ids.push(r.id);
    s.codes.add(r.code);
    s.coders.add(r.coder);
  }
  const ranked = [...spans.values()].sort((a, b) => score(b) - score(a) || a.documentId - b.documentId || a.start - b.start);
  const picked: typeof ranked = [];
  const voices = new Set<number | null>();
  for (const s of ranked)
    if (picked.length < opts.limit && !voices.has(s.pid)) {
      picked.push(s);
      voices.add(s.pid);
    }
  for (const s of ranked) if (picked.length < opts.limit && !picked.includes(s)) picked.push(s);
  const people = participantGroups(db, opts.groupBy);
  const texts = new Map<number, string>();
  const textOf = (id: number) => texts.get(id) ?? texts.set(id, documentText(db, id)).get(id)!;
  return picked.map((s) => {
    const p = s.pid === null ? undefined : people.get(s.pid);
    const who = [p?.label, p?.group].filter(Boolean).join(', ');
    return {
      codingIds: s.ids,
      documentId: s.documentId,
      start: s.start,
      end: s.end,
      text: textOf(s.documentId).slice(s.start, s.end),
      codes: [...s.codes],
      coders: [...s.coders],
      participant: p?.label ?? null,
      group: p?.group ?? null,
      attribution: who ? `(${who})` : '',
    };
  });
}

/** Agreement between coders counts most; a passage of quotable length (a sentence or three) helps. */
function score(s: { coders: Set<string>; codes: Set<string>; start: number; end: number }): number {
  const len = s.end - s.start;
  return s.coders.size * 10 + s.codes.size * 3 + (len >= 60 && len <= 400 ? 2 : 0);
}
