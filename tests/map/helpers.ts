// Shared checks for map layouts: boxes must not overlap and every label must be shown whole.
import type { MapInput, MapLayout, PositionedNode } from '../../src/map/types.ts';

export function overlappingPairs(layout: MapLayout): [string, string][] {
  const pairs: [string, string][] = [];
  const ns = layout.nodes;
  for (let i = 0; i < ns.length; i++)
    for (let j = i + 1; j < ns.length; j++) if (boxesOverlap(ns[i], ns[j])) pairs.push([ns[i].id, ns[j].id]);
  return pairs;
}

export function boxesOverlap(a: PositionedNode, b: PositionedNode): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Labels whose wrapped lines do not add up to the full label text. */
export function incompleteLabels(input: MapInput, layout: MapLayout): string[] {
  const byId = new Map(layout.nodes.map((n) => [n.id, n]));
  return input.nodes
    .filter((n) => byId.has(n.id))
    .filter((n) => byId.get(n.id)!.lines.join(' ') !== n.label.trim().split(/\s+/).join(' '))
    .map((n) => n.id);
}

export function inside(layout: MapLayout, n: PositionedNode): boolean {
  return n.x >= 0 && n.y >= 0 && n.x + n.width <= layout.width && n.y + n.height <= layout.height;
}
