// renderSvgWith: a clean, editable SVG of a laid-out map. Text stays text (<text>/<tspan>), each theme
// group and theme is a <g> with an id and class, the font is named and embedded as @font-face so
// the file looks the same on machines without IBM Plex Sans. Presentation attributes (not CSS
// classes) carry the styling because resvg and svg-to-pdfkit read attributes most reliably.
import type { MapLayout, MapOptions, PositionedNode } from './types.ts';
import { DEFAULT_FONT_FAMILY } from './figure-fonts.ts';
import { textWidth } from './text.ts';

export interface SvgOptions extends Pick<MapOptions, 'fontFamily' | 'widthMm' | 'title'> {
  /** Embed the bundled font as a data URI (default true); the renderer may skip it on screen. */
  embedFont?: boolean;
}

/** Escapes text and double-quoted attribute values (every attribute here is double-quoted). */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** XML ids must be NCNames; node ids may be anything, so they are prefixed and sanitised. */
export function svgId(kind: string, id: string): string {
  return `${kind}-${id.replace(/[^A-Za-z0-9_.-]/g, '_')}`;
}

const n = (v: number) => String(Math.round(v * 100) / 100);
const STROKE: Record<PositionedNode['kind'], number> = { core: 1.6, group: 1.2, theme: 0.9, subtheme: 0.7, code: 0.5 };
const RADIUS: Record<PositionedNode['kind'], number> = { core: 10, group: 6, theme: 4, subtheme: 3, code: 2 };

export function fontFamilyList(fontFamily?: string): string {
  const families = [fontFamily, DEFAULT_FONT_FAMILY].filter((f): f is string => !!f && f.trim() !== '');
  return [...new Set(families)]
    .map((f) => `'${f.replace(/'/g, '')}'`)
    .concat('sans-serif')
    .join(', ');
}

/**
 * The SVG of a laid-out map; `fontFaces` gives the @font-face rules to embed (svg.ts passes the
 * bundled font's), or null where no font is embedded (the Map view on screen, which has the font
 * loaded already, so the 62 KB of font data stays out of the renderer's bundle).
 */
export function renderSvgWith(layout: MapLayout, options: SvgOptions, fontFaces: (() => string) | null): string {
  const { width, height } = layout;
  const size = options.widthMm
    ? `width="${n(options.widthMm)}mm" height="${n((options.widthMm * height) / width)}mm"`
    : `width="${n(width)}pt" height="${n(height)}pt"`;
  const family = fontFamilyList(options.fontFamily);
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" ${size} viewBox="0 0 ${n(width)} ${n(height)}" font-family="${escapeXml(family)}">`,
  );
  const title = options.title ?? layout.title?.text;
  if (title) out.push(`<title>${escapeXml(title)}</title>`);
  if (options.embedFont !== false && fontFaces) out.push(fontFaces());
  out.push(`<rect id="background" x="0" y="0" width="${n(width)}" height="${n(height)}" fill="#ffffff"/>`);
  if (layout.title) {
    const t = layout.title;
    out.push(
      `<text id="map-title" x="${n(t.x)}" y="${n(t.y)}" font-size="${n(t.fontSize)}" font-weight="600" text-anchor="middle" fill="#1a1a1a">${escapeXml(t.text)}</text>`,
    );
  }
  out.push(...edgesSvg(layout));
  out.push(...nodesSvg(layout));
  out.push('</svg>');
  return out.join('\n') + '\n';
}

function edgesSvg(layout: MapLayout): string[] {
  const out = ['<g id="map-connectors" class="map-connectors" fill="none" stroke="#6b6b6b" stroke-width="0.8" stroke-linejoin="round">'];
  for (const e of layout.edges.filter((e) => e.kind === 'tree'))
    out.push(`<path class="connector" data-from="${escapeXml(e.from)}" data-to="${escapeXml(e.to)}" d="${e.path}"/>`);
  out.push('</g>');
  const links = layout.edges.filter((e) => e.kind === 'link');
  if (links.length === 0) return out;
  out.push('<g id="map-links" class="map-links">');
  for (const e of links)
    out.push(
      `<path class="link" data-from="${escapeXml(e.from)}" data-to="${escapeXml(e.to)}" d="${e.path}" fill="none" stroke="#333333" stroke-width="0.9" stroke-dasharray="3 2"/>`,
    );
  // Labels after every curve, so no other link is drawn across a label.
  for (const e of links) {
    if (e.label && e.labelX !== undefined && e.labelY !== undefined) {
      const size = e.labelFontSize ?? 6.4,
        w = e.labelWidth ?? textWidth(e.label, size) + 4,
        h = e.labelHeight ?? size * 1.4;
      // A label moved off its crowded curve keeps a thin leader to the point it belongs to.
      if (e.labelAnchorX !== undefined && e.labelAnchorY !== undefined) {
        out.push(
          `<line class="link-leader" x1="${n(e.labelAnchorX)}" y1="${n(e.labelAnchorY)}" x2="${n(e.labelX)}" y2="${n(e.labelY)}" stroke="#333333" stroke-width="0.4"/>`,
        );
      }
      out.push(`<g class="link-label-box" data-from="${escapeXml(e.from)}" data-to="${escapeXml(e.to)}">`);
      out.push(`<rect x="${n(e.labelX - w / 2)}" y="${n(e.labelY - h / 2)}" width="${n(w)}" height="${n(h)}" rx="1.5" fill="#ffffff"/>`);
      out.push(
        `<text class="link-label" x="${n(e.labelX)}" y="${n(e.labelY + size * 0.35)}" font-size="${n(size)}" font-style="normal" text-anchor="middle" fill="#333333">${escapeXml(e.label)}</text>`,
      );
      out.push('</g>');
    }
  }
  out.push('</g>');
  return out;
}

function nodesSvg(layout: MapLayout): string[] {
  const children = new Map<string | null, PositionedNode[]>();
  const ids = new Set(layout.nodes.map((x) => x.id));
  for (const node of layout.nodes) {
    const parent = node.parentId && ids.has(node.parentId) ? node.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), node]);
  }
  const out: string[] = [];
  const emit = (node: PositionedNode, indent: string) => {
    out.push(
      `${indent}<g id="${svgId(node.kind, node.id)}" class="map-${node.kind}${node.dashed ? ' candidate' : ''}" data-id="${escapeXml(node.id)}">`,
    );
    out.push(indent + '  ' + boxSvg(node));
    for (const child of children.get(node.id) ?? []) emit(child, indent + '  ');
    out.push(`${indent}</g>`);
  };
  for (const root of children.get(null) ?? []) emit(root, '');
  return out;
}

function boxSvg(b: PositionedNode): string {
  const dash = b.dashed ? ' stroke-dasharray="3 2"' : '';
  const rect = `<rect x="${n(b.x)}" y="${n(b.y)}" width="${n(b.width)}" height="${n(b.height)}" rx="${RADIUS[b.kind]}" fill="${b.fill}" stroke="${b.stroke}" stroke-width="${STROKE[b.kind]}"${dash}/>`;
  // Lines of a list item align on one edge of the text block, which stays centred in the box.
  const textW = Math.max(...b.lines.map((l) => textWidth(l, b.fontSize, b.fontWeight)));
  const inset = (b.width - textW) / 2;
  const cx = b.textAlign === 'start' ? b.x + inset : b.textAlign === 'end' ? b.x + b.width - inset : b.x + b.width / 2;
  const top = b.y + b.height / 2 - (b.lines.length * b.lineHeight) / 2;
  // Baseline sits a little below each line's middle (about half the cap height of Plex Sans).
  const spans = b.lines.map(
    (line, i) => `<tspan x="${n(cx)}" y="${n(top + (i + 0.5) * b.lineHeight + b.fontSize * 0.35)}">${escapeXml(line)}</tspan>`,
  );
  const text = `<text font-size="${n(b.fontSize)}" font-weight="${b.fontWeight}" text-anchor="${b.textAlign}" fill="${b.textColor}">${spans.join('')}</text>`;
  return rect + text;
}
