// Shared checks for map layouts: boxes must not overlap and every label must be shown whole.
import { expect } from 'vitest';
import { inflateSync } from 'node:zlib';
import { pngChunks, pngSize } from '../../src/features/map/png.ts';
import type { MapInput, MapLayout, PositionedNode } from '../../src/core/map/types.ts';

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

/** Fraction of dark pixels: text and boxes must actually be drawn. */
export function inkFraction(png: Uint8Array): number {
  const { width, height, pixels } = decodeRgba(png);
  let ink = 0;
  for (let i = 0; i < width * height; i++) if (pixels[i * 4] + pixels[i * 4 + 1] + pixels[i * 4 + 2] < 300) ink++;
  return ink / (width * height);
}

/** Minimal PNG decoder for resvg's 8-bit RGBA output (undoes the per-row filters). */
export function decodeRgba(png: Uint8Array): { width: number; height: number; pixels: Uint8Array } {
  const { width, height } = pngSize(png);
  expect(png[24]).toBe(8); // bit depth
  expect(png[25]).toBe(6); // RGBA
  const idat = Buffer.concat(
    pngChunks(png)
      .filter((c) => c.type === 'IDAT')
      .map((c) => Buffer.from(png.subarray(c.offset + 8, c.offset + 8 + c.length))),
  );
  const raw = inflateSync(idat);
  const stride = width * 4;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x];
      const a = x >= 4 ? pixels[y * stride + x - 4] : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const c = x >= 4 && y > 0 ? pixels[(y - 1) * stride + x - 4] : 0;
      const p = a + b - c,
        pa = Math.abs(p - a),
        pb = Math.abs(p - b),
        pc = Math.abs(p - c);
      const pred = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][filter];
      pixels[y * stride + x] = (v + pred) & 255;
    }
  }
  return { width, height, pixels };
}

/** Straight pieces (M/L/V/H) of a connector path; curves are not checked. */
function segments(path: string): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  let x = 0,
    y = 0;
  for (const m of path.matchAll(/([MLVHCQ])([^MLVHCQ]*)/g)) {
    const a = m[2]
      .trim()
      .split(/[\s,]+/)
      .map(Number);
    if (m[1] === 'M') [x, y] = a;
    if (m[1] === 'C' || m[1] === 'Q') [x, y] = a.slice(-2);
    if (m[1] === 'M' || m[1] === 'C' || m[1] === 'Q') continue;
    const nx = m[1] === 'V' ? x : a[0],
      ny = m[1] === 'L' ? a[1] : m[1] === 'V' ? a[0] : y;
    out.push([x, y, nx, ny]);
    [x, y] = [nx, ny];
  }
  return out;
}

/** Tree connectors that pass through a box other than their own two ends. */
export function connectorsThroughBoxes(layout: MapLayout): string[] {
  const found: string[] = [];
  for (const e of layout.edges.filter((x) => x.kind === 'tree'))
    for (const [x1, y1, x2, y2] of segments(e.path))
      for (const b of layout.nodes) {
        if (b.id === e.from || b.id === e.to) continue;
        for (let t = 0.01; t < 1; t += 0.01) {
          const px = x1 + (x2 - x1) * t,
            py = y1 + (y2 - y1) * t;
          if (px > b.x + 0.5 && px < b.x + b.width - 0.5 && py > b.y + 0.5 && py < b.y + b.height - 0.5) {
            found.push(`${e.from}->${e.to} through ${b.id}`);
            break;
          }
        }
      }
  return found;
}
