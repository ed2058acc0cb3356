import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { layoutMap } from '../../src/core/map/layout.ts';
import { renderSvg, escapeXml, svgId } from '../../src/core/map/svg.ts';
import { sampleMap } from '../../fixtures/map/sample.ts';
import { syntheticMap } from '../../fixtures/map/synthetic.ts';
import type { MapInput, MapOptions } from '../../src/core/map/types.ts';

const opts: MapOptions = { layout: 'radial', showCodes: true, palette: 'colorblind' };

/** All text content of the <tspan>s, one string per <text>. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>(.*?)<\/text>/g)].map((m) =>
    [...m[1].matchAll(/<tspan[^>]*>(.*?)<\/tspan>/g)].map((t) => t[1]).join(' '),
  );
}

describe('renderSvg', () => {
  it('escapes labels so a label cannot inject markup', () => {
    const input: MapInput = {
      nodes: [
        { id: 'core', kind: 'core', label: 'Core', parentId: null },
        { id: 'evil"id', kind: 'theme', label: '<script>alert("x")</script> & co', parentId: 'core' },
      ],
      links: [{ id: 'l', from: 'core', to: 'evil"id', label: 'a<b' }],
    };
    const svg = renderSvg(layoutMap(input, opts));
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(svg).toContain('&amp; co');
    expect(svg).toContain('a&lt;b');
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain(`id="${svgId('theme', 'evil"id')}"`);
  });

  it('is well-formed XML with text as text, grouped by theme group and theme', () => {
    const input = sampleMap();
    const svg = renderSvg(layoutMap(input, opts), { widthMm: 84 });
    expect(XMLValidator.validate(svg)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(svg);
    expect(doc.svg.viewBox).toMatch(/^0 0 [\d.]+ [\d.]+$/);
    expect(doc.svg.width).toBe('84mm');
    expect(doc.svg.height).toMatch(/^[\d.]+mm$/);
    expect(doc.svg['font-family']).toContain("'IBM Plex Sans'");
    // Every label appears whole in the text of the figure.
    const shown = texts(svg);
    for (const n of input.nodes) expect(shown).toContain(n.label);
    // core > groups > themes nesting
    const core = doc.svg.g.find((g: { class?: string }) => g.class === 'map-core');
    expect(core.g.map((g: { class: string }) => g.class)).toEqual(['map-group', 'map-group', 'map-group']);
    expect(core.g[0].g.map((g: { id: string }) => g.id)).toEqual([
      'theme-theme-system-barriers',
      'theme-theme-advocacy',
      'theme-theme-transitions',
      'theme-theme-restoring-trust',
    ]);
  });

  it('embeds the bundled font as @font-face data (regular and semibold)', () => {
    const svg = renderSvg(layoutMap(sampleMap(), opts));
    const faces = [
      ...svg.matchAll(
        /@font-face\{font-family:'IBM Plex Sans';font-style:normal;font-weight:(\d+);src:url\(data:font\/woff2;base64,([A-Za-z0-9+/=]+)\)/g,
      ),
    ];
    expect(faces.map((f) => f[1])).toEqual(['400', '600']);
    const bytes = Buffer.from(faces[0][2], 'base64');
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('wOF2');
    expect(renderSvg(layoutMap(sampleMap(), opts), { embedFont: false })).not.toContain('@font-face');
  });

  it('names a chosen font family first, with the bundled font as fallback', () => {
    const svg = renderSvg(layoutMap(sampleMap(), opts), { fontFamily: 'Source Sans 3' });
    expect(svg).toContain(`font-family="'Source Sans 3', 'IBM Plex Sans', sans-serif"`);
  });

  it('renders 40 themes and 400 codes with every code label', () => {
    const input = syntheticMap(40, 400);
    const svg = renderSvg(layoutMap(input, opts), { widthMm: 174 });
    expect(XMLValidator.validate(svg)).toBe(true);
    const shown = new Set(texts(svg));
    for (const n of input.nodes) expect(shown.has(escapeXml(n.label))).toBe(true);
    expect(svg.match(/class="map-code"/g)).toHaveLength(400);
  });

  it('draws candidate themes dashed and extra links dashed with their label', () => {
    const input = sampleMap();
    input.nodes[2] = { ...input.nodes[2], candidate: true };
    input.links.push({ id: 'l1', from: 'theme-advocacy', to: 'theme-boundaries', label: 'tension' });
    const svg = renderSvg(layoutMap(input, opts));
    expect(svg).toMatch(/class="map-theme candidate"/);
    expect(svg).toMatch(/<path class="link" data-from="theme-advocacy" data-to="theme-boundaries"[^>]*stroke-dasharray/);
    expect(svg).toMatch(/class="link-label"[^>]*>tension</);
  });
});
