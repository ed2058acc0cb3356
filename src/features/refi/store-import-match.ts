import type { Db } from '../../store/open.ts';
import { stmt } from '../../store/changes.ts';
import type { RefiCode } from './model.ts';
import type { Extensions } from './extensions.ts';
import { removeRanges } from './store-export-text.ts';
import { sha256 } from '../../lib/hash.ts';
import { guidsFor } from './store-guids.ts';

// Finding what a file shares with the project: documents by GUID or by text, codes by path.
// "The same study from another coder" (NVivo for Mac and for Windows export the same project with
// one more or one fewer trailing newline per text and new code GUIDs) is matched by text modulo
// trailing whitespace and line ends, and by code path and name.

/** Trailing spaces/tabs on each line, and all whitespace at the very end, as [offset, length] ranges. */
function trailingRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  const end = text.trimEnd().length;
  for (const m of text.slice(0, end).matchAll(/[ \t\f\v\u00a0]+(?=\n)/g)) ranges.push([m.index!, m[0].length]);
  if (end < text.length) ranges.push([end, text.length - end]);
  return ranges;
}

/** The text compared across coders: line ends already "\n"; trailing whitespace of lines and text dropped. */
export function canonicalText(text: string): { text: string; map(o: number): number; back(c: number): number } {
  const ranges = trailingRanges(text);
  const r = removeRanges(text, ranges);
  // Canonical offset -> this text: add back every removed range that sits wholly before it.
  const starts: number[] = [];
  const cum: number[] = [];
  let c = 0;
  for (const [pos, len] of ranges) {
    starts.push(pos - c);
    cum.push((c += len));
  }
  const back = (o: number) => {
    let lo = 0,
      hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] < o) lo = mid + 1;
      else hi = mid;
    }
    return o + (lo === 0 ? 0 : cum[lo - 1]);
  };
  return { text: r.text, map: r.map, back };
}

/** The project's documents by GUID (kept from an import, or the one an export would derive). */
export function documentsByGuid(db: Db): Map<string, number> {
  const docs = stmt(db, 'SELECT id, sha256 FROM documents').all() as { id: number; sha256: string }[];
  const sha = new Map(docs.map((d) => [d.id, d.sha256]));
  const guid = guidsFor(db, 'document', (id) => sha.get(id) ?? '');
  return new Map(docs.map((d) => [guid(d.id).toLowerCase(), d.id]));
}

/** The project's documents by the hash of their canonical text. */
export function documentsByCanonicalText(db: Db): Map<string, number> {
  const out = new Map<string, number>();
  for (const d of stmt(db, 'SELECT id, text FROM documents ORDER BY id').iterate() as Iterable<{ id: number; text: string }>) {
    const h = sha256(canonicalText(d.text).text);
    if (!out.has(h)) out.set(h, d.id);
  }
  return out;
}

const segment = (name: string) => name.trim().normalize('NFC').toLowerCase();

/**
 * File code GUID -> the project's code with the same path of names (case and surrounding spaces
 * ignored). In a Thematic export, themes are wrapper codes and a code's real parent is in
 * extensions.json; the path follows that.
 */
export function matchCodesByPath(db: Db, roots: RefiCode[], ext: Extensions | undefined): Map<string, number> {
  const rows = stmt(db, 'SELECT id, parent_id, name FROM codes').all() as { id: number; parent_id: number | null; name: string }[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const pathOf = (id: number): string => {
    const r = byId.get(id)!;
    return `${r.parent_id !== null && byId.has(r.parent_id) ? `${pathOf(r.parent_id)}/` : ''}${segment(r.name)}`;
  };
  const project = new Map<string, number>();
  for (const r of rows) if (!project.has(pathOf(r.id))) project.set(pathOf(r.id), r.id);

  const themes = new Set((ext?.themes ?? []).map((t) => t.guid.toLowerCase()));
  const nameOf = new Map<string, string>();
  const treeParent = new Map<string, string | null>();
  const walk = (list: RefiCode[], parent: string | null) => {
    for (const c of list) {
      const theme = themes.has(c.guid.toLowerCase());
      if (!theme) {
        nameOf.set(c.guid, c.name);
        treeParent.set(c.guid, parent);
      }
      walk(c.children, theme ? null : c.guid);
    }
  };
  walk(roots, null);
  const parentOf = (g: string) => (ext ? (ext.codes[g]?.parentGuid ?? null) : (treeParent.get(g) ?? null));
  const filePath = (g: string, depth = 0): string => {
    const p = parentOf(g);
    return `${p && nameOf.has(p) && depth < 100 ? `${filePath(p, depth + 1)}/` : ''}${segment(nameOf.get(g)!)}`;
  };
  const out = new Map<string, number>();
  for (const g of nameOf.keys()) {
    const id = project.get(filePath(g));
    if (id !== undefined) out.set(g.toLowerCase(), id);
  }
  return out;
}
