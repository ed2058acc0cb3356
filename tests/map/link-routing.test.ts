import { describe, expect, it } from 'vitest';
import { layoutMap } from '../../src/core/map/layout.ts';
import { sampleMap } from '../../fixtures/map/sample.ts';
import { curvePoint } from '../../src/core/map/link-labels.ts';
import type { MapInput, MapLayout, MapOptions } from '../../src/core/map/types.ts';

// Links are drawn under the boxes: a curve through a box would vanish behind it and read as a
// link to that box. Each link's curve is bowed (side and depth) round the boxes in its way.

const opts = (extra: Partial<MapOptions> = {}): MapOptions => ({ layout: 'radial', showCodes: false, palette: 'colorblind', ...extra });

/** Each link passing behind a box other than its two ends: "from->to behind box". */
function linksBehindBoxes(layout: MapLayout): string[] {
  const found: string[] = [];
  for (const e of layout.edges.filter((x) => x.kind === 'link')) {
    const [x1, y1, cx, cy, x2, y2] = e.path
      .slice(1)
      .split(/[\sQ]+/)
      .map(Number);
    for (const n of layout.nodes) {
      if (n.id === e.from || n.id === e.to) continue;
      for (let k = 1; k < 40; k++) {
        const [x, y] = curvePoint({ x1, y1, cx, cy, x2, y2 }, k / 40);
        if (x > n.x + 1 && x < n.x + n.width - 1 && y > n.y + 1 && y < n.y + n.height - 1) {
          found.push(`${e.from}->${e.to} behind ${n.id}`);
          break;
        }
      }
    }
  }
  return found;
}

const SAMPLE_LINKS: [string, string][] = [
  ['theme-advocacy', 'theme-stability'],
  ['theme-system-barriers', 'theme-boundaries'],
  ['theme-transitions', 'theme-shared-experience'],
  ['theme-restoring-trust', 'theme-intrinsic'],
  ['theme-training', 'theme-advocacy'],
  ['group-functions', 'group-characteristics'],
  ['theme-boundaries', 'theme-stability'],
  ['theme-system-barriers', 'theme-restoring-trust'],
];

describe('links between themes are routed round the boxes', () => {
  it('on the sample map, no link passes behind a box', () => {
    const input = sampleMap();
    input.links = SAMPLE_LINKS.map(([from, to], k) => ({ id: `l${k}`, from, to, label: `link ${k}` }));
    expect(linksBehindBoxes(layoutMap(input, opts()))).toEqual([]);
  });

  it('a link between two boxes with a third between them bows round it, whichever way it runs', () => {
    const input: MapInput = {
      nodes: [
        { id: 'core', kind: 'core', label: 'Core', parentId: null },
        { id: 'a', kind: 'theme', label: 'Left theme', parentId: 'core' },
        { id: 'b', kind: 'theme', label: 'Right theme', parentId: 'core' },
      ],
      links: [{ id: 'x', from: 'a', to: 'b', label: 'across the core' }],
    } as MapInput;
    for (const layout of ['radial', 'tree'] as const) {
      const l = layoutMap(input, opts({ layout }));
      expect(linksBehindBoxes(l), layout).toEqual([]);
    }
  });
});
