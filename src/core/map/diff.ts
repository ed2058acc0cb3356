// What changed between two map versions (e.g. "initial thematic map" -> "final"), by node id:
// added, removed, renamed (label changed) and moved (parent changed). Links are compared too,
// because versions hold extra links as well as the tree.
import type { MapInput, MapNode } from './types.ts';

export interface MapDiff {
  added: MapNode[];
  removed: MapNode[];
  renamed: { id: string; kind: MapNode['kind']; from: string; to: string }[];
  moved: { id: string; kind: MapNode['kind']; fromParent: string | null; toParent: string | null }[];
  linksAdded: string[];
  linksRemoved: string[];
}

export function diffMaps(a: MapInput, b: MapInput): MapDiff {
  const before = new Map(a.nodes.map((n) => [n.id, n]));
  const after = new Map(b.nodes.map((n) => [n.id, n]));
  const diff: MapDiff = { added: [], removed: [], renamed: [], moved: [], linksAdded: [], linksRemoved: [] };
  for (const n of b.nodes) if (!before.has(n.id)) diff.added.push(n);
  for (const n of a.nodes) {
    const m = after.get(n.id);
    if (!m) {
      diff.removed.push(n);
      continue;
    }
    if (m.label !== n.label) diff.renamed.push({ id: n.id, kind: m.kind, from: n.label, to: m.label });
    if ((m.parentId ?? null) !== (n.parentId ?? null))
      diff.moved.push({ id: n.id, kind: m.kind, fromParent: n.parentId ?? null, toParent: m.parentId ?? null });
  }
  const linkKey = (l: MapInput['links'][number]) => l.id;
  const linksA = new Set(a.links.map(linkKey));
  const linksB = new Set(b.links.map(linkKey));
  diff.linksAdded = [...linksB].filter((id) => !linksA.has(id));
  diff.linksRemoved = [...linksA].filter((id) => !linksB.has(id));
  return diff;
}
