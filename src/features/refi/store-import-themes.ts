import { stmt } from '../../store/changes.ts';
import type { Tx } from '../../store/operations.ts';
import type { Extensions } from './extensions.ts';
import type { ReportItem } from '../../core/refi-report.ts';
import { keepGuid } from './store-guids.ts';

// Themes, their code attachments, links, decision history, map positions and versions, rebuilt
// exactly from a Thematic export's extensions.json. Themes already in the project (same GUID)
// are reused.

export function importThemes(
  tx: Tx,
  ext: Extensions,
  codeIds: Map<string, number>,
  notes: ReportItem[],
): { themes: Map<string, number>; added: number } {
  const ids = new Map<string, number>();
  for (const r of stmt(tx.db, 'SELECT id, guid FROM themes').all() as { id: number; guid: string }[]) ids.set(r.guid, r.id);
  const pending = new Map(ext.themes.map((t) => [t.guid, t]));
  let added = 0;
  const place = (t: Extensions['themes'][number]) => {
    if (!pending.delete(t.guid)) return;
    if (t.parentGuid && pending.has(t.parentGuid)) place(pending.get(t.parentGuid)!);
    if (ids.has(t.guid)) return;
    const id = tx.insert('themes', {
      guid: t.guid,
      parent_id: t.parentGuid ? (ids.get(t.parentGuid) ?? null) : null,
      kind: t.kind,
      name: t.name,
      definition: t.definition,
      color: t.color,
      status: t.status,
      position: t.position,
      created_at: t.createdAt,
    });
    ids.set(t.guid, id);
    added++;
    t.codeGuids.forEach((g, position) => {
      const codeId = codeIds.get(g.toLowerCase());
      if (codeId !== undefined) tx.insert('theme_codes', { theme_id: id, code_id: codeId, position });
    });
  };
  for (const t of ext.themes) place(t);
  for (const l of ext.themeLinks) {
    const from = ids.get(l.fromGuid),
      to = ids.get(l.toGuid);
    if (from === undefined || to === undefined) continue;
    // the same link already here (an export imported back into its own project) is not doubled
    if (stmt(tx.db, 'SELECT 1 FROM theme_links WHERE from_theme_id = ? AND to_theme_id = ? AND label = ?').get(from, to, l.label)) continue;
    const id = tx.insert('theme_links', { from_theme_id: from, to_theme_id: to, label: l.label, created_at: l.createdAt });
    keepGuid(tx, 'theme_link', id, l.guid);
  }
  if (added) {
    tx.insertMany(
      'theme_events',
      ext.themeEvents.map((e) => ({
        theme_id: (e.themeGuid && ids.get(e.themeGuid)) ?? e.themeId,
        theme_name: e.themeName,
        kind: e.kind,
        rationale: e.rationale,
        details: e.details,
        actor: e.actor,
        at: e.at,
      })),
    );
  }
  const have = new Set((stmt(tx.db, 'SELECT node_id FROM map_positions').all() as { node_id: string }[]).map((r) => r.node_id));
  tx.insertMany(
    'map_positions',
    Object.entries(ext.mapPositions)
      .filter(([k]) => !have.has(k))
      .map(([node_id, p]) => ({ node_id, x: p.x, y: p.y })),
  );
  for (const v of ext.mapVersions) {
    if (stmt(tx.db, 'SELECT 1 FROM map_versions WHERE name = ?').get(v.name)) {
      notes.push({
        kind: 'map-version',
        name: `map version "${v.name}"`,
        detail: 'the project already has a version of that name; not imported',
      });
      continue;
    }
    tx.insert('map_versions', {
      name: v.name,
      note: v.note,
      input: v.input,
      positions: v.positions,
      actor: v.actor,
      created_at: v.createdAt,
    });
  }
  return { themes: ids, added };
}
