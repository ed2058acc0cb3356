import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { layoutMap } from '../../src/core/map/layout.ts';
import { renderSvg } from '../../src/core/map/svg.ts';
import { sampleMap } from '../../fixtures/map/sample.ts';
import { syntheticMap } from '../../fixtures/map/synthetic.ts';
import { toPng, toPdf, pixelWidth } from '../../src/features/map/export-node.ts';
import { pngDpi, pngSize } from '../../src/features/map/png.ts';
import { inkFraction } from './helpers.ts';

const svg = renderSvg(layoutMap(sampleMap(), { layout: 'radial', showCodes: true, palette: 'colorblind' }), { widthMm: 84 });

describe('toPng', () => {
  it('renders 84 mm at 300 dpi as 992 px wide with the dpi in pHYs', () => {
    const png = toPng(svg, { widthMm: 84, dpi: 300 });
    expect(pixelWidth(84, 300)).toBe(992);
    expect(pngSize(png).width).toBe(992);
    expect(pngDpi(png)).toBe(300);
    expect(inkFraction(png)).toBeGreaterThan(0.005);
  });

  it('renders 174 mm at 600 dpi as 4110 px wide (40 themes, 400 codes)', () => {
    const big = renderSvg(layoutMap(syntheticMap(40, 400), { layout: 'radial', showCodes: true, palette: 'colorblind' }), { widthMm: 174 });
    const png = toPng(big, { widthMm: 174, dpi: 600 });
    expect(pngSize(png).width).toBe(4110);
    expect(pngDpi(png)).toBe(600);
  });

  it('draws the labels with the bundled font even though system fonts are not loaded', () => {
    const noText = svg.replace(/<text[\s\S]*?<\/text>/g, '');
    const withText = inkFraction(toPng(svg, { widthMm: 84, dpi: 150 })),
      without = inkFraction(toPng(noText, { widthMm: 84, dpi: 150 }));
    expect(withText).toBeGreaterThan(without * 1.2);
  });
});

describe('toPdf', () => {
  it('writes a one-page vector PDF of the figure width with the font embedded', async () => {
    const pdf = Buffer.from(await toPdf(svg, { widthMm: 84 }));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdf.toString('latin1');
    expect(text).toMatch(/\/FontFile2/);
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+IBMPlexSans/);
    const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(text)!;
    expect(Number(box[1])).toBeCloseTo((84 / 25.4) * 72, 1);
    expect(text).not.toMatch(/\/BaseFont \/Helvetica/);
  });

  it('embeds both weights as TrueType subsets (pdffonts)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'map-pdf-'));
    const file = join(dir, 'map.pdf');
    writeFileSync(file, await toPdf(svg, { widthMm: 84 }));
    const out = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    const rows = out.split('\n').slice(2).filter(Boolean);
    expect(rows.length).toBe(2);
    for (const row of rows) {
      expect(row).toMatch(/IBMPlexSans/);
      expect(row).toMatch(/TrueType/);
      expect(row).toMatch(/\byes\s+yes\b/); // emb, sub
    }
  });
});
