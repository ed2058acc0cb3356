// Map benchmark: 40 themes + 400 codes. Prints JSON with the median of several runs.
// Targets (issue 4): layout + SVG <= 200 ms, 600 dpi PNG of a 174 mm figure <= 2 s, PDF <= 2 s.
// Cost growth: layout is O(n log n) placement plus a sweep-line collision pass (near O(n) per
// iteration when boxes are spread); PNG cost grows with pixel area (width^2 at a fixed aspect).
// Run: npm exec -- node bench/map-bench.ts [runs]
import { layoutMap } from '../src/core/map/layout.ts';
import { renderSvg } from '../src/core/map/svg.ts';
import { toPdf, toPng } from '../src/features/map/export-node.ts';
import { syntheticMap } from '../fixtures/map/synthetic.ts';
import { pngSize } from '../src/features/map/png.ts';

const runs = Number(process.argv[2] ?? 5);
const input = syntheticMap(40, 400);
const options = { layout: 'radial', showCodes: true, palette: 'colorblind' } as const;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.floor(s.length / 2)] * 10) / 10;
}

async function time<T>(f: () => T | Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const out = await f();
  return [performance.now() - t, out];
}

// Warm-up (module loading, font conversion, JIT) is not what a user waits for on the second export.
const warmSvg = renderSvg(layoutMap(input, options), { widthMm: 174 });
toPng(warmSvg, { widthMm: 174, dpi: 100 });
await toPdf(warmSvg, { widthMm: 174 });

const layoutSvg: number[] = [],
  png: number[] = [],
  pdf: number[] = [],
  treeLayoutSvg: number[] = [];
let svg = '';
let pngBytes: Uint8Array = new Uint8Array();
let pdfBytes: Uint8Array = new Uint8Array();
for (let i = 0; i < runs; i++) {
  let t: number;
  [t, svg] = await time(() => renderSvg(layoutMap(input, options), { widthMm: 174 }));
  layoutSvg.push(t);
  [t] = await time(() => renderSvg(layoutMap(input, { ...options, layout: 'tree' }), { widthMm: 174 }));
  treeLayoutSvg.push(t);
  [t, pngBytes] = await time(() => toPng(svg, { widthMm: 174, dpi: 600 }));
  png.push(t);
  [t, pdfBytes] = await time(() => toPdf(svg, { widthMm: 174 }));
  pdf.push(t);
}

const size = pngSize(pngBytes);
console.log(
  JSON.stringify({
    scenario: 'map: 40 themes, 400 codes, radial, 174 mm',
    runs,
    layoutSvgMs: median(layoutSvg),
    treeLayoutSvgMs: median(treeLayoutSvg),
    png600Ms: median(png),
    pdfMs: median(pdf),
    svgBytes: svg.length,
    pngPx: `${size.width}x${size.height}`,
    pngBytes: pngBytes.length,
    pdfBytes: pdfBytes.length,
    targets: { layoutSvgMs: 200, png600Ms: 2000, pdfMs: 2000 },
  }),
);
