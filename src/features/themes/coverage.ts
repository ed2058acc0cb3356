import type { Db } from '../../store/open.ts';
import { stmt } from '../../store/changes.ts';
import type { ThemeRow } from './queries.ts';

// How well each theme is grounded: codings, documents and participants behind its codes (its
// sub-themes' codes included), and coverage per participant group ("patient 5/6, HCP 4/5").

export interface GroupCoverage {
  group: string;
  covered: number;
  total: number;
}
export interface Coverage {
  codingCount: number;
  documentCount: number;
  participantCount: number;
  participants: string[];
  groups: GroupCoverage[];
}

interface CodingFact {
  id: number;
  code_id: number;
  document_id: number;
  pid: number | null;
}

/** A coding belongs to the participant who speaks the turn it starts in, else the document's participant. */
export function codingFacts(db: Db, coder?: string): CodingFact[] {
  return stmt(
    db,
    `SELECT g.id, g.code_id, g.document_id, COALESCE(sp.participant_id, d.participant_id) AS pid
    FROM codings g JOIN documents d ON d.id = g.document_id JOIN coders k ON k.id = g.coder_id
    LEFT JOIN turns t ON t.document_id = g.document_id AND t.start <= g.start AND g.start < t.end
    LEFT JOIN speaker_participants sp ON sp.document_id = t.document_id AND sp.speaker = t.speaker
    WHERE (@coder IS NULL OR k.name = @coder)`,
  ).all({ coder: coder ?? null }) as CodingFact[];
}

export interface ParticipantInfo {
  label: string;
  group: string | null;
}

export function participantGroups(db: Db, groupBy: string): Map<number, ParticipantInfo> {
  const rows = stmt(
    db,
    `SELECT p.id, p.label, a.value AS grp FROM participants p
    LEFT JOIN participant_attributes a ON a.participant_id = p.id AND a.key = ?`,
  ).all(groupBy) as { id: number; label: string; grp: string | null }[];
  return new Map(rows.map((r) => [r.id, { label: r.label, group: r.grp }]));
}

export function groupTotals(people: Map<number, ParticipantInfo>): Map<string, number> {
  const totals = new Map<string, number>();
  for (const p of people.values()) if (p.group !== null) totals.set(p.group, (totals.get(p.group) ?? 0) + 1);
  return totals;
}

/** Coverage for every theme, keyed by theme id. */
export function themeCoverage(db: Db, themes: ThemeRow[], opts: { coder?: string; groupBy: string }): Map<number, Coverage> {
  const byCode = new Map<number, CodingFact[]>();
  for (const f of codingFacts(db, opts.coder)) (byCode.get(f.code_id) ?? byCode.set(f.code_id, []).get(f.code_id)!).push(f);
  const own = new Map<number, number[]>();
  for (const r of stmt(db, 'SELECT theme_id, code_id FROM theme_codes').all() as { theme_id: number; code_id: number }[]) {
    (own.get(r.theme_id) ?? own.set(r.theme_id, []).get(r.theme_id)!).push(r.code_id);
  }
  const children = new Map<number, number[]>();
  for (const t of themes)
    if (t.parent_id !== null) (children.get(t.parent_id) ?? children.set(t.parent_id, []).get(t.parent_id)!).push(t.id);
  const codesUnder = (id: number, out = new Set<number>()): Set<number> => {
    for (const c of own.get(id) ?? []) out.add(c);
    for (const k of children.get(id) ?? []) codesUnder(k, out);
    return out;
  };
  const people = participantGroups(db, opts.groupBy);
  const totals = groupTotals(people);
  const result = new Map<number, Coverage>();
  for (const t of themes) {
    const codings = new Set<number>(),
      docs = new Set<number>(),
      pids = new Set<number>();
    for (const c of codesUnder(t.id))
      for (const f of byCode.get(c) ?? []) {
        codings.add(f.id);
        docs.add(f.document_id);
        if (f.pid !== null) pids.add(f.pid);
      }
    const covered = new Map<string, number>();
    for (const p of pids) {
      const g = people.get(p)?.group;
      if (g != null) covered.set(g, (covered.get(g) ?? 0) + 1);
    }
    result.set(t.id, {
      codingCount: codings.size,
      documentCount: docs.size,
      participantCount: pids.size,
      participants: [...pids]
        .map((p) => people.get(p)?.label ?? String(p))
        .sort((a, b) => a.localeCompare(b, undefined, { numeric: true })),
      groups: [...totals].map(([group, total]) => ({ group, covered: covered.get(group) ?? 0, total })),
    });
  }
  return result;
}
