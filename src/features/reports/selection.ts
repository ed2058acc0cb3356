import type { Db } from '../../store/open.ts';
import { stmt } from '../../store/changes.ts';
import { ThematicError } from '../../core/errors.ts';
import { allThemes, themeDescendants, type ThemeRow } from '../themes/queries.ts';
import { treeOrder } from '../themes/view.ts';
import { closeNames, sameName } from './names.ts';

// The code tree in reading order, and which themes and codes the researcher picked by name.

export interface CodeNode {
  id: number;
  parentId: number | null;
  name: string;
  path: string;
  depth: number;
  definition: string;
  whenToUse: string;
  whenNotToUse: string;
  example: string;
  inVivo: boolean;
}

export function codeTree(db: Db): CodeNode[] {
  const rows = stmt(db, 'SELECT id, parent_id, name, definition, when_to_use, when_not_to_use, example, in_vivo FROM codes').all() as {
    id: number;
    parent_id: number | null;
    name: string;
    definition: string;
    when_to_use: string;
    when_not_to_use: string;
    example: string;
    in_vivo: number;
  }[];
  const kids = new Map<number | null, typeof rows>();
  for (const r of rows) (kids.get(r.parent_id) ?? kids.set(r.parent_id, []).get(r.parent_id)!).push(r);
  const out: CodeNode[] = [];
  const visit = (parent: number | null, depth: number, prefix: string) => {
    const list = (kids.get(parent) ?? []).sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true, sensitivity: 'base' }));
    for (const r of list) {
      const path = prefix ? `${prefix} > ${r.name}` : r.name;
      out.push({
        id: r.id,
        parentId: r.parent_id,
        name: r.name,
        path,
        depth,
        definition: r.definition,
        whenToUse: r.when_to_use,
        whenNotToUse: r.when_not_to_use,
        example: r.example,
        inVivo: !!r.in_vivo,
      });
      visit(r.id, depth + 1, path);
    }
  };
  visit(null, 0, '');
  return out;
}

export interface Selection {
  /** Picked themes and their sub-themes, or null when no theme was named. */
  themeIds: Set<number> | null;
  /** Picked codes, or null when no code was named. */
  codeIds: Set<number> | null;
  themes: ThemeRow[];
  codes: CodeNode[];
}

export function select(db: Db, opts: { themes?: string[]; codes?: string[] }): Selection {
  const themes = treeOrder(allThemes(db));
  const codes = codeTree(db);
  let themeIds: Set<number> | null = null;
  if (opts.themes?.length) {
    themeIds = new Set();
    const status = new Map(themes.map((t) => [t.id, t.status]));
    for (const name of opts.themes) {
      const hits = themes.filter((t) => sameName(t.name, name));
      if (!hits.length)
        throw new ThematicError(
          'not_found',
          `no theme named "${name}"; ${closeNames(
            name,
            themes.map((t) => t.name),
            'themes',
          )}`,
        );
      // A named theme comes with its sub-themes, except those discarded (name them to include them).
      for (const t of hits) {
        themeIds.add(t.id);
        for (const id of themeDescendants(db, t.id)) if (status.get(id) !== 'discarded') themeIds.add(id);
      }
    }
  }
  let codeIds: Set<number> | null = null;
  if (opts.codes?.length) {
    codeIds = new Set();
    for (const name of opts.codes) {
      const hits = codes.filter((c) => sameName(c.name, name) || sameName(c.path, name.replace(/\s*>\s*/g, ' > ')));
      if (!hits.length)
        throw new ThematicError(
          'not_found',
          `no code named "${name}"; ${closeNames(
            name,
            codes.map((c) => c.name),
            'codes',
          )}`,
        );
      for (const c of hits) codeIds.add(c.id);
    }
  }
  return { themeIds, codeIds, themes, codes };
}

/** The codes a flat report (codebook, CSV) covers: those picked, plus those attached to picked themes; all when nothing was picked. */
export function coveredCodes(db: Db, sel: Selection): Set<number> | null {
  if (!sel.themeIds && !sel.codeIds) return null;
  const out = new Set(sel.codeIds ?? []);
  if (sel.themeIds) {
    for (const r of stmt(db, 'SELECT theme_id, code_id FROM theme_codes').all() as { theme_id: number; code_id: number }[]) {
      if (sel.themeIds.has(r.theme_id)) out.add(r.code_id);
    }
  }
  return out;
}
