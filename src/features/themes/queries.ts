import { randomUUID } from 'node:crypto';
import type { Db } from '../../store/open.ts';
import { stmt } from '../../store/changes.ts';
import type { Tx } from '../../store/operations.ts';
import { nowIso } from '../../store/rows.ts';
import { ThematicError } from '../../core/errors.ts';

// The theme tree: core concept(s) -> theme groups -> themes -> sub-themes, with codes attached.
export type ThemeKind = 'core' | 'group' | 'theme' | 'subtheme';
export type ThemeStatus = 'candidate' | 'active' | 'discarded';
export type ThemeEventKind = 'created' | 'renamed' | 'moved' | 'promoted' | 'discarded' | 'merged' | 'split' | 'deleted';

export interface ThemeRow {
  id: number;
  guid: string;
  parent_id: number | null;
  kind: ThemeKind;
  name: string;
  definition: string;
  color: string | null;
  status: ThemeStatus;
  position: number;
  created_at: string;
}

// Deleting a theme takes its sub-tree, code attachments, links and memos with it (and undo brings
// them back; undo reads this from the foreign keys); deleting a code takes its attachments. The
// decision history is deliberately kept (theme_events.theme_id has no foreign key).

/** Which kinds may sit under which: null is the top level. */
const PARENT_KINDS: Record<ThemeKind, (ThemeKind | null)[]> = {
  core: [null],
  group: [null, 'core'],
  theme: [null, 'core', 'group'],
  subtheme: ['theme', 'subtheme'],
};

export function allThemes(db: Db): ThemeRow[] {
  return stmt(db, 'SELECT * FROM themes ORDER BY position, id').all() as ThemeRow[];
}

export function getTheme(db: Db, id: number): ThemeRow {
  const r = stmt(db, 'SELECT * FROM themes WHERE id = ?').get(id) as ThemeRow | undefined;
  if (!r) throw new ThematicError('not_found', `theme ${id} does not exist`);
  return r;
}

export function themeDescendants(db: Db, id: number): number[] {
  return (
    stmt(
      db,
      `WITH RECURSIVE sub(id) AS (SELECT id FROM themes WHERE parent_id = ?
      UNION ALL SELECT t.id FROM themes t JOIN sub ON t.parent_id = sub.id) SELECT id FROM sub`,
    ).all(id) as { id: number }[]
  ).map((r) => r.id);
}

/** A theme dropped under a theme becomes a sub-theme, and a sub-theme dropped into a group a theme. */
export function kindUnder(kind: ThemeKind, parent: ThemeRow | null): ThemeKind {
  if (kind === 'theme' || kind === 'subtheme')
    return parent && (parent.kind === 'theme' || parent.kind === 'subtheme') ? 'subtheme' : 'theme';
  return kind;
}

export function checkPlacement(db: Db, kind: ThemeKind, parentId: number | null, self?: number): ThemeRow | null {
  const parent = parentId === null ? null : getTheme(db, parentId);
  if (self !== undefined && parentId !== null && (parentId === self || themeDescendants(db, self).includes(parentId))) {
    throw new ThematicError('invalid_move', 'cannot move a theme under itself or one of its sub-themes');
  }
  if (!PARENT_KINDS[kind].includes(parent ? parent.kind : null)) {
    const where = parent ? `a ${parent.kind === 'core' ? 'core concept' : parent.kind}` : 'the top level';
    throw new ThematicError('invalid_move', `a ${kind === 'core' ? 'core concept' : kind} cannot go under ${where}`);
  }
  return parent;
}

const nextPosition = (db: Db, parentId: number | null) =>
  (stmt(db, 'SELECT COALESCE(MAX(position) + 1, 0) AS p FROM themes WHERE parent_id IS ?').get(parentId) as { p: number }).p;

export interface NewTheme {
  kind: ThemeKind;
  parentId: number | null;
  name: string;
  definition?: string;
  color?: string | null;
  status?: ThemeStatus;
}

export function createTheme(tx: Tx, t: NewTheme): number {
  const parent = checkPlacement(tx.db, t.kind, t.parentId);
  return tx.insert('themes', {
    guid: randomUUID(),
    parent_id: t.parentId,
    kind: kindUnder(t.kind, parent),
    name: t.name,
    definition: t.definition ?? '',
    color: t.color ?? null,
    status: t.status ?? 'active',
    position: nextPosition(tx.db, t.parentId),
    created_at: nowIso(),
  });
}

/** Moves a theme (and its sub-tree) under a new parent at a position among its new siblings. */
export function moveTheme(tx: Tx, id: number, parentId: number | null, position?: number): void {
  const t = getTheme(tx.db, id);
  const parent = checkPlacement(tx.db, kindUnder(t.kind, parentId === null ? null : getTheme(tx.db, parentId)), parentId, id);
  const kind = kindUnder(t.kind, parent);
  const siblings = (
    stmt(tx.db, 'SELECT id FROM themes WHERE parent_id IS ? AND id <> ? ORDER BY position, id').all(parentId, id) as { id: number }[]
  ).map((r) => r.id);
  const at = Math.max(0, Math.min(position ?? siblings.length, siblings.length));
  siblings.splice(at, 0, id);
  siblings.forEach((sid, k) => {
    const row = sid === id ? t : getTheme(tx.db, sid);
    if (row.position !== k) tx.update('themes', { id: sid }, { position: k });
  });
  if (t.parent_id !== parentId || t.kind !== kind) tx.update('themes', { id }, { parent_id: parentId, kind });
  // Sub-themes of a theme that became a sub-theme stay sub-themes; a theme's kids likewise.
  if (kind !== t.kind)
    for (const d of themeDescendants(tx.db, id))
      if (getTheme(tx.db, d).kind === 'theme') tx.update('themes', { id: d }, { kind: 'subtheme' });
}

export function attachCode(tx: Tx, themeId: number, codeId: number): boolean {
  if (stmt(tx.db, 'SELECT 1 FROM theme_codes WHERE theme_id = ? AND code_id = ?').get(themeId, codeId)) return false;
  const p = (stmt(tx.db, 'SELECT COALESCE(MAX(position) + 1, 0) AS p FROM theme_codes WHERE theme_id = ?').get(themeId) as { p: number }).p;
  tx.insert('theme_codes', { theme_id: themeId, code_id: codeId, position: p });
  return true;
}

export function attachedCodes(db: Db, themeId: number): number[] {
  return (
    stmt(db, 'SELECT code_id FROM theme_codes WHERE theme_id = ? ORDER BY position, code_id').all(themeId) as { code_id: number }[]
  ).map((r) => r.code_id);
}

export function recordEvent(
  tx: Tx,
  actor: string,
  theme: { id: number; name: string },
  kind: ThemeEventKind,
  rationale = '',
  details: Record<string, unknown> = {},
): void {
  tx.insert('theme_events', {
    theme_id: theme.id,
    theme_name: theme.name,
    kind,
    rationale,
    details: JSON.stringify(details),
    actor,
    at: nowIso(),
  });
}

export interface ThemeEvent {
  id: number;
  themeId: number;
  themeName: string;
  kind: ThemeEventKind;
  rationale: string;
  details: Record<string, unknown>;
  actor: string;
  at: string;
}

export function listEvents(db: Db, themeId?: number): ThemeEvent[] {
  const rows = stmt(db, 'SELECT * FROM theme_events WHERE (@id IS NULL OR theme_id = @id) ORDER BY id').all({ id: themeId ?? null }) as {
    id: number;
    theme_id: number;
    theme_name: string;
    kind: ThemeEventKind;
    rationale: string;
    details: string;
    actor: string;
    at: string;
  }[];
  return rows.map((r) => ({
    id: r.id,
    themeId: r.theme_id,
    themeName: r.theme_name,
    kind: r.kind,
    rationale: r.rationale,
    details: JSON.parse(r.details) as Record<string, unknown>,
    actor: r.actor,
    at: r.at,
  }));
}

export interface ThemeLink {
  id: number;
  fromId: number;
  toId: number;
  label: string;
}

export function listLinks(db: Db): ThemeLink[] {
  return (
    stmt(db, 'SELECT id, from_theme_id, to_theme_id, label FROM theme_links ORDER BY id').all() as {
      id: number;
      from_theme_id: number;
      to_theme_id: number;
      label: string;
    }[]
  ).map((r) => ({ id: r.id, fromId: r.from_theme_id, toId: r.to_theme_id, label: r.label }));
}

/** When codes are merged the surviving code inherits the merged code's theme attachments. */
export function moveAttachments(tx: Tx, fromCodeId: number, toCodeId: number): void {
  const themes = (
    stmt(tx.db, 'SELECT theme_id FROM theme_codes WHERE code_id = ? ORDER BY theme_id').all(fromCodeId) as { theme_id: number }[]
  ).map((r) => r.theme_id);
  for (const t of themes) {
    tx.delete('theme_codes', [{ theme_id: t, code_id: fromCodeId }]);
    attachCode(tx, t, toCodeId);
  }
}

/** A theme's direct sub-themes, in their order. */
export function childThemeIds(db: Db, id: number): number[] {
  return (stmt(db, 'SELECT id FROM themes WHERE parent_id = ? ORDER BY position, id').all(id) as { id: number }[]).map((r) => r.id);
}

/** Moves the memos written on one theme onto another (a merge). */
export function moveThemeMemos(tx: Tx, fromThemeId: number, toThemeId: number): void {
  for (const m of stmt(tx.db, `SELECT id FROM memos WHERE target_type = 'theme' AND target_id = ?`).all(fromThemeId) as { id: number }[])
    tx.update('memos', { id: m.id }, { target_id: toThemeId });
}

export function hasThemeEvents(db: Db, themeId: number): boolean {
  return !!stmt(db, 'SELECT 1 FROM theme_events WHERE theme_id = ?').get(themeId);
}

/** A code's name, for a theme's messages and history (themes group codes; codes know nothing of themes' handlers). */
export function codeName(db: Db, id: number): string {
  const r = stmt(db, 'SELECT name FROM codes WHERE id = ?').get(id) as { name: string } | undefined;
  if (!r) throw new ThematicError('not_found', `code ${id} does not exist`);
  return r.name;
}
