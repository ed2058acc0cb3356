import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { woffToTtf, sfntTables } from '../../src/features/map/woff.ts';
import { fontFilePath } from '../../src/features/map/font-files.ts';

// sfnt table checksum: sum of big-endian uint32s (head's checkSumAdjustment counted as 0).
function checksum(tag: string, t: DataView): number {
  let sum = 0;
  const padded = new Uint8Array((t.byteLength + 3) & ~3);
  padded.set(new Uint8Array(t.buffer, t.byteOffset, t.byteLength));
  const v = new DataView(padded.buffer);
  for (let i = 0; i < padded.length; i += 4) sum = (sum + (tag === 'head' && i === 8 ? 0 : v.getUint32(i))) >>> 0;
  return sum;
}

describe('woffToTtf', () => {
  const woff = readFileSync(fontFilePath(400, 'woff'));
  const ttf = woffToTtf(woff);

  it('produces a TrueType sfnt with the tables resvg and pdfkit need', () => {
    expect(new DataView(ttf.buffer).getUint32(0)).toBe(0x00010000);
    const tables = sfntTables(ttf);
    for (const tag of ['cmap', 'glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp', 'name', 'post']) expect(tables.has(tag)).toBe(true);
    expect(new DataView(ttf.buffer).getUint32(12 + 0)).toBeLessThan(new DataView(ttf.buffer).getUint32(12 + 16)); // sorted tags
  });

  it('decompresses every table to data matching the checksum the WOFF recorded', () => {
    const src = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
    const tables = sfntTables(ttf);
    const n = src.getUint16(12);
    expect(tables.size).toBe(n);
    for (let i = 0; i < n; i++) {
      const at = 44 + i * 20;
      const tag = String.fromCharCode(...woff.subarray(at, at + 4));
      expect(checksum(tag, tables.get(tag)!), tag).toBe(src.getUint32(at + 16));
      expect(tables.get(tag)!.byteLength).toBe(src.getUint32(at + 12));
    }
  });

  it('rejects files that are not WOFF 1.0', () => {
    expect(() => woffToTtf(readFileSync(fontFilePath(400, 'woff2')))).toThrow(/WOFF/);
  });
});
