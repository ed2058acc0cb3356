// Radial layout like the reference study's Fig. 1: the core concept in the centre, theme groups on a
// first ring, their themes fanned out on the next ring inside the group's angular sector, and codes
// as a stacked list further out. Each ring's radius is chosen so rings cannot overlap radially, and
// every branch gets an angular sector wide enough for its leaves; leftovers go to the collision pass.
import { type Item, GAP, blockSize, stackCodes } from './layout-item.ts';

interface RNode {
  item: Item;
  isBlock: boolean;
  w: number;
  h: number;
  depth: number;
  children: RNode[];
  angle: number;
  need: number;
  r: number;
}

const TAU = Math.PI * 2;
const RING_GAP = 20;
const SPREAD = 1.6;
const MAX_FAN = (110 / 180) * Math.PI;

const tangential = (n: RNode, a: number) => Math.abs(n.w * Math.sin(a)) + Math.abs(n.h * Math.cos(a));
const radialExt = (n: RNode, a: number) => Math.abs(n.w * Math.cos(a)) + Math.abs(n.h * Math.sin(a));

function build(item: Item, depth: number): RNode {
  const children = item.children.map((c) => build(c, depth + 1));
  if (item.codes.length > 0) {
    const b = blockSize(item.codes);
    children.push({ item, isBlock: true, w: b.w, h: b.h, depth: depth + 1, children: [], angle: 0, need: 0, r: 0 });
  }
  return { item, isBlock: false, w: item.w, h: item.h, depth, children, angle: 0, need: 0, r: 0 };
}

function leaves(n: RNode): number {
  return n.children.length === 0 ? 1 : n.children.reduce((s, c) => s + leaves(c), 0);
}

/** Each box sits just outside its parent along its own direction (the core's extent at the centre). */
// `extra` lengthens the connectors from the centre to the first ring.
function setRadii(n: RNode, parent: RNode | null, extra: number): void {
  if (parent) {
    const gap = (n.isBlock ? RING_GAP * 0.6 : RING_GAP) + (n.depth === 1 ? extra : 0);
    const parentOuter = parent.depth === 0 ? radialExt(parent, n.angle) / 2 : parent.r + radialExt(parent, parent.angle) / 2;
    n.r = parentOuter + radialExt(n, n.angle) / 2 + gap;
  }
  n.children.forEach((c) => setRadii(c, n, extra));
}

function computeNeed(n: RNode): number {
  const own = n.depth === 0 ? 0 : (tangential(n, n.angle) + GAP * 1.5) / n.r;
  const sum = n.children.reduce((s, c) => s + computeNeed(c), 0);
  n.need = Math.max(own, sum);
  return n.need;
}

/**
 * The root's branches share the full circle in proportion to what they need; below that, children
 * fan out over only a little more than they need, centred on their parent, so each theme group
 * reads as a cluster with clear space between clusters.
 */
function assignAngles(n: RNode, start: number, span: number, weight: (c: RNode) => number): void {
  n.angle = start + span / 2;
  const total = n.children.reduce((s, c) => s + weight(c), 0);
  if (total === 0) return;
  const used = n.depth === 0 ? span : Math.min(span, total * SPREAD);
  let at = n.angle - used / 2;
  for (const c of n.children) {
    const s = (weight(c) / total) * used;
    assignAngles(c, at, s, weight);
    at += s;
  }
}

export function layoutRadial(root: Item): void {
  const tree = build(root, 0);
  root.cx = 0;
  root.cy = 0;
  if (tree.children.length === 0) return;
  const all: RNode[] = [];
  const collect = (n: RNode) => {
    all.push(n);
    n.children.forEach(collect);
  };
  collect(tree);
  const fanned = all.filter((n) => n.depth > 0 && n.children.length > 1);
  // How far over its limit the most crowded circle is: the whole circle for the branches, and a
  // limited fan for each group's themes (wider fans put themes nearer a neighbouring group).
  const crowding = () => {
    const total = computeNeed(tree);
    const fans = fanned.map((n) => n.children.reduce((s, c) => s + c.need, 0) / MAX_FAN);
    return Math.max(total / TAU, ...fans);
  };
  // The first branch is centred at the top, like a figure is read.
  const startOf = (w: (c: RNode) => number) => -Math.PI / 2 - (w(tree.children[0]) / tree.children.reduce((s, c) => s + w(c), 0)) * Math.PI;
  const byLeaves = (c: RNode) => leaves(c) * 0.1;
  assignAngles(tree, startOf(byLeaves), TAU, byLeaves);
  // Pushing the group ring out (rather than lengthening the theme connectors) keeps each group's
  // themes close to it; every ring beyond moves out with it.
  let extra = 0;
  const byNeed = (c: RNode) => c.need;
  for (let iter = 0; iter < 4; iter++) {
    setRadii(tree, null, extra);
    for (let c = crowding(); c > 1; c = crowding()) {
      const r = Math.min(...tree.children.map((n) => n.r));
      extra += Math.max(4, r * (c - 1));
      setRadii(tree, null, extra);
    }
    assignAngles(tree, startOf(byNeed), TAU, byNeed);
  }
  setRadii(tree, null, extra);
  place(tree);
}

function place(n: RNode): void {
  if (n.depth > 0) {
    const x = n.r * Math.cos(n.angle),
      y = n.r * Math.sin(n.angle);
    if (n.isBlock) {
      // Codes read outward: left-aligned on the right half, right-aligned on the left half.
      const align = Math.cos(n.angle) >= -1e-9 ? 'left' : 'right';
      n.item.spine = align;
      stackCodes(n.item.codes, x - n.w / 2, y - n.h / 2, align, n.w);
    } else {
      n.item.cx = x;
      n.item.cy = y;
    }
  }
  n.children.forEach((c) => place(c));
}
