// Connector paths between positioned boxes. Tree edges end at box borders; codes hang off a
// "comb" (one spine beside the code list, a short tick into each code) so connectors never cross
// the code labels; extra links are curved so they read as different from the hierarchy.
import type { Item } from './layout-item.ts';
import type { MapLayoutKind, PositionedEdge } from './types.ts';
import type { LinkCurve } from './link-labels.ts';

const f = (n: number) => String(Math.round(n * 100) / 100);

/** Where the segment from the box centre towards (tx, ty) leaves the box. */
export function borderPoint(b: Item, tx: number, ty: number): [number, number] {
  const dx = tx - b.cx, dy = ty - b.cy;
  if (dx === 0 && dy === 0) return [b.cx, b.cy];
  const sx = dx === 0 ? Infinity : b.w / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : b.h / 2 / Math.abs(dy);
  const s = Math.min(sx, sy, 1);
  return [b.cx + dx * s, b.cy + dy * s];
}

export function treeEdge(parent: Item, child: Item, layout: MapLayoutKind): PositionedEdge {
  if (layout === 'tree') {
    const x1 = parent.cx, y1 = parent.cy + parent.h / 2, x2 = child.cx, y2 = child.cy - child.h / 2;
    const my = (y1 + y2) / 2;
    return { from: parent.node.id, to: child.node.id, kind: 'tree', path: `M${f(x1)} ${f(y1)}C${f(x1)} ${f(my)} ${f(x2)} ${f(my)} ${f(x2)} ${f(y2)}` };
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
  const nearY = owner.cy > (top + bottom) / 2 ? Math.max(bottom, Math.min(owner.cy, bottom + 6)) : Math.min(top, Math.max(owner.cy, top - 6));
  const [sx, sy] = owner.cy >= top && owner.cy <= bottom ? borderPoint(owner, spineX, owner.cy) : borderPoint(owner, spineX, nearY);
  const startY = owner.cy >= top && owner.cy <= bottom ? owner.cy : nearY;
  return codes.map((c) => {
    const tickX = left ? c.cx - c.w / 2 : c.cx + c.w / 2;
    return { from: owner.node.id, to: c.node.id, kind: 'tree' as const, path: `M${f(sx)} ${f(sy)}L${f(spineX)} ${f(startY)}V${f(c.cy)}H${f(tickX)}` };
  });
}

/** A curved link between two boxes (its label is placed later, clear of every box). */
export function linkEdge(a: Item, b: Item): { edge: PositionedEdge; curve: LinkCurve } {
  const mx = (a.cx + b.cx) / 2, my = (a.cy + b.cy) / 2;
  const dx = b.cx - a.cx, dy = b.cy - a.cy;
  // Control point bowed to one side by a fifth of the distance.
  const cx = mx - dy * 0.2, cy = my + dx * 0.2;
  const [x1, y1] = borderPoint(a, cx, cy);
  const [x2, y2] = borderPoint(b, cx, cy);
  const edge: PositionedEdge = { from: a.node.id, to: b.node.id, kind: 'link', path: `M${f(x1)} ${f(y1)}Q${f(cx)} ${f(cy)} ${f(x2)} ${f(y2)}` };
  return { edge, curve: { x1, y1, cx, cy, x2, y2 } };
}
