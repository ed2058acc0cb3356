import type { RefiCode, RefiSet } from './model.ts';
import type { ThemeRow } from '../themes/queries.ts';
import { stableGuid } from '../../core/map/refi-graph.ts';

// REFI-QDA codes form one strict tree; Thematic has a code tree and a theme tree that codes are
// attached to (a code may support several themes). Themes become non-codable codes
// (core -> groups -> themes -> sub-themes); a code sits under the first theme it is attached to
// (lowest theme id, as on the map), its sub-codes follow it unless they support another theme;
// one Set per theme lists its exact members. Siblings keep the order they were made in (an
// imported file's own order: "2. Severity" before "10. Values"); codes that came without a colour
// and were given one from the palette go out uncoloured again.

export interface CodeIn {
  id: number;
  guid: string;
  parent_id: number | null;
  name: string;
  color: string;
  definition: string;
}

export function codeTree(
  codes: CodeIn[],
  themes: ThemeRow[],
  attach: { theme_id: number; code_id: number; position: number }[],
  uncoloured: Map<string, string> = new Map(),
): { codes: RefiCode[]; sets: RefiSet[] } {
  const themeNode = new Map<number, RefiCode>();
  for (const t of themes)
    themeNode.set(t.id, {
      guid: t.guid,
      name: t.name,
      color: t.color ?? undefined,
      description: t.definition || undefined,
      isCodable: false,
      children: [],
    });
  const roots: RefiCode[] = [];
  const kidsOf = new Map<number | null, ThemeRow[]>();
  for (const t of themes) (kidsOf.get(t.parent_id) ?? kidsOf.set(t.parent_id, []).get(t.parent_id)!).push(t);
  for (const list of kidsOf.values()) list.sort((a, b) => a.position - b.position || a.id - b.id);
  for (const t of kidsOf.get(null) ?? []) roots.push(themeNode.get(t.id)!);
  for (const [pid, list] of kidsOf) if (pid !== null) for (const t of list) themeNode.get(pid)?.children.push(themeNode.get(t.id)!);

  const themesOf = new Map<number, number[]>();
  for (const a of [...attach].sort((x, y) => x.theme_id - y.theme_id))
    (themesOf.get(a.code_id) ?? themesOf.set(a.code_id, []).get(a.code_id)!).push(a.theme_id);
  const byId = new Map(codes.map((c) => [c.id, c]));
  const node = new Map<number, RefiCode>();
  for (const c of codes) {
    const color = uncoloured.get(c.guid)?.toUpperCase() === c.color.toUpperCase() ? undefined : c.color;
    node.set(c.id, { guid: c.guid, name: c.name, color, description: c.definition || undefined, isCodable: true, children: [] });
  }
  // The theme a code's sub-tree sits under, walking parents first.
  const eff = new Map<number, number | null>();
  const effective = (id: number): number | null => {
    if (eff.has(id)) return eff.get(id)!;
    const c = byId.get(id)!;
    const parentTheme = c.parent_id !== null && byId.has(c.parent_id) ? effective(c.parent_id) : null;
    const mine = themesOf.get(id);
    const theme = !mine ? parentTheme : parentTheme !== null && mine.includes(parentTheme) ? parentTheme : mine[0];
    eff.set(id, theme);
    return theme;
  };
  const sorted = [...codes].sort((a, b) => a.id - b.id);
  for (const c of sorted) {
    const theme = effective(c.id);
    const parentTheme = c.parent_id !== null && byId.has(c.parent_id) ? effective(c.parent_id) : null;
    const underParent = c.parent_id !== null && byId.has(c.parent_id) && theme === parentTheme;
    const home = underParent ? node.get(c.parent_id!)! : theme !== null ? themeNode.get(theme) : undefined;
    if (home) home.children.push(node.get(c.id)!);
    else roots.push(node.get(c.id)!);
  }
  const members = new Map<number, { code_id: number; position: number }[]>();
  for (const a of attach) (members.get(a.theme_id) ?? members.set(a.theme_id, []).get(a.theme_id)!).push(a);
  const sets: RefiSet[] = themes
    .filter((t) => members.has(t.id))
    .map((t) => ({
      guid: stableGuid(`theme-set:${t.guid}`),
      name: `Theme: ${t.name}`,
      description: t.definition || undefined,
      memberCodes: members
        .get(t.id)!
        .sort((a, b) => a.position - b.position || a.code_id - b.code_id)
        .map((a) => byId.get(a.code_id)!.guid),
      memberSources: [],
      memberNotes: [],
    }));
  return { codes: roots, sets };
}
