import { describe, expect, it } from 'vitest';
import { layoutMap } from '../../src/core/map/layout.ts';
import { renderSvg } from '../../src/core/map/svg.ts';
import { sampleMap } from '../../fixtures/map/sample.ts';
import { syntheticMap } from '../../fixtures/map/synthetic.ts';
import {
  clearance,
  curvePoint,
  labelBoxSize,
  pathSegments,
  placeLinkLabels,
  segmentHitsRect,
  type LinkCurve,
  type Rect,
} from '../../src/core/map/link-labels.ts';
import type { MapInput, MapLayout, MapLayoutKind, MapOptions } from '../../src/core/map/types.ts';
import { overlappingPairs } from './helpers.ts';

const opts = (layout: MapLayoutKind, extra: Partial<MapOptions> = {}): MapOptions => ({
  layout,
  showCodes: true,
  palette: 'colorblind',
  ...extra,
});

/** Every link label that touches a node box or another label (boxes as drawn, in layout units). */
function labelCollisions(layout: MapLayout): string[] {
  const labels = layout.edges.filter((e) => e.label);
  const found: string[] = [];
  labels.forEach((e, k) => {
    expect(e.labelX, `${e.label} has a position`).toBeDefined();
    const r: Rect = { cx: e.labelX!, cy: e.labelY!, w: e.labelWidth!, h: e.labelHeight! };
    for (const n of layout.nodes) {
      if (clearance(r, { cx: n.x + n.width / 2, cy: n.y + n.height / 2, w: n.width, h: n.height }) < 0.5)
        found.push(`"${e.label}" on box ${n.id}`);
    }
    labels.slice(k + 1).forEach((o) => {
      if (clearance(r, { cx: o.labelX!, cy: o.labelY!, w: o.labelWidth!, h: o.labelHeight! }) < 0.5)
        found.push(`"${e.label}" on label "${o.label}"`);
    });
    // Inside the figure, clear of the title.
    expect(r.cx - r.w / 2).toBeGreaterThanOrEqual(0);
    expect(r.cx + r.w / 2).toBeLessThanOrEqual(layout.width);
    expect(r.cy + r.h / 2).toBeLessThanOrEqual(layout.height);
    if (layout.title) expect(r.cy - r.h / 2).toBeGreaterThan(layout.title.y);
  });
  return found;
}

/** Links across the whole Fig. 1 map: across the core, between groups, within a group. */
function sampleWithLinks(): MapInput {
  const input = sampleMap();
  const pairs: [string, string, string][] = [
    ['theme-advocacy', 'theme-stability', 'depends on'],
    ['theme-system-barriers', 'theme-boundaries', 'tension'],
    ['theme-transitions', 'theme-shared-experience', 'draws on lived experience'],
    ['theme-restoring-trust', 'theme-intrinsic', 'needs'],
    ['theme-training', 'theme-advocacy', 'prepares for'],
    ['group-functions', 'group-characteristics', 'enabled by'],
    ['theme-boundaries', 'theme-stability', 'protects'],
    ['theme-system-barriers', 'theme-restoring-trust', 'leads to'],
  ];
  input.links = pairs.map(([from, to, label], k) => ({ id: `l${k}`, from, to, label }));
  return input;
}

function denseWithLinks(): MapInput {
  const input = syntheticMap(40, 400);
  input.links = Array.from({ length: 24 }, (_, k) => ({
    id: `x${k}`,
    from: `t${k}`,
    to: `t${(k * 7 + 13) % 40}`,
    label: ['tension', 'feeds', 'contrasts with', 'enables', 'is a condition for'][k % 5],
  }));
  return input;
}

/** Where the label would sit without placement: the middle of its curve. */
/** Labels left at the middle of a plain curve (the usual gentle bow between the box centres, not routed). */
function naiveMidpointCollisions(layout: MapLayout): number {
  let hits = 0;
  const centre = (id: string) => {
    const n = layout.nodes.find((x) => x.id === id)!;
    return [n.x + n.width / 2, n.y + n.height / 2];
  };
  for (const e of layout.edges.filter((x) => x.label)) {
    const [x1, y1] = centre(e.from),
      [x2, y2] = centre(e.to);
    const cx = (x1 + x2) / 2 - (y2 - y1) * 0.2,
      cy = (y1 + y2) / 2 + (x2 - x1) * 0.2;
    const [mx, my] = curvePoint({ x1, y1, cx, cy, x2, y2 }, 0.5);
    const r = { cx: mx, cy: my, w: e.labelWidth!, h: e.labelHeight! };
    if (layout.nodes.some((n) => clearance(r, { cx: n.x + n.width / 2, cy: n.y + n.height / 2, w: n.width, h: n.height }) < 0)) hits++;
  }
  return hits;
}

describe('link labels are kept clear of boxes and of each other', () => {
  for (const kind of ['radial', 'tree', 'free'] as const) {
    it(`the sample study map with 8 labelled links (${kind})`, () => {
      const layout = layoutMap(sampleWithLinks(), opts(kind, { title: 'Figure 1. Thematic map' }));
      expect(layout.edges.filter((e) => e.label)).toHaveLength(8);
      expect(labelCollisions(layout)).toEqual([]);
      expect(overlappingPairs(layout)).toEqual([]);
    });
  }

  it('on the sample map (radial, as Fig. 1) no label hides a piece of a connector or of another link', () => {
    const layout = layoutMap(sampleWithLinks(), opts('radial'));
    const hidden: string[] = [];
    for (const e of layout.edges.filter((x) => x.label)) {
      const r = { cx: e.labelX!, cy: e.labelY!, w: e.labelWidth!, h: e.labelHeight! };
      for (const o of layout.edges)
        if (o !== e && pathSegments(o.path).some((sg) => segmentHitsRect(sg, r))) hidden.push(`${e.label} over ${o.from}->${o.to}`);
    }
    expect(hidden).toEqual([]);
  });

  it('the sample map at a large font size', () => {
    expect(labelCollisions(layoutMap(sampleWithLinks(), opts('radial', { fontSize: 14 })))).toEqual([]);
  });

  for (const showCodes of [true, false]) {
    it(`a dense map: 40 themes, 400 codes, 24 labelled links (codes ${showCodes ? 'shown' : 'hidden'})`, () => {
      const layout = layoutMap(denseWithLinks(), opts('radial', { showCodes }));
      expect(layout.edges.filter((e) => e.label)).toHaveLength(24);
      expect(labelCollisions(layout)).toEqual([]);
      // The maps are crowded enough that labels left at their curve's middle would land on boxes.
      expect(naiveMidpointCollisions(layout)).toBeGreaterThan(0);
    });
  }

  // 13-18 s on a quiet 2-core machine (the densest synthetic map, every label placed); a generous
  // limit so a busy machine does not fail it. Its speed is a benchmark's business (bench/map-bench.ts).
  it('the dense map in the tree layout', () => {
    expect(labelCollisions(layoutMap(denseWithLinks(), opts('tree')))).toEqual([]);
  }, 120_000);

  it('draws each label in the box the layout kept clear (text, background and size agree)', () => {
    const layout = layoutMap(sampleWithLinks(), opts('radial'));
    const svg = renderSvg(layout);
    for (const e of layout.edges.filter((x) => x.label)) {
      const esc = e.label!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const m = new RegExp(
        `<rect x="([\\d.]+)" y="([\\d.]+)" width="([\\d.]+)" height="([\\d.]+)"[^>]*/>\\n<text class="link-label"[^>]*font-size="([\\d.]+)"[^>]*>${esc}</text>`,
      ).exec(svg);
      expect(m, e.label).not.toBeNull();
      const [x, y, w, h, size] = m!.slice(1).map(Number);
      expect(x + w / 2).toBeCloseTo(e.labelX!, 1);
      expect(y + h / 2).toBeCloseTo(e.labelY!, 1);
      expect(w).toBeCloseTo(e.labelWidth!, 1);
      expect(size).toBe(e.labelFontSize);
    }
  });

  it('link labels scale with the font size setting', () => {
    const small = layoutMap(sampleWithLinks(), opts('radial', { fontSize: 8 })).edges.find((e) => e.label)!;
    const large = layoutMap(sampleWithLinks(), opts('radial', { fontSize: 12 })).edges.find((e) => e.label)!;
    expect(small.labelFontSize).toBeCloseTo(6.4);
    expect(large.labelFontSize).toBeCloseTo(9.6);
    expect(large.labelWidth!).toBeGreaterThan(small.labelWidth!);
  });
});

describe('placeLinkLabels', () => {
  const curve: LinkCurve = { x1: 0, y1: 0, cx: 100, cy: 40, x2: 200, y2: 0 };

  it('uses the middle of the curve when it is free', () => {
    const [p] = placeLinkLabels([{ curve, label: 'feeds' }], [], 8);
    expect([p.cx, p.cy]).toEqual(curvePoint(curve, 0.5));
    expect(p.onCurve).toBe(true);
  });

  it('slides along the curve away from a box on its middle', () => {
    const box: Rect = { cx: 100, cy: 20, w: 60, h: 30 };
    const [p] = placeLinkLabels([{ curve, label: 'feeds' }], [box], 8);
    expect(p.onCurve).toBe(true);
    expect(clearance(p, box)).toBeGreaterThanOrEqual(2);
  });

  it('moves off a curve covered end to end, with a leader back to it', () => {
    const box: Rect = { cx: 100, cy: 20, w: 240, h: 40 };
    const [p] = placeLinkLabels([{ curve, label: 'a rather long label' }], [box], 8);
    expect(p.onCurve).toBe(false);
    expect(clearance(p, box)).toBeGreaterThanOrEqual(2);
  });

  it('keeps two labels on the same curve apart', () => {
    const [a, b] = placeLinkLabels(
      [
        { curve, label: 'tension' },
        { curve, label: 'tension' },
      ],
      [],
      8,
    );
    expect(clearance(a, b)).toBeGreaterThanOrEqual(2);
  });

  it('prefers a spot on its curve that covers no other line', () => {
    const across: [number, number, number, number] = [100, -50, 100, 100];
    const [p] = placeLinkLabels([{ curve, label: 'feeds' }], [], 8, [across]);
    expect(p.onCurve).toBe(true);
    expect(segmentHitsRect(across, p)).toBe(false);
  });

  it('segmentHitsRect and pathSegments', () => {
    const r: Rect = { cx: 0, cy: 0, w: 10, h: 10 };
    expect(segmentHitsRect([-20, 0, 20, 0], r)).toBe(true);
    expect(segmentHitsRect([-20, 6, 20, 6], r)).toBe(false);
    expect(segmentHitsRect([-20, -20, -6, -6], r)).toBe(false);
    expect(segmentHitsRect([1, 1, 2, 2], r)).toBe(true);
    expect(pathSegments('M0 0L10 0V5H2')).toEqual([
      [0, 0, 10, 0],
      [10, 0, 10, 5],
      [10, 5, 2, 5],
    ]);
    const q = pathSegments('M0 0Q50 50 100 0');
    expect(q).toHaveLength(8);
    // The quadratic's middle (t = 0.5) is (50, 25).
    expect(q[3][2]).toBeCloseTo(50);
    expect(q[3][3]).toBeCloseTo(25);
  });

  it('sizes a label from its text', () => {
    expect(labelBoxSize('a much longer label', 8).w).toBeGreaterThan(labelBoxSize('short', 8).w);
  });
});
