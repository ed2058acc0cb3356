// Top-down hierarchical layout: d3's tidy tree, with each node's horizontal room widened to its
// box and its code list, which hangs below the node as an indented column.
import { hierarchy, tree } from 'd3';
import { type Item, GAP, blockSize, stackCodes } from './layout-item.ts';

const ROW_GAP = 28;
const INDENT = 10;

function footprint(i: Item): { w: number; h: number } {
  const b = blockSize(i.codes);
  if (i.codes.length === 0) return { w: i.w, h: i.h };
  return { w: Math.max(i.w, b.w + INDENT), h: i.h + GAP + b.h };
}

export function layoutTree(root: Item): void {
  const h = hierarchy(root, (i) => i.children);
  const layout = tree<Item>()
    .nodeSize([1, 1])
    .separation((a, b) => (footprint(a.data).w + footprint(b.data).w) / 2 + (a.parent === b.parent ? GAP * 2 : GAP * 4));
  const laid = layout(h);
  const rowHeight: number[] = [];
  laid.each((n) => {
    rowHeight[n.depth] = Math.max(rowHeight[n.depth] ?? 0, footprint(n.data).h);
  });
  const rowTop = [0];
  for (let d = 1; d < rowHeight.length; d++) rowTop[d] = rowTop[d - 1] + rowHeight[d - 1] + ROW_GAP;
  laid.each((n) => {
    const item = n.data;
    item.cx = n.x;
    item.cy = rowTop[n.depth] + item.h / 2;
    if (item.codes.length > 0) {
      const f = footprint(item);
      item.spine = 'left';
      stackCodes(item.codes, n.x - f.w / 2 + INDENT, rowTop[n.depth] + item.h + GAP, 'left', f.w - INDENT);
    }
  });
}
