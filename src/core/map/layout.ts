// layoutMap: the pure map layout shared by the renderer (screen) and Node (export), so what is
// exported is what is on screen. Input tree -> measured boxes -> radial / tree / free placement ->
// collision pass (no label ever overlaps another) -> connectors -> figure bounds.
import type { MapInput, MapLayout, MapOptions, PositionedNode, PositionedEdge } from './types.ts';
import { type Item, walk } from './layout-item.ts';
import { DEFAULT_FONT_SIZE, measureNode } from './measure.ts';
import { nodeColors } from './palette.ts';
import { layoutRadial } from './radial.ts';
import { layoutTree } from './tree-layout.ts';
import { clearConnectors, resolveCollisions } from './collide.ts';
import { codeEdges, treeEdge } from './edges.ts';
import { routeLinks } from './link-routing.ts';
import { textWidth } from './text.ts';
import { pathSegments } from './link-labels.ts';

const MARGIN = 8;
const ROOT_GAP = 40;

export function layoutMap(input: MapInput, options: MapOptions): MapLayout {
  const base = options.fontSize ?? DEFAULT_FONT_SIZE;
  const nodes = input.nodes.filter((n) => options.showCodes || n.kind !== 'code');
  const items = new Map<string, Item>();
  for (const node of nodes)
    items.set(node.id, { node, ...measureNode(node, base), depth: 0, children: [], codes: [], parent: null, cx: 0, cy: 0, pinned: false });
  const roots = buildTree(items);
  const all = [...items.values()];

  let offsetX = 0;
  for (const root of roots) {
    const tree: Item[] = [];
    walk(root, (i) => tree.push(i));
    if (options.layout === 'tree') layoutTree(root);
    else layoutRadial(root);
    root.pinned = true;
    resolveCollisions(tree, { x: root.cx, y: root.cy });
    if (options.layout !== 'tree') {
      // Straight connectors: slide boxes off lines that cut through them, then re-separate.
      const connectors = tree.flatMap((p) => p.children.map((c): [Item, Item] => [p, c]));
      for (let i = 0; i < 6 && clearConnectors(tree, connectors); i++) resolveCollisions(tree, { x: root.cx, y: root.cy });
    }
    root.pinned = false;
    // Several cores sit side by side, each with its own branches.
    const minX = Math.min(...tree.map((i) => i.cx - i.w / 2));
    const maxX = Math.max(...tree.map((i) => i.cx + i.w / 2));
    const minY = Math.min(...tree.map((i) => i.cy - i.h / 2));
    for (const i of tree) {
      i.cx += offsetX - minX;
      i.cy -= minY;
    }
    offsetX += maxX - minX + ROOT_GAP;
  }
  if (options.layout === 'free') applySavedPositions(all, options.positions ?? {});

  const edges: PositionedEdge[] = [];
  for (const item of all) {
    for (const child of item.children) edges.push(treeEdge(item, child, options.layout));
    edges.push(...codeEdges(item));
  }
  // Links last, once every box is where it stays: routed round boxes, labels clear of them.
  const pairs: { a: Item; b: Item; label?: string }[] = [];
  for (const link of input.links) {
    const a = items.get(link.from),
      b = items.get(link.to);
    if (a && b && a !== b) pairs.push({ a, b, label: link.label?.trim() || undefined });
  }
  const rects = all.map((i) => ({ cx: i.cx, cy: i.cy, w: i.w, h: i.h }));
  const connectors = edges.filter((e) => e.kind === 'tree').flatMap((e) => pathSegments(e.path));
  for (const r of routeLinks(pairs, all, rects, base, connectors)) {
    const edge = r.edge;
    const p = r.placed;
    if (r.label && p) {
      Object.assign(edge, { label: r.label, labelX: p.cx, labelY: p.cy, labelWidth: p.w, labelHeight: p.h, labelFontSize: p.fontSize });
      if (!p.onCurve) Object.assign(edge, { labelAnchorX: p.anchorX, labelAnchorY: p.anchorY });
    }
    edges.push(edge);
  }
  return finish(all, roots, edges, options, base, linkMidpoints(edges));
}

/** The middle of each link curve (a quadratic's furthest bulge), so the figure's bounds include it. */
function linkMidpoints(edges: PositionedEdge[]): [number, number][] {
  return edges
    .filter((e) => e.kind === 'link')
    .map((e) => {
      const [x1, y1, cx, cy, x2, y2] = e.path
        .slice(1)
        .split(/[\sQ]+/)
        .map(Number);
      return [(x1 + 2 * cx + x2) / 4, (y1 + 2 * cy + y2) / 4];
    });
}

/** Box centres of a layout, in the form the free layout saves (drag results use the same space). */
export function positionsOf(layout: MapLayout): Record<string, { x: number; y: number }> {
  return Object.fromEntries(layout.nodes.map((n) => [n.id, { x: n.x + n.width / 2, y: n.y + n.height / 2 }]));
}

/** Links items by parentId; a missing parent or a cycle makes the node a root of its own. */
function buildTree(items: Map<string, Item>): Item[] {
  const roots: Item[] = [];
  for (const item of items.values()) {
    const parent = item.node.parentId ? items.get(item.node.parentId) : undefined;
    if (!parent || createsCycle(item, items)) roots.push(item);
    else {
      item.parent = parent;
      (item.node.kind === 'code' ? parent.codes : parent.children).push(item);
    }
  }
  const setDepth = (i: Item, d: number) => {
    i.depth = d;
    i.children.forEach((c) => setDepth(c, d + 1));
    i.codes.forEach((c) => setDepth(c, d + 1));
  };
  roots.forEach((r) => setDepth(r, 0));
  return roots;
}

function createsCycle(item: Item, items: Map<string, Item>): boolean {
  const seen = new Set<string>([item.node.id]);
  let id = item.node.parentId;
  while (id) {
    if (seen.has(id)) return true;
    seen.add(id);
    id = items.get(id)?.node.parentId ?? null;
  }
  return false;
}

function applySavedPositions(all: Item[], positions: Record<string, { x: number; y: number }>): void {
  for (const item of all) {
    const p = positions[item.node.id];
    if (p && Number.isFinite(p.x) && Number.isFinite(p.y)) {
      item.cx = p.x;
      item.cy = p.y;
      item.pinned = true;
    }
  }
  const anchor = all.find((i) => i.pinned) ?? all[0];
  if (anchor) resolveCollisions(all, { x: anchor.cx, y: anchor.cy });
}

function finish(
  all: Item[],
  roots: Item[],
  edges: PositionedEdge[],
  options: MapOptions,
  base: number,
  extraPoints: [number, number][],
): MapLayout {
  const titleSize = Math.round(base * 1.5 * 100) / 100;
  const titleH = options.title ? titleSize * 2 : 0;
  const titleW = options.title ? textWidth(options.title, titleSize, 600) : 0;
  // The figure holds every box, every link label and the bulge of every link curve.
  const rects = [
    ...all.map((i) => ({ cx: i.cx, cy: i.cy, w: i.w, h: i.h })),
    ...edges.filter((e) => e.labelX !== undefined).map((e) => ({ cx: e.labelX!, cy: e.labelY!, w: e.labelWidth!, h: e.labelHeight! })),
    ...extraPoints.map(([cx, cy]) => ({ cx, cy, w: 0, h: 0 })),
  ];
  const minX = Math.min(...rects.map((r) => r.cx - r.w / 2));
  const minY = Math.min(...rects.map((r) => r.cy - r.h / 2));
  const maxX = Math.max(...rects.map((r) => r.cx + r.w / 2));
  const maxY = Math.max(...rects.map((r) => r.cy + r.h / 2));
  const contentW = all.length ? maxX - minX : 0;
  const width = Math.ceil(Math.max(contentW, titleW) + 2 * MARGIN);
  const dx = MARGIN - (all.length ? minX : 0) + (width - 2 * MARGIN - contentW) / 2;
  const dy = MARGIN + titleH - (all.length ? minY : 0);
  const height = Math.ceil((all.length ? maxY - minY : 0) + titleH + 2 * MARGIN);
  const shifted = edges.map((e) => ({
    ...e,
    path: shiftPath(e.path, dx, dy),
    ...(e.labelX !== undefined ? { labelX: r2(e.labelX + dx), labelY: r2(e.labelY! + dy) } : {}),
    ...(e.labelAnchorX !== undefined ? { labelAnchorX: r2(e.labelAnchorX + dx), labelAnchorY: r2(e.labelAnchorY! + dy) } : {}),
  }));
  const branchOf = branchIndex(roots);
  const positioned: PositionedNode[] = all.map((i) => {
    const colors = nodeColors(i.node, options.palette, branchOf.get(i.node.id)?.index ?? 0, inheritedColor(i));
    return {
      id: i.node.id,
      kind: i.node.kind,
      x: r2(i.cx - i.w / 2 + dx),
      y: r2(i.cy - i.h / 2 + dy),
      width: i.w,
      height: i.h,
      lines: i.lines,
      fontSize: i.fontSize,
      fontWeight: i.fontWeight,
      lineHeight: i.lineHeight,
      ...colors,
      dashed: i.node.candidate === true,
      textAlign: i.node.kind === 'code' && i.parent ? (i.parent.spine === 'right' ? 'end' : 'start') : 'middle',
      groupId: branchOf.get(i.node.id)?.id ?? null,
      parentId: i.parent ? i.parent.node.id : null,
    };
  });
  const layout: MapLayout = { nodes: positioned, edges: shifted, width, height };
  if (options.title) layout.title = { text: options.title, x: width / 2, y: MARGIN + titleSize, fontSize: titleSize };
  return layout;
}

/** Each node's top-level branch (the theme group it sits in): drives colour and SVG grouping. */
function branchIndex(roots: Item[]): Map<string, { id: string; index: number }> {
  const out = new Map<string, { id: string; index: number }>();
  roots.forEach((root, r) => {
    const isCore = root.node.kind === 'core';
    if (!isCore) {
      walk(root, (i) => out.set(i.node.id, { id: root.node.id, index: r }));
      return;
    }
    root.children.forEach((branch, b) => walk(branch, (i) => out.set(i.node.id, { id: branch.node.id, index: b })));
  });
  return out;
}

function inheritedColor(i: Item | null): string | null {
  for (let at = i; at; at = at.parent) if (at.node.color) return at.node.color;
  return null;
}

function shiftPath(path: string, dx: number, dy: number): string {
  // Paths use absolute commands only; V/H take one coordinate, the others x,y pairs.
  return path.replace(/([MLCQVH])([^MLCQVH]*)/g, (_, cmd: string, args: string) => {
    const nums = args
      .trim()
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    const moved = nums.map((n, k) => (cmd === 'V' ? n + dy : cmd === 'H' ? n + dx : k % 2 === 0 ? n + dx : n + dy));
    return cmd + moved.map(r2).join(' ');
  });
}

const r2 = (n: number) => Math.round(n * 100) / 100;
