import { describe, expect, it } from 'vitest';
import { layoutMap, positionsOf } from '../../src/core/map/layout.ts';
import { sampleMap } from '../../fixtures/map/sample.ts';
import { syntheticMap } from '../../fixtures/map/synthetic.ts';
import type { MapInput, MapLayoutKind, MapOptions } from '../../src/core/map/types.ts';
import { textWidth } from '../../src/core/map/text.ts';
import { connectorsThroughBoxes, incompleteLabels, inside, overlappingPairs } from './helpers.ts';

const opts = (layout: MapLayoutKind, extra: Partial<MapOptions> = {}): MapOptions => ({
  layout,
  showCodes: true,
  palette: 'colorblind',
  ...extra,
});

describe('layoutMap on the reference study (Fig. 1)', () => {
  const input = sampleMap();
  const layout = layoutMap(input, opts('radial'));

  it('has the core, 3 theme groups and 9 themes', () => {
    expect(layout.nodes.filter((n) => n.kind === 'core').map((n) => n.lines.join(' '))).toEqual(['Peer support workers as a bridge']);
    expect(layout.nodes.filter((n) => n.kind === 'group')).toHaveLength(3);
    expect(layout.nodes.filter((n) => n.kind === 'theme')).toHaveLength(9);
    expect(layout.edges.filter((e) => e.kind === 'tree')).toHaveLength(12);
  });

  it('puts the core in the centre with the groups around it on all sides', () => {
    const core = layout.nodes.find((n) => n.kind === 'core')!;
    const cx = core.x + core.width / 2,
      cy = core.y + core.height / 2;
    const centres = layout.nodes.map((n) => [n.x + n.width / 2, n.y + n.height / 2]);
    const midX = (Math.min(...centres.map((c) => c[0])) + Math.max(...centres.map((c) => c[0]))) / 2;
    const midY = (Math.min(...centres.map((c) => c[1])) + Math.max(...centres.map((c) => c[1]))) / 2;
    expect(Math.abs(cx - midX)).toBeLessThan(layout.width * 0.1);
    expect(Math.abs(cy - midY)).toBeLessThan(layout.height * 0.1);
    const angles = layout.nodes.filter((n) => n.kind === 'group').map((g) => Math.atan2(g.y + g.height / 2 - cy, g.x + g.width / 2 - cx));
    const sorted = angles.sort((a, b) => a - b);
    const gaps = sorted.map((a, i) => (i + 1 < sorted.length ? sorted[i + 1] - a : sorted[0] + 2 * Math.PI - a));
    expect(Math.max(...gaps)).toBeLessThan(Math.PI); // not all on one side
  });

  it('places each theme nearer its own group than any other group', () => {
    const centre = (id: string) => {
      const n = layout.nodes.find((x) => x.id === id)!;
      return [n.x + n.width / 2, n.y + n.height / 2];
    };
    const groups = input.nodes.filter((n) => n.kind === 'group');
    for (const t of input.nodes.filter((n) => n.kind === 'theme')) {
      const [tx, ty] = centre(t.id);
      const nearest = groups.map((g) => ({ g, d: Math.hypot(centre(g.id)[0] - tx, centre(g.id)[1] - ty) })).sort((a, b) => a.d - b.d)[0];
      expect(nearest.g.id, t.label).toBe(t.parentId);
    }
  });

  it('fits a 174 mm double-column figure at natural size (text stays at its set size)', () => {
    expect(layout.width).toBeLessThanOrEqual(174 * (72 / 25.4) * 1.2);
    expect(overlappingPairs(layout)).toEqual([]);
    expect(incompleteLabels(input, layout)).toEqual([]);
    expect(connectorsThroughBoxes(layout)).toEqual([]);
  });

  it('is deterministic', () => {
    expect(layoutMap(sampleMap(), opts('radial'))).toEqual(layout);
  });
});

describe('layoutMap with 40 themes and 400 codes', () => {
  const input = syntheticMap(40, 400);
  for (const kind of ['radial', 'tree', 'free'] as const) {
    it(`${kind}: no two boxes overlap, every label is complete and fits its box`, () => {
      const layout = layoutMap(input, opts(kind));
      expect(layout.nodes).toHaveLength(input.nodes.length);
      expect(overlappingPairs(layout)).toEqual([]);
      expect(incompleteLabels(input, layout)).toEqual([]);
      for (const n of layout.nodes) {
        expect(inside(layout, n)).toBe(true);
        for (const line of n.lines) expect(textWidth(line, n.fontSize, n.fontWeight)).toBeLessThan(n.width);
        expect(n.lines.length * n.lineHeight).toBeLessThan(n.height);
      }
      expect(connectorsThroughBoxes(layout)).toEqual([]);
    });
  }

  it('radial without codes: no connector cuts through another theme', () => {
    expect(connectorsThroughBoxes(layoutMap(input, opts('radial', { showCodes: false })))).toEqual([]);
  });

  it('hides codes unless asked to show them', () => {
    const layout = layoutMap(input, opts('radial', { showCodes: false }));
    expect(layout.nodes.some((n) => n.kind === 'code')).toBe(false);
    expect(layout.nodes).toHaveLength(46);
    expect(overlappingPairs(layout)).toEqual([]);
  });

  it('still separates boxes with a larger font size', () => {
    const layout = layoutMap(input, opts('radial', { fontSize: 14 }));
    expect(overlappingPairs(layout)).toEqual([]);
  });
});

describe('layoutMap edge cases', () => {
  it('tree layout puts parents above their children', () => {
    const layout = layoutMap(sampleMap(), opts('tree'));
    const byId = new Map(layout.nodes.map((n) => [n.id, n]));
    for (const n of layout.nodes) if (n.parentId) expect(byId.get(n.parentId)!.y + byId.get(n.parentId)!.height).toBeLessThan(n.y);
  });

  it('free layout keeps saved positions and places the rest radially without overlaps', () => {
    const layout = layoutMap(
      sampleMap(),
      opts('free', { positions: { 'theme-advocacy': { x: 1000, y: 1000 }, 'group-building': { x: 1200, y: 1000 } } }),
    );
    const byId = new Map(layout.nodes.map((n) => [n.id, n]));
    const a = byId.get('theme-advocacy')!,
      b = byId.get('group-building')!;
    // Relative placement of the two saved boxes is kept (the figure is translated as a whole).
    expect(b.x + b.width / 2 - (a.x + a.width / 2)).toBeCloseTo(200, 0);
    expect(b.y + b.height / 2 - (a.y + a.height / 2)).toBeCloseTo(0, 0);
    expect(overlappingPairs(layout)).toEqual([]);
  });

  it('free layout round-trips: positions taken from a layout give back the same layout', () => {
    const first = layoutMap(sampleMap(), opts('radial', { title: 'Figure 1. Thematic map' }));
    const again = layoutMap(sampleMap(), opts('free', { title: 'Figure 1. Thematic map', positions: positionsOf(first) }));
    expect(again.nodes.map((n) => [n.id, n.x, n.y])).toEqual(first.nodes.map((n) => [n.id, n.x, n.y]));
    expect([again.width, again.height]).toEqual([first.width, first.height]);
  });

  it('adds a title above the map and widens the figure for a long title', () => {
    const plain = layoutMap(sampleMap(), opts('radial'));
    const titled = layoutMap(sampleMap(), opts('radial', { title: 'Figure 1. '.repeat(12) }));
    expect(titled.title?.text).toBe('Figure 1. '.repeat(12));
    expect(titled.height).toBeGreaterThan(plain.height);
    expect(titled.width).toBeGreaterThan(plain.width);
    for (const n of titled.nodes) expect(n.y).toBeGreaterThan(titled.title!.y);
  });

  it('lays several cores side by side and survives missing parents and cycles', () => {
    const input: MapInput = {
      nodes: [
        { id: 'c1', kind: 'core', label: 'First core', parentId: null },
        { id: 'c2', kind: 'core', label: 'Second core', parentId: null },
        { id: 't1', kind: 'theme', label: 'A theme', parentId: 'c1' },
        { id: 't2', kind: 'theme', label: 'Another theme', parentId: 'c2' },
        { id: 'orphan', kind: 'theme', label: 'Orphan', parentId: 'missing' },
        { id: 'x', kind: 'theme', label: 'Cycle x', parentId: 'y' },
        { id: 'y', kind: 'theme', label: 'Cycle y', parentId: 'x' },
      ],
      links: [{ id: 'l', from: 't1', to: 't2', label: 'contrast' }],
    };
    const layout = layoutMap(input, opts('radial'));
    expect(layout.nodes).toHaveLength(7);
    expect(overlappingPairs(layout)).toEqual([]);
    expect(layout.edges.find((e) => e.kind === 'link')?.label).toBe('contrast');
  });

  it('lays out an empty map', () => {
    const layout = layoutMap({ nodes: [], links: [] }, opts('radial'));
    expect(layout.nodes).toEqual([]);
    expect(layout.width).toBeGreaterThan(0);
  });

  it('colours groups from the Okabe-Ito palette by default, greys in greyscale, own colours in custom', () => {
    const input = sampleMap();
    const groups = (palette: MapOptions['palette'], i: MapInput = input) =>
      layoutMap(i, opts('radial', { palette }))
        .nodes.filter((n) => n.kind === 'group')
        .map((n) => n.stroke);
    expect(groups('colorblind')).toEqual(['#0072B2', '#E69F00', '#009E73']);
    for (const c of groups('greyscale')) expect(c).toMatch(/^#([0-9a-f]{2})\1\1$/);
    const custom = { ...input, nodes: input.nodes.map((n) => (n.kind === 'group' ? { ...n, color: '#123456' } : n)) };
    expect(groups('custom', custom)).toEqual(['#123456', '#123456', '#123456']);
    const themes = layoutMap(custom, opts('radial', { palette: 'custom' })).nodes.filter((n) => n.kind === 'theme');
    expect(new Set(themes.map((t) => t.stroke))).toEqual(new Set(['#123456']));
  });

  it('marks candidate themes with a dashed outline', () => {
    const input = sampleMap();
    input.nodes[4] = { ...input.nodes[4], candidate: true };
    const layout = layoutMap(input, opts('radial'));
    expect(layout.nodes.filter((n) => n.dashed).map((n) => n.id)).toEqual([input.nodes[4].id]);
  });
});
