// Node only: the map as a publication figure file. One code path for the CLI (`thematic map`) and
// the UI (`map.export`), so a figure exported from either is the same bytes for the same settings.
import { layoutMap } from '../../core/map/layout.ts';
import { renderSvg } from '../../core/map/svg.ts';
import { toPdf, toPng } from './export-node.ts';
import type { MapInput, MapOptions } from '../../core/map/types.ts';

export const FIGURE_FORMATS = ['svg', 'png', 'pdf'] as const;
export type FigureFormat = (typeof FIGURE_FORMATS)[number];

export const FIGURE_MIME: Record<FigureFormat, string> = { svg: 'image/svg+xml', png: 'image/png', pdf: 'application/pdf' };

export interface FigureOptions extends Omit<MapOptions, 'positions' | 'widthMm'> {
  format: FigureFormat;
  widthMm: number;
  /** Only used for PNG; vector formats are resolution independent. */
  dpi: number;
}

/** Lays the map out, draws it as SVG and converts it to the requested format. */
export async function exportFigure(input: MapInput, positions: MapOptions['positions'], o: FigureOptions): Promise<Uint8Array> {
  const { format, dpi, ...options } = o;
  const layout = layoutMap(input, { ...options, positions });
  const svg = renderSvg(layout, { widthMm: o.widthMm, fontFamily: o.fontFamily, title: o.title });
  if (format === 'svg') return new Uint8Array(Buffer.from(svg, 'utf8'));
  if (format === 'png') return toPng(svg, { widthMm: o.widthMm, dpi });
  return toPdf(svg, { widthMm: o.widthMm });
}

/** "thematic-map-final-174mm-300dpi.png": a file name that says what the figure is. */
export function figureFileName(o: Pick<FigureOptions, 'format' | 'widthMm' | 'dpi'>, version?: string): string {
  const slug = version
    ? `-${version
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')}`
    : '';
  const dpi = o.format === 'png' ? `-${o.dpi}dpi` : '';
  return `thematic-map${slug}-${Math.round(o.widthMm)}mm${dpi}.${o.format}`;
}
