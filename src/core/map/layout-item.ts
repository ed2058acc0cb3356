// Internal working shape shared by the layout passes: a measured node with a centre and children.
import type { MapNode } from './types.ts';
import type { Measured } from './measure.ts';

export interface Item extends Measured {
  node: MapNode;
  depth: number;
  children: Item[];
  /** Codes attached to this node, laid out as a stacked list ("code block") next to it. */
  codes: Item[];
  parent: Item | null;
  cx: number;
  cy: number;
  /** Saved free-layout position: collision resolution moves it only as a last resort. */
  pinned: boolean;
  /** Which side of the code block the connector spine runs on (set by the layout pass). */
  spine?: 'left' | 'right';
}

export function walk(item: Item, visit: (i: Item) => void): void {
  visit(item);
  for (const c of item.children) walk(c, visit);
  for (const c of item.codes) walk(c, visit);
}

export const GAP = 6;

export function blockSize(codes: Item[]): { w: number; h: number } {
  if (codes.length === 0) return { w: 0, h: 0 };
  return {
    w: Math.max(...codes.map((c) => c.w)),
    h: codes.reduce((s, c) => s + c.h, 0) + (codes.length - 1) * (GAP / 2),
  };
}

/** Stacks codes in a column whose top-left is (left, top). */
export function stackCodes(codes: Item[], left: number, top: number, align: 'left' | 'right', blockW: number): void {
  let y = top;
  for (const c of codes) {
    c.cx = align === 'left' ? left + c.w / 2 : left + blockW - c.w / 2;
    c.cy = y + c.h / 2;
    y += c.h + GAP / 2;
  }
}
