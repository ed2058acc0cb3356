import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { detectFormat, parseTranscript } from '../../src/features/documents/importers/index.ts';
import { expectValidTurns, turnTexts, utf8 } from './helpers.ts';

async function pdfFile(draw: (doc: PDFKit.PDFDocument) => void): Promise<Uint8Array> {
  const doc = new PDFDocument();
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => doc.on('end', resolve));
  draw(doc);
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

describe('.pdf', () => {
  it('joins wrapped lines into paragraphs and finds speaker turns across pages', async () => {
    const question =
      'Interviewer: How did you first hear about the peer support programme at the hospital, and what did you think of it when you first heard about it?';
    const bytes = await pdfFile((doc) => {
      doc.text(question);
      doc.text('P4: From a nurse. She was kind.');
      doc.moveDown();
      doc.text('It helped a lot.');
      doc.addPage();
      doc.text('Interviewer: Thank you.');
    });
    expect(detectFormat('scan-or-not', bytes)).toBe('pdf');
    const r = await parseTranscript('i.pdf', bytes);
    expectValidTurns(r);
    expect(r.format).toBe('pdf');
    expect(r.turns.map((t) => t.speaker)).toEqual(['Interviewer', 'P4', 'Interviewer']);
    expect(turnTexts(r)).toEqual([question.replace('Interviewer: ', ''), 'From a nurse. She was kind.\nIt helped a lot.', 'Thank you.']);
  });

  it('says when a PDF has no text layer', async () => {
    const bytes = await pdfFile((doc) => {
      doc.rect(100, 100, 200, 100).fill('#888');
    });
    await expect(parseTranscript('scan.pdf', bytes)).rejects.toThrow('scan.pdf: no text layer (scanned PDF?); run OCR on it first');
  });

  it('names a corrupt PDF', async () => {
    await expect(parseTranscript('bad.pdf', utf8('%PDF-1.4 this is not really a pdf'))).rejects.toThrow(
      /^bad\.pdf: not a valid PDF \(.+\)$/,
    );
  });
});
