import { stmt } from '../../store/changes.ts';
import type { Tx } from '../../store/operations.ts';
import { nowIso } from '../../store/rows.ts';
import type { RefiCode } from './model.ts';
import type { Extensions } from './extensions.ts';
import { plural, type ReportItem } from '../../core/refi-report.ts';
import { CODE_PALETTE } from '../../core/model/code-palette.ts';

// REFI codes -> Thematic codes. A code whose GUID the project already has is reused, not copied.
// In a Thematic export, non-codable codes are themes (rebuilt from extensions.json) and each
// code's real parent is in extensions.json; from other programs non-codable codes are ordinary
// parent codes.

const HEX = /^#[0-9a-fA-F]{6}$/;

export interface CodesResult {
  ids: Map<string, number>;
  added: number;
  reused: number;
  uncoloured: [string, string][];
}

/** Called as codes are placed: how many of how many (at most ~100 calls in all). */
export type CodesProgress = (done: number, total: number) => void;

// The names taken under each parent, folded as SQLite's NOCASE folds them (ASCII only), so the
// "name already taken" check is a set lookup instead of a scan of the parent's codes per insert.
const nocase = (s: string) => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());

/** `match`: file code GUID (lower case) -> a project code to use instead (another coder's file). */
export function importCodes(
  tx: Tx,
  roots: RefiCode[],
  ext: Extensions | undefined,
  notes: ReportItem[],
  match?: Map<string, number>,
  onProgress?: CodesProgress,
): CodesResult {
  const ids = new Map<string, number>();
  const existing = stmt(tx.db, 'SELECT id, guid, name, parent_id AS parentId FROM codes').all() as {
    id: number;
    guid: string;
    name: string;
    parentId: number | null;
  }[];
  const names = new Set(existing.map((r) => `${r.parentId ?? ''}/${nocase(r.name)}`));
  const nextSuffix = new Map<string, number>();
  const byGuid = new Map(existing.map((r) => [r.guid.toLowerCase(), r.id]));
  const themeGuids = new Set((ext?.themes ?? []).map((t) => t.guid.toLowerCase()));
  let added = 0,
    reused = 0,
    count = existing.length,
    grouping = 0;
  const uncoloured: [string, string][] = [];
  // Flatten with the parent each code should get, parents before children.
  const flat: { code: RefiCode; parentGuid: string | null }[] = [];
  const walk = (list: RefiCode[], parentGuid: string | null) => {
    for (const c of list) {
      const isTheme = themeGuids.has(c.guid.toLowerCase());
      if (!isTheme) flat.push({ code: c, parentGuid: ext ? (ext.codes[c.guid]?.parentGuid ?? null) : parentGuid });
      walk(c.children, isTheme ? null : c.guid);
    }
  };
  walk(roots, null);
  if (ext) {
    // extensions give the true parents: order so each parent is placed before its children
    const pending = new Map(flat.map((f) => [f.code.guid.toLowerCase(), f]));
    const ordered: typeof flat = [];
    const visit = (f: (typeof flat)[number]) => {
      if (!pending.delete(f.code.guid.toLowerCase())) return;
      const p = f.parentGuid && pending.get(f.parentGuid.toLowerCase());
      if (p) visit(p);
      ordered.push(f);
    };
    for (const f of [...pending.values()]) visit(f);
    flat.splice(0, flat.length, ...ordered);
  }
  const taken = (name: string, parentId: number | null) => names.has(`${parentId ?? ''}/${nocase(name)}`);
  const step = Math.max(1, Math.ceil(flat.length / 100));
  let done = 0;
  for (const { code: c, parentGuid } of flat) {
    if (onProgress && done++ % step === 0) onProgress(done - 1, flat.length);
    const known = byGuid.get(c.guid.toLowerCase()) ?? match?.get(c.guid.toLowerCase());
    if (known !== undefined) {
      ids.set(c.guid.toLowerCase(), known);
      reused++;
      continue;
    }
    if (!c.isCodable && !ext) grouping++;
    const parentId = parentGuid ? (ids.get(parentGuid.toLowerCase()) ?? byGuid.get(parentGuid.toLowerCase()) ?? null) : null;
    const base = c.name.trim() || 'Unnamed code';
    let name = base;
    const baseKey = `${parentId ?? ''}/${nocase(base)}`;
    for (let k = nextSuffix.get(baseKey) ?? 2; taken(name, parentId); k++) {
      name = `${base} (${k})`;
      nextSuffix.set(baseKey, k + 1);
    }
    names.add(`${parentId ?? ''}/${nocase(name)}`);
    if (name !== base)
      notes.push({ kind: 'code-renamed', name: `code "${base}"`, detail: `a code of that name already sits there; imported as "${name}"` });
    const x = ext?.codes[c.guid];
    const color = x?.color ?? (c.color && HEX.test(c.color) ? c.color.toUpperCase() : CODE_PALETTE[count % CODE_PALETTE.length]);
    if (!x && !(c.color && HEX.test(c.color))) uncoloured.push([c.guid, color]);
    const id = tx.insert('codes', {
      guid: c.guid,
      parent_id: parentId,
      name,
      color,
      definition: c.description ?? '',
      when_to_use: x?.whenToUse ?? '',
      when_not_to_use: x?.whenNotToUse ?? '',
      example: x?.example ?? '',
      in_vivo: x?.inVivo ? 1 : 0,
      created_at: ext?.createdAt?.[c.guid] ?? nowIso(),
    });
    ids.set(c.guid.toLowerCase(), id);
    byGuid.set(c.guid.toLowerCase(), id);
    added++;
    count++;
  }
  onProgress?.(flat.length, flat.length);
  if (grouping)
    notes.push({
      kind: 'grouping-codes',
      name: plural(grouping, 'non-codable code'),
      detail: 'imported as ordinary parent codes (Thematic codes can all be applied)',
    });
  return { ids, added, reused, uncoloured };
}
