import type { Code } from '@core/model/entities.ts';

export interface CodeNode {
  code: Code;
  children: CodeNode[];
  depth: number;
}

/** The codebook as a tree, siblings by name (the order researchers scan a codebook in), numbers as numbers: "2. Severity" before "10. Values". */
export function codeTree(codes: Code[]): CodeNode[] {
  const kids = new Map<number | null, Code[]>();
  for (const c of codes) {
    const k = c.parentId !== null && codes.some((p) => p.id === c.parentId) ? c.parentId : null;
    kids.set(k, [...(kids.get(k) ?? []), c]);
  }
  const build = (parent: number | null, depth: number): CodeNode[] =>
    (kids.get(parent) ?? [])
      .sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }))
      .map((code) => ({ code, depth, children: build(code.id, depth + 1) }));
  return build(null, 0);
}

export function flatten(nodes: CodeNode[]): CodeNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

/** Ids of a code and everything under it: a code cannot move under its own descendant. */
export function subtreeIds(codes: Code[], id: number): Set<number> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of codes)
      if (c.parentId !== null && out.has(c.parentId) && !out.has(c.id)) {
        out.add(c.id);
        grew = true;
      }
  }
  return out;
}

/** A pleasant, distinguishable colour for a new code, cycling through a calm palette. */
const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#6b8fd6',
  '#d4a13a',
  '#5aa39a',
];
export const nextColour = (codes: Code[]): string => PALETTE[codes.length % PALETTE.length];
