import type { Db } from '../../store/open.ts';
import { stmt } from '../../store/changes.ts';
import type { Tx } from '../../store/operations.ts';
import { nowIso } from '../../store/rows.ts';
import type { RefiGraph, RefiLink, RefiSet } from './model.ts';
import type { ReportItem } from '../../core/refi-report.ts';

// Sets, links and graphs from other programs: Thematic has no model for them, so they are kept
// as they came (refi_extras) and written back on export, minus members that no longer exist.

type Extra = { kind: 'set'; item: RefiSet } | { kind: 'link'; item: RefiLink } | { kind: 'graph'; item: RefiGraph };

export function keepExtras(tx: Tx, extras: Extra[]): number {
  let n = 0;
  for (const e of extras) {
    if (stmt(tx.db, 'SELECT 1 FROM refi_extras WHERE guid = ?').get(e.item.guid)) continue;
    tx.insert('refi_extras', {
      kind: e.kind,
      guid: e.item.guid,
      name: e.item.name ?? '',
      json: JSON.stringify(e.item),
      created_at: nowIso(),
    });
    n++;
  }
  return n;
}

export function exportExtras(
  db: Db,
  known: Set<string>,
): { sets: RefiSet[]; links: RefiLink[]; graphs: RefiGraph[]; dropped: ReportItem[] } {
  const rows = stmt(db, 'SELECT kind, json FROM refi_extras ORDER BY id').all() as { kind: Extra['kind']; json: string }[];
  const out = { sets: [] as RefiSet[], links: [] as RefiLink[], graphs: [] as RefiGraph[], dropped: [] as ReportItem[] };
  for (const r of rows) {
    if (r.kind === 'set') {
      const s = JSON.parse(r.json) as RefiSet;
      const keep = (xs: string[]) => xs.filter((g) => known.has(g));
      const fixed = { ...s, memberCodes: keep(s.memberCodes), memberSources: keep(s.memberSources), memberNotes: keep(s.memberNotes) };
      const lost =
        s.memberCodes.length +
        s.memberSources.length +
        s.memberNotes.length -
        fixed.memberCodes.length -
        fixed.memberSources.length -
        fixed.memberNotes.length;
      if (lost)
        out.dropped.push({
          kind: 'set-members',
          name: `set "${s.name}"`,
          detail: `${lost} members no longer in the project (or never imported) were left out`,
        });
      out.sets.push(fixed);
    } else if (r.kind === 'link') {
      const l = JSON.parse(r.json) as RefiLink;
      if (known.has(l.originGuid) && known.has(l.targetGuid)) out.links.push(l);
      else
        out.dropped.push({ kind: 'link', name: `link "${l.name ?? l.guid}"`, detail: 'one of its ends is not in the project; left out' });
    } else {
      const g = JSON.parse(r.json) as RefiGraph;
      out.graphs.push({
        ...g,
        vertices: g.vertices.map((v) => (v.representedGuid && !known.has(v.representedGuid) ? { ...v, representedGuid: undefined } : v)),
      });
    }
  }
  return out;
}
