import { extractTextItems, getDocumentProxy } from 'unpdf';
import type { StructuredTextItem } from 'unpdf';
import { TranscriptImportError, reasonOf } from '../../../lib/import-error.ts';
import { normaliseText } from '../../../lib/normalise.ts';
import { readLabel } from './speakers.ts';

interface Line {
  text: string;
  y: number;
  size: number;
}

/**
 * The text layer of a PDF as blank-line separated paragraphs. PDFs only know lines; a paragraph
 * ends where the gap to the next line is clearly wider than the usual line spacing.
 */
export async function pdfText(file: string, bytes: Uint8Array): Promise<string> {
  let pages: StructuredTextItem[][];
  try {
    // pdf.js may transfer (detach) the buffer it is given, so it gets a copy.
    const pdf = await getDocumentProxy(bytes.slice(), { verbosity: 0 });
    pages = (await extractTextItems(pdf)).items;
    await pdf.loadingTask.destroy(); // frees the worker-side document
  } catch (error) {
    throw new TranscriptImportError(file, `not a valid PDF (${reasonOf(error)})`);
  }
  const text = normaliseText(pages.map((items) => paragraphsOf(linesOf(items)).join('\n\n')).join('\n\n'));
  if (text.trim() === '') throw new TranscriptImportError(file, 'no text layer (scanned PDF?); run OCR on it first');
  return text;
}

function linesOf(items: StructuredTextItem[]): Line[] {
  const lines: Line[] = [];
  let current: Line | null = null;
  for (const item of items) {
    const sameLine = current !== null && Math.abs(current.y - item.y) < Math.max(1, item.fontSize * 0.5);
    if (!current || !sameLine) {
      current = { text: '', y: item.y, size: item.fontSize || item.height || 12 };
      lines.push(current);
    }
    current.text += item.str;
    if (item.hasEOL) current = null;
  }
  return lines.filter((l) => l.text.trim() !== '');
}

function paragraphsOf(lines: Line[]): string[] {
  const paragraphs: string[] = [];
  let paragraph = '';
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    const gap = previous ? Math.abs(previous.y - line.y) : 0;
    const text = line.text.trim();
    // A wider gap than single or 1.5 spacing, or a speaker label, starts a paragraph.
    if (!previous || gap > line.size * 1.6 || readLabel(text) !== null) {
      if (paragraph) paragraphs.push(paragraph);
      paragraph = text;
    } else {
      paragraph += paragraph.endsWith('-') ? text : ` ${text}`; // keep the hyphen: it may be real
    }
  });
  if (paragraph) paragraphs.push(paragraph);
  return paragraphs;
}
