// renderSvg: a clean, editable SVG of a laid-out map. Text stays text (<text>/<tspan>), each theme
// group and theme is a <g> with an id and class, the font is named and embedded as @font-face so
// the file looks the same on machines without IBM Plex Sans. Presentation attributes (not CSS
// classes) carry the styling because resvg and svg-to-pdfkit read attributes most reliably.
import fontData from './font-data.json' with { type: 'json' };
import { renderSvgWith, type SvgOptions } from './svg-render.ts';
import type { MapLayout } from './types.ts';

export { escapeXml, fontFamilyList, svgId, type SvgOptions } from './svg-render.ts';

/** The family of the embedded font files (font-data.json); tests/map/figure-fonts.test.ts holds it to DEFAULT_FONT_FAMILY. */
export const BUNDLED_FAMILY: string = /* @__PURE__ */ (() => fontData.family)();

/** The map as an SVG file: the bundled font embedded as @font-face unless `embedFont: false`. */
export function renderSvg(layout: MapLayout, options: SvgOptions = {}): string {
  return renderSvgWith(layout, options, fontFaceStyle);
}

function fontFaceStyle(): string {
  const faces = Object.entries(fontData.woff2 as Record<string, string>).map(
    ([weight, b64]) =>
      `@font-face{font-family:'${fontData.family}';font-style:normal;font-weight:${weight};src:url(data:font/woff2;base64,${b64}) format('woff2')}`,
  );
  return `<style>\n${faces.join('\n')}\n</style>`;
}
