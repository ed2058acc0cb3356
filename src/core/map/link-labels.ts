// Where a link's label goes. A label at the curve's midpoint often lands on a box (a link between
// two themes across the core passes over the core or a group), so each label is tried at points
// along its curve and put where it has the most room; if the whole curve is crowded it moves off
// the curve (perpendicular first, then outwards) and keeps a thin leader back to the curve.
import { textWidth } from './text.ts';

export interface Rect {
  cx: number;
  cy: number;
  w: number;
  h: number;
}
/** A link's quadratic curve: start, control point, end. */
export interface LinkCurve {
  x1: number;
  y1: number;
  cx: number;
  cy: number;
  x2: number;
  y2: number;
}
export interface PlacedLabel extends Rect {
  fontSize: number;
  onCurve: boolean;
  anchorX: number;
  anchorY: number;
}

/** Labels are a little smaller than theme labels, like a figure's annotations. */
export const LINK_LABEL_SCALE = 0.8;
/** Clear space kept between a label and any box or other label (pt). */
export const LABEL_PAD = 2;
/** Beyond this much room, more room does not make a spot better; nearness to the middle does. */
const COMFORT = 6;
/** A connector or another link under a label is hidden by the label's white background: avoid if possible. */
const CROSSING_COST = 4;
/** Each step off the curve (half a label height) costs this much: on the curve reads best. */
const OFF_CURVE_COST = 1.5;

/** A straight piece of a drawn line: x1, y1, x2, y2. */
export type Segment = [number, number, number, number];

export function labelBoxSize(label: string, baseFontSize: number): { w: number; h: number; fontSize: number } {
  const fontSize = Math.round(baseFontSize * LINK_LABEL_SCALE * 100) / 100;
  return { w: textWidth(label, fontSize) + fontSize * 0.6, h: fontSize * 1.4, fontSize };
}

/** Signed distance between two boxes: negative when they overlap (by the smaller overlap depth). */
export function clearance(a: Rect, b: Rect): number {
  const gx = Math.abs(a.cx - b.cx) - (a.w + b.w) / 2;
  const gy = Math.abs(a.cy - b.cy) - (a.h + b.h) / 2;
  if (gx < 0 && gy < 0) return Math.max(gx, gy);
  return Math.hypot(Math.max(gx, 0), Math.max(gy, 0));
}

export function curvePoint(c: LinkCurve, t: number): [number, number] {
  const u = 1 - t;
  return [u * u * c.x1 + 2 * u * t * c.cx + t * t * c.x2, u * u * c.y1 + 2 * u * t * c.cy + t * t * c.y2];
}

function curveNormal(c: LinkCurve, t: number): [number, number] {
  const dx = 2 * (1 - t) * (c.cx - c.x1) + 2 * t * (c.x2 - c.cx);
  const dy = 2 * (1 - t) * (c.cy - c.y1) + 2 * t * (c.y2 - c.cy);
  const len = Math.hypot(dx, dy) || 1;
  return [-dy / len, dx / len];
}

function room(r: Rect, obstacles: Rect[]): number {
  let min = Infinity;
  for (const o of obstacles) {
    const d = clearance(r, o);
    if (d < min) min = d;
  }
  return min;
}

/** Lines under a label, with a point of margin: curves are drawn smoother than their chords here. */
function linesUnder(under: Segment[], r: Rect): number {
  const padded = { ...r, w: r.w + 2, h: r.h + 2 };
  return under.filter((sg) => segmentHitsRect(sg, padded)).length;
}

/** Curve parameters from the middle outwards, so ties go to the spot nearest the middle. */
const ALONG = [0.5, 0.45, 0.55, 0.4, 0.6, 0.35, 0.65, 0.3, 0.7, 0.25, 0.75, 0.2, 0.8, 0.15, 0.85];

/**
 * Places one label for each curve, in order, clear of every box and of the labels placed before
 * it. Always returns a clear spot: the outward search ends outside everything.
 */
export function placeLinkLabels(
  curves: { curve: LinkCurve; label: string }[],
  boxes: Rect[],
  baseFontSize: number,
  lines: Segment[] = [],
): PlacedLabel[] {
  const obstacles = [...boxes];
  const own = curves.map(({ curve }) => curveSegments(curve));
  return curves.map(({ curve, label }, k) => {
    const size = labelBoxSize(label, baseFontSize);
    // Other links' curves and the tree's connectors: a label may cover them, but better not.
    const under = [...lines, ...own.filter((_, j) => j !== k).flat()];
    const spot = onCurve(curve, size, obstacles, under) ?? offCurve(curve, size, obstacles);
    obstacles.push(spot);
    return spot;
  });
}

function onCurve(
  curve: LinkCurve,
  size: { w: number; h: number; fontSize: number },
  obstacles: Rect[],
  under: Segment[],
): PlacedLabel | null {
  let best: PlacedLabel | null = null,
    bestScore = -Infinity;
  for (const t of ALONG) {
    const [x, y] = curvePoint(curve, t);
    const r = room({ cx: x, cy: y, ...size }, obstacles);
    if (r < LABEL_PAD) continue;
    const rect = { cx: x, cy: y, ...size };
    const score = Math.min(r, COMFORT) - CROSSING_COST * linesUnder(under, rect);
    if (score > bestScore) {
      bestScore = score;
      best = { cx: x, cy: y, ...size, onCurve: true, anchorX: x, anchorY: y };
    }
  }
  if (best && bestScore >= COMFORT) return best;
  // Every spot on the curve is tight or hides a line: a spot just beside the curve (with a leader)
  // wins if it is clear of lines, a step further out costing a little more.
  for (let k = 1; k <= 6; k++) {
    for (const t of ALONG) {
      const [x, y] = curvePoint(curve, t);
      const [nx, ny] = curveNormal(curve, t);
      for (const s of [1, -1]) {
        const d = size.h / 2 + (k * size.h) / 2;
        const rect = { cx: x + nx * s * d, cy: y + ny * s * d, ...size };
        const r = room(rect, obstacles);
        if (r < LABEL_PAD) continue;
        const score = Math.min(r, COMFORT) - CROSSING_COST * linesUnder(under, rect) - OFF_CURVE_COST * k;
        if (score > bestScore) {
          bestScore = score;
          best = { ...rect, onCurve: false, anchorX: x, anchorY: y };
        }
      }
    }
  }
  return best;
}

function offCurve(curve: LinkCurve, size: { w: number; h: number; fontSize: number }, obstacles: Rect[]): PlacedLabel {
  const step = size.h / 2;
  // Sideways off the curve, nearest first; both sides of each point before going further out.
  for (let k = 1; k <= 12; k++) {
    for (const t of ALONG) {
      const [x, y] = curvePoint(curve, t);
      const [nx, ny] = curveNormal(curve, t);
      for (const s of [1, -1]) {
        const cx = x + nx * s * (size.h / 2 + k * step),
          cy = y + ny * s * (size.h / 2 + k * step);
        if (room({ cx, cy, ...size }, obstacles) >= LABEL_PAD) return { cx, cy, ...size, onCurve: false, anchorX: x, anchorY: y };
      }
    }
  }
  // A crowded figure: spiral out from the middle until there is room (there always is, outside).
  const [mx, my] = curvePoint(curve, 0.5);
  for (let i = 1; ; i++) {
    const a = i * 0.5,
      d = step * Math.sqrt(i) * 2;
    const cx = mx + Math.cos(a) * d,
      cy = my + Math.sin(a) * d;
    if (room({ cx, cy, ...size }, obstacles) >= LABEL_PAD) return { cx, cy, ...size, onCurve: false, anchorX: mx, anchorY: my };
  }
}

export function curveSegments(c: LinkCurve, pieces = 12): Segment[] {
  const out: Segment[] = [];
  let [px, py] = [c.x1, c.y1];
  for (let i = 1; i <= pieces; i++) {
    const [x, y] = curvePoint(c, i / pieces);
    out.push([px, py, x, y]);
    [px, py] = [x, y];
  }
  return out;
}

/** Straight pieces of an SVG path with absolute M/L/V/H/C/Q commands (curves in short chords). */
export function pathSegments(path: string): Segment[] {
  const out: Segment[] = [];
  let x = 0,
    y = 0;
  for (const m of path.matchAll(/([MLVHCQ])([^MLVHCQ]*)/g)) {
    const a = m[2]
      .trim()
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    const cmd = m[1];
    if (cmd === 'M') {
      [x, y] = a;
      continue;
    }
    const pts: [number, number][] = [];
    if (cmd === 'L') pts.push([a[0], a[1]]);
    else if (cmd === 'V') pts.push([x, a[0]]);
    else if (cmd === 'H') pts.push([a[0], y]);
    else {
      // A quadratic is the cubic whose controls sit two thirds of the way to its one control point.
      const ctrl =
        cmd === 'Q'
          ? [x + (2 / 3) * (a[0] - x), y + (2 / 3) * (a[1] - y), a[2] + (2 / 3) * (a[0] - a[2]), a[3] + (2 / 3) * (a[1] - a[3])]
          : a.slice(0, 4);
      const [ex, ey] = a.slice(-2);
      for (let i = 1; i <= 8; i++) {
        const t = i / 8,
          u = 1 - t;
        pts.push([
          u ** 3 * x + 3 * u * u * t * ctrl[0] + 3 * u * t * t * ctrl[2] + t ** 3 * ex,
          u ** 3 * y + 3 * u * u * t * ctrl[1] + 3 * u * t * t * ctrl[3] + t ** 3 * ey,
        ]);
      }
    }
    for (const [nx, ny] of pts) {
      out.push([x, y, nx, ny]);
      [x, y] = [nx, ny];
    }
  }
  return out;
}

/** Whether a segment passes through a box (clipping the segment to the box, Liang-Barsky). */
export function segmentHitsRect([x1, y1, x2, y2]: Segment, r: Rect): boolean {
  const dx = x2 - x1,
    dy = y2 - y1;
  let t0 = 0,
    t1 = 1;
  const edges: [number, number][] = [
    [-dx, x1 - (r.cx - r.w / 2)],
    [dx, r.cx + r.w / 2 - x1],
    [-dy, y1 - (r.cy - r.h / 2)],
    [dy, r.cy + r.h / 2 - y1],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) {
      if (t > t1) return false;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return false;
      if (t < t1) t1 = t;
    }
  }
  return t0 < t1;
}
