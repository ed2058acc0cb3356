import type { Db } from '../../store/open.ts';
import { stmt } from '../../store/changes.ts';
import type { Tx } from '../../store/operations.ts';
import { getMeta, nowIso } from '../../store/rows.ts';
import { ThematicError } from '../../core/errors.ts';
import { allThemes, listLinks } from '../themes/queries.ts';
import type { MapInput, MapNode } from '../../core/map/types.ts';
import { DEFAULT_FONT_FAMILY, type FigureSettings } from '../../core/map/figure-fonts.ts';
import { DEFAULT_FONT_SIZE } from '../../core/map/measure.ts';

// The thematic map is derived from the theme tree. Node ids are GUIDs (themes' and codes') so a
// version saved today still matches the tree tomorrow and REFI-QDA graphs point at real codes.
// A code attached to several themes appears under each; under the oldest of them (lowest theme
// id, so moving themes around does not change it) it uses the bare code GUID, elsewhere
// "<code guid>@<theme guid>".

export function mapInput(db: Db, opts: { showCodes: boolean }): MapInput {
  const themes = allThemes(db).filter((t) => t.status !== 'discarded');
  const kids = new Map<number | null, typeof themes>();
  for (const t of themes) (kids.get(t.parent_id) ?? kids.set(t.parent_id, []).get(t.parent_id)!).push(t);
  const codesOf = new Map<number, { guid: string; name: string; color: string }[]>();
  const home = new Map<string, number>();
  if (opts.showCodes) {
    const rows = stmt(
      db,
      `SELECT tc.theme_id, c.guid, c.name, c.color FROM theme_codes tc JOIN codes c ON c.id = tc.code_id
      ORDER BY tc.theme_id, tc.position, c.name COLLATE NOCASE`,
    ).all() as { theme_id: number; guid: string; name: string; color: string }[];
    const shown = new Set(themes.map((t) => t.id));
    for (const r of rows.filter((x) => shown.has(x.theme_id))) {
      (codesOf.get(r.theme_id) ?? codesOf.set(r.theme_id, []).get(r.theme_id)!).push(r);
      home.set(r.guid, Math.min(home.get(r.guid) ?? Infinity, r.theme_id));
    }
  }
  const nodes: MapNode[] = [];
  const ids = new Map<number, string>();
  const visit = (parentId: number | null, parentGuid: string | null) => {
    for (const t of kids.get(parentId) ?? []) {
      ids.set(t.id, t.guid);
      nodes.push({
        id: t.guid,
        kind: t.kind,
        label: t.name,
        color: t.color,
        parentId: parentGuid,
        ...(t.status === 'candidate' ? { candidate: true } : {}),
      });
      visit(t.id, t.guid);
      for (const c of codesOf.get(t.id) ?? []) {
        const id = home.get(c.guid) === t.id ? c.guid : `${c.guid}@${t.guid}`;
        nodes.push({ id, kind: 'code', label: c.name, color: c.color, parentId: t.guid });
      }
    }
  };
  visit(null, null);
  const links = listLinks(db)
    .filter((l) => ids.has(l.fromId) && ids.has(l.toId))
    .map((l) => ({ id: `link-${l.id}`, from: ids.get(l.fromId)!, to: ids.get(l.toId)!, ...(l.label ? { label: l.label } : {}) }));
  return { nodes, links };
}

export type Positions = Record<string, { x: number; y: number }>;

export function savedPositions(db: Db): Positions {
  const rows = stmt(db, 'SELECT node_id, x, y FROM map_positions ORDER BY node_id').all() as { node_id: string; x: number; y: number }[];
  return Object.fromEntries(rows.map((r) => [r.node_id, { x: r.x, y: r.y }]));
}

export function savePositions(tx: Tx, positions: Positions, replace: boolean): void {
  const current = savedPositions(tx.db);
  if (replace) {
    const gone = Object.keys(current).filter((k) => !(k in positions));
    tx.delete(
      'map_positions',
      gone.map((node_id) => ({ node_id })),
    );
  }
  for (const [node_id, p] of Object.entries(positions)) {
    const old = current[node_id];
    if (!old) tx.insert('map_positions', { node_id, x: p.x, y: p.y });
    else if (old.x !== p.x || old.y !== p.y) tx.update('map_positions', { node_id }, { x: p.x, y: p.y });
  }
}

export interface MapVersionSummary {
  id: number;
  name: string;
  note: string;
  actor: string;
  createdAt: string;
  themeCount: number;
  codeCount: number;
  linkCount: number;
}
interface VersionRow {
  id: number;
  name: string;
  note: string;
  input: string;
  positions: string;
  actor: string;
  created_at: string;
}

const summary = (r: VersionRow): MapVersionSummary => {
  const input = JSON.parse(r.input) as MapInput;
  return {
    id: r.id,
    name: r.name,
    note: r.note,
    actor: r.actor,
    createdAt: r.created_at,
    themeCount: input.nodes.filter((n) => n.kind === 'theme' || n.kind === 'subtheme').length,
    codeCount: input.nodes.filter((n) => n.kind === 'code').length,
    linkCount: input.links.length,
  };
};

export function listVersions(db: Db): MapVersionSummary[] {
  return (stmt(db, 'SELECT * FROM map_versions ORDER BY id').all() as VersionRow[]).map(summary);
}

export function getVersion(db: Db, name: string): { version: MapVersionSummary; input: MapInput; positions: Positions } {
  const r = stmt(db, 'SELECT * FROM map_versions WHERE name = ?').get(name) as VersionRow | undefined;
  if (!r) {
    const known = listVersions(db)
      .map((v) => `"${v.name}"`)
      .join(', ');
    throw new ThematicError('not_found', `no map version named "${name}"${known ? ` (saved versions: ${known})` : ' (none saved yet)'}`);
  }
  return { version: summary(r), input: JSON.parse(r.input) as MapInput, positions: JSON.parse(r.positions) as Positions };
}

/** Snapshots the map as it is now, codes included, so later diffs can show moved codes too. */
export function saveVersion(tx: Tx, name: string, note: string, actor: string): number {
  if (stmt(tx.db, 'SELECT 1 FROM map_versions WHERE name = ?').get(name)) {
    throw new ThematicError('exists', `a map version named "${name}" already exists; choose another name`);
  }
  return tx.insert('map_versions', {
    name,
    note,
    input: JSON.stringify(mapInput(tx.db, { showCodes: true })),
    positions: JSON.stringify(savedPositions(tx.db)),
    actor,
    created_at: nowIso(),
  });
}

// The figure's typography and title live in project_meta (one JSON value): they belong to the
// figure both coders publish, not to one researcher's browser.
const FIGURE_KEY = 'map_figure';
const DEFAULT_FIGURE: FigureSettings = { fontFamily: DEFAULT_FONT_FAMILY, fontSize: DEFAULT_FONT_SIZE, title: '' };

export function figureSettings(db: Db): FigureSettings {
  const raw = getMeta(db, FIGURE_KEY);
  if (!raw) return { ...DEFAULT_FIGURE };
  try {
    const v = JSON.parse(raw) as Partial<FigureSettings>;
    return {
      fontFamily: typeof v.fontFamily === 'string' && v.fontFamily.trim() ? v.fontFamily : DEFAULT_FIGURE.fontFamily,
      fontSize: typeof v.fontSize === 'number' && Number.isFinite(v.fontSize) ? v.fontSize : DEFAULT_FIGURE.fontSize,
      title: typeof v.title === 'string' ? v.title : '',
    };
  } catch {
    return { ...DEFAULT_FIGURE };
  }
}

export function saveFigureSettings(tx: Tx, change: Partial<FigureSettings>): FigureSettings {
  const now = figureSettings(tx.db);
  const next = { ...now, ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) } as FigureSettings;
  const value = JSON.stringify(next);
  if (getMeta(tx.db, FIGURE_KEY) === null) tx.insert('project_meta', { key: FIGURE_KEY, value });
  else if (JSON.stringify(now) !== value) tx.update('project_meta', { key: FIGURE_KEY }, { value });
  return next;
}
