import type { Db } from '../../store/open.ts';
import { stmt } from '../../store/changes.ts';
import { ThematicError } from '../../core/errors.ts';
import { allThemes, type ThemeRow } from './queries.ts';
import { themeCoverage, type Coverage } from './coverage.ts';

// The theme tree as the board shows it: tree order, each theme with its codes (and which other
// themes each code supports), its grounding and its group coverage.

export interface Theme extends Coverage {
  id: number;
  guid: string;
  parentId: number | null;
  kind: ThemeRow['kind'];
  name: string;
  definition: string;
  color: string | null;
  status: ThemeRow['status'];
  position: number;
  memoCount: number;
  codes: { id: number; name: string; color: string; codingCount: number; themeIds: number[] }[];
}

export interface ViewOptions {
  coder?: string;
  groupBy: string;
}

/** Pre-order walk by position: a theme's sub-themes come right after it. */
export function treeOrder(themes: ThemeRow[]): ThemeRow[] {
  const kids = new Map<number | null, ThemeRow[]>();
  for (const t of themes) (kids.get(t.parent_id) ?? kids.set(t.parent_id, []).get(t.parent_id)!).push(t);
  const out: ThemeRow[] = [];
  const visit = (p: number | null) => {
    for (const t of kids.get(p) ?? []) {
      out.push(t);
      visit(t.id);
    }
  };
  visit(null);
  return out;
}

export function themeViews(db: Db, opts: ViewOptions): Theme[] {
  const themes = treeOrder(allThemes(db));
  const coverage = themeCoverage(db, themes, opts);
  const attached = stmt(
    db,
    `SELECT tc.theme_id, c.id, c.name, c.color FROM theme_codes tc JOIN codes c ON c.id = tc.code_id
    ORDER BY tc.position, c.name COLLATE NOCASE`,
  ).all() as { theme_id: number; id: number; name: string; color: string }[];
  const counts = new Map(
    (
      stmt(
        db,
        `SELECT g.code_id, COUNT(*) AS n FROM codings g JOIN coders k ON k.id = g.coder_id
    WHERE (@coder IS NULL OR k.name = @coder) GROUP BY g.code_id`,
      ).all({ coder: opts.coder ?? null }) as { code_id: number; n: number }[]
    ).map((r) => [r.code_id, r.n]),
  );
  const themesOfCode = new Map<number, number[]>();
  const codesOfTheme = new Map<number, typeof attached>();
  for (const a of attached) {
    (themesOfCode.get(a.id) ?? themesOfCode.set(a.id, []).get(a.id)!).push(a.theme_id);
    (codesOfTheme.get(a.theme_id) ?? codesOfTheme.set(a.theme_id, []).get(a.theme_id)!).push(a);
  }
  const memos = new Map(
    (
      stmt(db, `SELECT target_id, COUNT(*) AS n FROM memos WHERE target_type = 'theme' GROUP BY target_id`).all() as {
        target_id: number;
        n: number;
      }[]
    ).map((r) => [r.target_id, r.n]),
  );
  return themes.map((t) => ({
    id: t.id,
    guid: t.guid,
    parentId: t.parent_id,
    kind: t.kind,
    name: t.name,
    definition: t.definition,
    color: t.color,
    status: t.status,
    position: t.position,
    codes: (codesOfTheme.get(t.id) ?? []).map((a) => ({
      id: a.id,
      name: a.name,
      color: a.color,
      codingCount: counts.get(a.id) ?? 0,
      themeIds: themesOfCode.get(a.id)!,
    })),
    ...coverage.get(t.id)!,
    memoCount: memos.get(t.id) ?? 0,
  }));
}

export function themeView(db: Db, id: number, opts: ViewOptions = { groupBy: 'group' }): Theme {
  const t = themeViews(db, opts).find((x) => x.id === id);
  if (!t) throw new ThematicError('not_found', `theme ${id} does not exist`);
  return t;
}

export function unattachedCodeIds(db: Db): number[] {
  return (
    stmt(db, 'SELECT id FROM codes WHERE id NOT IN (SELECT code_id FROM theme_codes) ORDER BY name COLLATE NOCASE').all() as {
      id: number;
    }[]
  ).map((r) => r.id);
}
