import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { stripControl } from './html.ts';

// Word building blocks shared by the Word reports: real Title/Heading styles (so Word's navigation
// pane and LibreOffice's outline work), quotes as indented paragraphs with the attribution after.

const LEVELS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
];

// Half-points: 16, 14, 13, 12, 11, 11 pt for Heading 1..6.
const HEADING_SIZES = [32, 28, 26, 24, 22, 22];

const clean = (s: string) => stripControl(s).replace(/\r\n?/g, '\n');

/** Runs for text whose line breaks must survive (transcript passages). */
function lines(text: string, opts: { italics?: boolean } = {}): TextRun[] {
  return clean(text)
    .split('\n')
    .map((l, i) => new TextRun({ text: l.replace(/\t/g, ' '), italics: opts.italics, break: i > 0 ? 1 : undefined }));
}

export const title = (text: string) => new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(clean(text))] });

export const meta = (text: string) =>
  new Paragraph({ spacing: { after: 60 }, children: [new TextRun({ text: clean(text), color: '555555', size: 20 })] });

export function heading(level: number, text: string): Paragraph {
  const n = Math.min(LEVELS.length, Math.max(1, level));
  // outlineLevel as well as the style, so navigation panes and tables of contents see the heading.
  return new Paragraph({ heading: LEVELS[n - 1], outlineLevel: n - 1, keepNext: true, children: [new TextRun(clean(text))] });
}

export const para = (text: string, opts: { italics?: boolean } = {}) =>
  new Paragraph({ spacing: { after: 120 }, children: lines(text, opts) });

/** A labelled field of a codebook entry: "When to use: ..." with the label in bold. */
export const field = (label: string, text: string) =>
  new Paragraph({ spacing: { after: 80 }, children: [new TextRun({ text: `${label}: `, bold: true }), ...lines(text)] });

/** A quote: indented, the passage as written, then its attribution on its own line, right-aligned to the quote. */
export function quote(text: string, cite: string): Paragraph[] {
  return [
    new Paragraph({ indent: { left: 720, right: 360 }, spacing: { before: 120, after: 0 }, children: lines(text.trim()) }),
    new Paragraph({
      indent: { left: 720, right: 360 },
      spacing: { after: 160 },
      alignment: AlignmentType.LEFT,
      children: [new TextRun({ text: `— ${clean(cite)}`, size: 20 })],
    }),
  ];
}

export async function packDocx(docTitle: string, children: Paragraph[]): Promise<Uint8Array> {
  const doc = new Document({
    creator: 'Thematic',
    title: clean(docTitle),
    styles: {
      default: {
        document: { run: { font: 'Liberation Serif', size: 22 } },
        title: { run: { size: 44, bold: true, color: '000000' }, paragraph: { spacing: { after: 120 } } },
        ...Object.fromEntries(
          HEADING_SIZES.map((size, i) => [
            `heading${i + 1}`,
            { run: { size, bold: true, italics: i >= 4, color: '1F3864' }, paragraph: { spacing: { before: 240 - i * 30, after: 80 } } },
          ]),
        ),
      },
    },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
