// Node only: PNG (resvg) and PDF (pdfkit + svg-to-pdfkit) from a map SVG, with the bundled font
// loaded explicitly so output does not depend on the fonts a machine happens to have.
import { Resvg } from '@resvg/resvg-js';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { FONT_FAMILY, fontTtf, fontTtfFiles } from './font-files.ts';
import { withDpi } from './png.ts';

export interface PngOptions {
  widthMm: number;
  dpi: number;
}
export interface PdfOptions {
  widthMm: number;
}

const MM_PER_INCH = 25.4;
const PT_PER_MM = 72 / MM_PER_INCH;

export function pixelWidth(widthMm: number, dpi: number): number {
  return Math.round((widthMm / MM_PER_INCH) * dpi);
}

export function toPng(svg: string, { widthMm, dpi }: PngOptions): Uint8Array {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: pixelWidth(widthMm, dpi) },
    font: { loadSystemFonts: false, fontFiles: fontTtfFiles(), defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
    background: '#ffffff',
    logLevel: 'off',
  });
  return withDpi(resvg.render().asPng(), dpi);
}

/** The viewBox aspect decides the page height; the page is exactly the figure. */
export function svgViewBox(svg: string): { width: number; height: number } {
  const m = /viewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)\s*"/.exec(svg);
  if (!m) throw new Error('SVG has no viewBox');
  return { width: Number(m[1]), height: Number(m[2]) };
}

export function toPdf(svg: string, { widthMm }: PdfOptions): Promise<Uint8Array> {
  const box = svgViewBox(svg);
  const width = widthMm * PT_PER_MM;
  const height = (width * box.height) / box.width;
  const doc = new PDFDocument({
    size: [width, height],
    margin: 0,
    autoFirstPage: true,
    info: { Title: 'Thematic map', Creator: 'Thematic' },
  });
  doc.registerFont('IBMPlexSans-Regular', Buffer.from(fontTtf(400)));
  doc.registerFont('IBMPlexSans-SemiBold', Buffer.from(fontTtf(600)));
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  // Every family maps to the bundled font: the layout was measured with its metrics.
  SVGtoPDF(doc, svg, 0, 0, {
    width,
    height,
    preserveAspectRatio: 'xMidYMid meet',
    fontCallback: (_family, bold) => (bold ? 'IBMPlexSans-SemiBold' : 'IBMPlexSans-Regular'),
  });
  doc.end();
  return done;
}
