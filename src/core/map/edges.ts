// Connector paths between positioned boxes. Tree edges end at box borders; codes hang off a
// "comb" (one spine beside the code list, a short tick into each code) so connectors never cross
// the code labels; extra links are curved so they read as different from the hierarchy.
import type { Item } from './layout-item.ts';
import type { MapLayoutKind, PositionedEdge } from './types.ts';
import { curvePoint, type LinkCurve } from './link-labels.ts';

const f = (n: number) => String(Math.round(n * 100) / 100);

/** Where the segment from the box centre towards (tx, ty) leaves the box. */
export function borderPoint(b: Item, tx: number, ty: number): [number, number] {
  const dx = tx - b.cx,
    dy = ty - b.cy;
  if (dx === 0 && dy === 0) return [b.cx, b.cy];
  const sx = dx === 0 ? Infinity : b.w / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : b.h / 2 / Math.abs(dy);
  const s = Math.min(sx, sy, 1);
  return [b.cx + dx * s, b.cy + dy * s];
}

export function treeEdge(parent: Item, child: Item, layout: MapLayoutKind): PositionedEdge {
  if (layout === 'tree') {
    const x1 = parent.cx,
      y1 = parent.cy + parent.h / 2,
      x2 = child.cx,
      y2 = child.cy - child.h / 2;
    const my = (y1 + y2) / 2;
    return {
      from: parent.node.id,
      to: child.node.id,
      kind: 'tree',
      path: `M${f(x1)} ${f(y1)}C${f(x1)} ${f(my)} ${f(x2)} ${f(my)} ${f(x2)} ${f(y2)}`,
    };
  }
  const [x1, y1] = borderPoint(parent, child.cx, child.cy);
  const [x2, y2] = borderPoint(child, parent.cx, parent.cy);
  return { from: parent.node.id, to: child.node.id, kind: 'tree', path: `M${f(x1)} ${f(y1)}L${f(x2)} ${f(y2)}` };
}

export function codeEdges(owner: Item): PositionedEdge[] {
  const codes = owner.codes;
  if (codes.length === 0) return [];
  const left = owner.spine !== 'right';
  const spineX = left ? Math.min(...codes.map((c) => c.cx - c.w / 2)) - 4 : Math.max(...codes.map((c) => c.cx + c.w / 2)) + 4;
  const top = Math.min(...codes.map((c) => c.cy - c.h / 2));
  const bottom = Math.max(...codes.map((c) => c.cy + c.h / 2));
  // The spine starts at the end of the list nearest its theme, just outside the list.
  const nearY =
    owner.cy > (top + bottom) / 2 ? Math.max(bottom, Math.min(owner.cy, bottom + 6)) : Math.min(top, Math.max(owner.cy, top - 6));
  const [sx, sy] = owner.cy >= top && owner.cy <= bottom ? borderPoint(owner, spineX, owner.cy) : borderPoint(owner, spineX, nearY);
  const startY = owner.cy >= top && owner.cy <= bottom ? owner.cy : nearY;
  return codes.map((c) => {
    const tickX = left ? c.cx - c.w / 2 : c.cx + c.w / 2;
    return {
      from: owner.node.id,
      to: c.node.id,
      kind: 'tree' as const,
      path: `M${f(sx)} ${f(sy)}L${f(spineX)} ${f(startY)}V${f(c.cy)}H${f(tickX)}`,
    };
  });
}

/** Bows tried for a link's curve, as a share of the distance: the usual gentle bow first. */
export const BOWS = [0.2, -0.2, 0.35, -0.35, 0.5, -0.5, 0.1, -0.1, 0.65, -0.65];
const SAMPLES = 48;

export function samples(c: LinkCurve): [number, number][] {
  return Array.from({ length: SAMPLES + 1 }, (_, k) => curvePoint(c, k / SAMPLES));
}

/** How many sample points of the curve fall on a box other than its two ends (boxes padded by 3 pt). */
export function boxesCrossed(pts: [number, number][], boxes: Item[], a: Item, b: Item): number {
  let n = 0;
  for (const [x, y] of pts.slice(1, -1)) {
    for (const o of boxes) {
      if (o === a || o === b) continue;
      if (Math.abs(x - o.cx) <= o.w / 2 + 3 && Math.abs(y - o.cy) <= o.h / 2 + 3) {
        n++;
        break;
      }
    }
  }
  return n;
}

const cross = (p: [number, number], q: [number, number], r: [number, number]) =>
  (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]);

/** How many times two sampled curves cross. */
export function crossings(p: [number, number][], q: [number, number][]): number {
  let n = 0;
  for (let i = 1; i < p.length; i++) {
    for (let j = 1; j < q.length; j++) {
      const a = p[i - 1],
        b = p[i],
        c = q[j - 1],
        d = q[j];
      if (cross(a, b, c) * cross(a, b, d) < 0 && cross(c, d, a) * cross(c, d, b) < 0) n++;
    }
  }
  return n;
}

/** The quadratic curve between two boxes, its control point bowed to one side by `bow` of the distance. */
export function curveFor(a: Item, b: Item, bow: number): LinkCurve {
  const mx = (a.cx + b.cx) / 2,
    my = (a.cy + b.cy) / 2;
  const dx = b.cx - a.cx,
    dy = b.cy - a.cy;
  const cx = mx - dy * bow,
    cy = my + dx * bow;
  const [x1, y1] = borderPoint(a, cx, cy);
  const [x2, y2] = borderPoint(b, cx, cy);
  return { x1, y1, cx, cy, x2, y2 };
}

/**
 * The curve of a link between two boxes (its label is placed later, clear of every box). Links are
 * drawn under the boxes, so a curve through a box would vanish behind it: the bow (side and depth)
 * that passes behind the fewest other boxes, then crosses the fewest links already drawn, wins; the
 * usual gentle bow when nothing is in the way.
 */
export function linkCurve(a: Item, b: Item, boxes: Item[] = [], others: LinkCurve[] = []): LinkCurve {
  const otherPts = others.map(samples);
  // A box hidden behind the curve costs far more than crossing another link.
  const cost = (c: LinkCurve) => {
    const pts = samples(c);
    return boxesCrossed(pts, boxes, a, b) * 10 + otherPts.reduce((n, o) => n + crossings(pts, o), 0);
  };
  let best = curveFor(a, b, BOWS[0]);
  let bestCost = cost(best);
  for (const alt of BOWS.slice(1)) {
    if (bestCost === 0) break;
    const c = curveFor(a, b, alt);
    const k = cost(c);
    if (k < bestCost) {
      best = c;
      bestCost = k;
    }
  }
  return best;
}

export function linkPath(a: Item, b: Item, c: LinkCurve): PositionedEdge {
  return { from: a.node.id, to: b.node.id, kind: 'link', path: `M${f(c.x1)} ${f(c.y1)}Q${f(c.cx)} ${f(c.cy)} ${f(c.x2)} ${f(c.y2)}` };
}
