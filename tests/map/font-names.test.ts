import { describe, expect, it } from 'vitest';
import { fontTtf, FONT_FAMILY } from '../../src/features/map/font-files.ts';
import { sfntTables } from '../../src/features/map/woff.ts';
import { toPng } from '../../src/features/map/export-node.ts';
import { inkFraction } from './helpers.ts';

function names(ttf: Uint8Array): Map<number, string> {
  const t = sfntTables(ttf).get('name')!;
  const out = new Map<number, string>();
  for (let i = 0; i < t.getUint16(2); i++) {
    const r = 6 + i * 12;
    if (t.getUint16(r) !== 3) continue;
    const len = t.getUint16(r + 8),
      off = t.getUint16(4) + t.getUint16(r + 10);
    let s = '';
    for (let k = 0; k < len; k += 2) s += String.fromCharCode(t.getUint16(off + k));
    out.set(t.getUint16(r + 6), s);
  }
  return out;
}

describe('bundled font naming', () => {
  it('gives both weights the typographic family "IBM Plex Sans" and keeps the PostScript names', () => {
    expect(names(fontTtf(400)).get(16)).toBe(FONT_FAMILY);
    expect(names(fontTtf(600)).get(16)).toBe(FONT_FAMILY);
    expect(names(fontTtf(600)).get(6)).toBe('IBMPlexSans-SemiBold');
    expect(names(fontTtf(400)).get(6)).toBe('IBMPlexSans-Regular');
  });

  it('lets resvg pick the SemiBold face for font-weight 600', () => {
    const svg = (weight: number) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40" viewBox="0 0 200 40"><rect width="200" height="40" fill="#fff"/><text x="4" y="28" font-family="IBM Plex Sans" font-size="22" font-weight="${weight}">Building a bridge</text></svg>`;
    const regular = inkFraction(toPng(svg(400), { widthMm: 50, dpi: 300 }));
    const semibold = inkFraction(toPng(svg(600), { widthMm: 50, dpi: 300 }));
    expect(semibold).toBeGreaterThan(regular * 1.15);
  });
});
