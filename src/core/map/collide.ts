// Collision pass: pushes overlapping boxes apart along the axis of least overlap. If pushing alone
// does not settle (dense rings), everything is spread out from the anchor a little and the pass
// repeats; spreading always terminates because box sizes stay fixed while distances grow.
import type { Item } from './layout-item.ts';

export const MIN_SPACING = 2;

export function overlaps(a: Item, b: Item, pad: number): boolean {
  return Math.abs(a.cx - b.cx) < (a.w + b.w) / 2 + pad && Math.abs(a.cy - b.cy) < (a.h + b.h) / 2 + pad;
}

function pass(items: Item[], pad: number): boolean {
  const sorted = [...items].sort((a, b) => a.cx - a.w / 2 - (b.cx - b.w / 2));
  let moved = false;
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i];
    const right = a.cx + a.w / 2 + pad;
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j];
      if (b.cx - b.w / 2 >= right) break;
      if (!overlaps(a, b, pad)) continue;
      moved = true;
      const dx = b.cx - a.cx,
        dy = b.cy - a.cy;
      const ox = (a.w + b.w) / 2 + pad - Math.abs(dx) + 0.01;
      const oy = (a.h + b.h) / 2 + pad - Math.abs(dy) + 0.01;
      const shareA = a.pinned === b.pinned ? 0.5 : a.pinned ? 0 : 1;
      if (ox < oy) {
        const s = dx >= 0 ? 1 : -1;
        a.cx -= s * ox * shareA;
        b.cx += s * ox * (1 - shareA);
      } else {
        const s = dy > 0 || (dy === 0 && i < j) ? 1 : -1;
        a.cy -= s * oy * shareA;
        b.cy += s * oy * (1 - shareA);
      }
    }
  }
  return moved;
}

export function resolveCollisions(items: Item[], anchor: { x: number; y: number }, pad = MIN_SPACING): void {
  for (let round = 0; round < 40; round++) {
    for (let iter = 0; iter < 50; iter++) if (!pass(items, pad)) return;
    for (const it of items) {
      it.cx = anchor.x + (it.cx - anchor.x) * 1.1;
      it.cy = anchor.y + (it.cy - anchor.y) * 1.1;
    }
  }
  throw new Error('map layout: could not separate overlapping labels');
}

/**
 * Moves boxes off straight connectors they sit on (a group's line to a far theme can cut through
 * a sibling theme). The box slides sideways off the line; the caller re-runs the collision pass.
 * Returns whether anything moved.
 */
export function clearConnectors(items: Item[], connectors: [Item, Item][], pad = 3): boolean {
  let moved = false;
  for (const [a, b] of connectors) {
    const dx = b.cx - a.cx,
      dy = b.cy - a.cy;
    const len = Math.hypot(dx, dy);
    if (len === 0) continue;
    const ux = dx / len,
      uy = dy / len,
      nx = -uy,
      ny = ux;
    for (const box of items) {
      // Codes stay in their stacked list (moving one would break the list's comb connector).
      if (box === a || box === b || box.pinned || box.node.kind === 'code') continue;
      const rx = box.cx - a.cx,
        ry = box.cy - a.cy;
      const along = rx * ux + ry * uy;
      const halfAlong = (Math.abs(ux) * box.w + Math.abs(uy) * box.h) / 2;
      if (along + halfAlong <= 0 || along - halfAlong >= len) continue;
      const across = rx * nx + ry * ny;
      const halfAcross = (Math.abs(nx) * box.w + Math.abs(ny) * box.h) / 2 + pad;
      if (Math.abs(across) >= halfAcross) continue;
      // Only the part of the line outside the end boxes is drawn.
      if (insideBox(a, box.cx, box.cy) || insideBox(b, box.cx, box.cy)) continue;
      const push = (across >= 0 ? 1 : -1) * (halfAcross - Math.abs(across) + 0.5);
      box.cx += nx * push;
      box.cy += ny * push;
      moved = true;
    }
  }
  return moved;
}

function insideBox(b: Item, x: number, y: number): boolean {
  return Math.abs(x - b.cx) < b.w / 2 && Math.abs(y - b.cy) < b.h / 2;
}
