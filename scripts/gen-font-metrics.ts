// Generates font-metrics.json (advance widths) and font-data.json (base64 WOFF2 for SVG @font-face)
// from the bundled IBM Plex Sans, so layout measures text the same way in Node and in the browser
// without a canvas. Run: npm exec -- node scripts/gen-font-metrics.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FONT_FAMILY, FONT_WEIGHTS, fontFilePath, fontTtf } from '../src/features/map/font-files.ts';
import { sfntTables } from '../src/features/map/woff.ts';

export interface FaceMetrics {
  unitsPerEm: number;
  ascender: number;
  descender: number;
  widths: Record<string, number>;
}

export function faceMetrics(ttf: Uint8Array): FaceMetrics {
  const t = sfntTables(ttf);
  const head = t.get('head')!,
    hhea = t.get('hhea')!,
    hmtx = t.get('hmtx')!,
    cmap = t.get('cmap')!;
  const numHMetrics = hhea.getUint16(34);
  const advance = (glyph: number) => hmtx.getUint16(4 * Math.min(glyph, numHMetrics - 1));
  const widths: Record<string, number> = {};
  for (const [code, glyph] of cmapFormat4(cmap)) {
    if (glyph !== 0) widths[String(code)] = advance(glyph);
  }
  return { unitsPerEm: head.getUint16(18), ascender: hhea.getInt16(4), descender: hhea.getInt16(6), widths };
}

function cmapFormat4(cmap: DataView): Map<number, number> {
  const n = cmap.getUint16(2);
  for (let i = 0; i < n; i++) {
    const platform = cmap.getUint16(4 + i * 8),
      encoding = cmap.getUint16(6 + i * 8);
    const off = cmap.getUint32(8 + i * 8);
    if (platform === 3 && encoding === 1 && cmap.getUint16(off) === 4) return readFormat4(cmap, off);
  }
  throw new Error('no Unicode BMP cmap (format 4)');
}

function readFormat4(v: DataView, off: number): Map<number, number> {
  const segs = v.getUint16(off + 6) / 2;
  const ends = off + 14,
    starts = ends + segs * 2 + 2,
    deltas = starts + segs * 2,
    ranges = deltas + segs * 2;
  const out = new Map<number, number>();
  for (let s = 0; s < segs; s++) {
    const end = v.getUint16(ends + s * 2),
      start = v.getUint16(starts + s * 2);
    const delta = v.getInt16(deltas + s * 2),
      rangeOffset = v.getUint16(ranges + s * 2);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        const at = ranges + s * 2 + rangeOffset + (c - start) * 2;
        glyph = v.getUint16(at);
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      out.set(c, glyph);
    }
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));
  const metrics = { family: FONT_FAMILY, faces: Object.fromEntries(FONT_WEIGHTS.map((w) => [w, faceMetrics(fontTtf(w))])) };
  writeFileSync(here('../src/core/map/font-metrics.json'), JSON.stringify(metrics) + '\n');
  const data = Object.fromEntries(FONT_WEIGHTS.map((w) => [w, readFileSync(fontFilePath(w, 'woff2')).toString('base64')]));
  writeFileSync(here('../src/core/map/font-data.json'), JSON.stringify({ family: FONT_FAMILY, woff2: data }) + '\n');
  console.log('wrote font-metrics.json and font-data.json');
}
