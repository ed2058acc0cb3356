import { Document, Packer, Paragraph, TextRun } from 'docx';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { detectFormat, parseTranscript } from '../../src/features/documents/importers/index.ts';
import { expectValidTurns, turnTexts, utf8 } from './helpers.ts';

async function wordFile(paragraphs: Paragraph[]): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] })));
}

function odtFile(body: string, extra: Record<string, Uint8Array> = {}): Uint8Array {
  const content =
    '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ' +
    `xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>${body}</office:text></office:body></office:document-content>`;
  return zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text'), 'content.xml': strToU8(content), ...extra });
}

describe('.docx', () => {
  it('keeps paragraphs and line breaks, then finds speaker turns', async () => {
    const bytes = await wordFile([
      new Paragraph({ children: [new TextRun({ text: 'Interviewer:', bold: true }), new TextRun(' Hello 😀 cafe\u0301?')] }),
      new Paragraph({ children: [new TextRun('P4: first line'), new TextRun({ text: 'second line', break: 1 })] }),
      new Paragraph('A second paragraph\tby P4.'),
      new Paragraph(''),
      new Paragraph('Interviewer: Thanks.'),
    ]);
    expect(detectFormat('i.docx', bytes)).toBe('docx');
    expect(detectFormat('upload', bytes)).toBe('docx');
    const r = await parseTranscript('i.docx', bytes);
    expectValidTurns(r);
    expect(r.format).toBe('docx');
    expect(r.turns.map((t) => t.speaker)).toEqual(['Interviewer', 'P4', 'Interviewer']);
    expect(turnTexts(r)).toEqual(['Hello 😀 café?', 'first line\nsecond line\nA second paragraph\tby P4.', 'Thanks.']);
  });

  it('names what is wrong with a corrupt Word file', async () => {
    await expect(parseTranscript('a.docx', utf8('not a zip'))).rejects.toThrow('a.docx: not a valid Word document (not a zip archive)');
    await expect(parseTranscript('b.docx', zipSync({ 'a.txt': strToU8('x') }))).rejects.toThrow(
      'b.docx: not a valid Word document (no word/document.xml in the archive)',
    );
    const broken = zipSync({ 'word/document.xml': strToU8('<w:document') });
    await expect(parseTranscript('c.docx', broken)).rejects.toThrow(/^c\.docx: not a valid Word document \(.+\)$/);
  });

  it('refuses a Word file without text', async () => {
    await expect(parseTranscript('e.docx', await wordFile([new Paragraph('')]))).rejects.toThrow('e.docx: no text found in the document');
  });
});

describe('.odt', () => {
  it('reads paragraphs, headings, spans, spaces, tabs and line breaks, skipping notes', async () => {
    const bytes = odtFile(
      '<text:h>Interview  3</text:h>' +
        '<text:p>P1: I <text:span>was <text:span>there</text:span></text:span>,<text:s text:c="3"/>really &amp; truly &#x1F600; cafe&#x301;.</text:p>' +
        '<text:list><text:list-item><text:p>\n  still   P1<text:tab/>tabbed<text:line-break/>next<text:note><text:note-body><text:p>a footnote</text:p></text:note-body></text:note></text:p></text:list-item></text:list>' +
        '<text:p>P2: <text:s/> ok</text:p>',
    );
    expect(detectFormat('upload.bin', bytes)).toBe('odt');
    const r = await parseTranscript('i.odt', bytes);
    expectValidTurns(r);
    expect(r.format).toBe('odt');
    expect(r.turns.map((t) => t.speaker)).toEqual([null, 'P1', 'P2']);
    expect(turnTexts(r)).toEqual(['Interview 3', 'I was there,   really & truly 😀 café.\nstill P1\ttabbed\nnext', 'ok']);
  });

  it('names what is wrong with a corrupt or unsafe OpenDocument file', async () => {
    await expect(parseTranscript('a.odt', utf8('nope'))).rejects.toThrow('a.odt: not a valid OpenDocument text (not a zip archive)');
    await expect(parseTranscript('b.odt', zipSync({ mimetype: strToU8('x') }))).rejects.toThrow(
      'b.odt: not a valid OpenDocument text (no content.xml in the archive)',
    );
    const doctype = zipSync({ 'content.xml': strToU8('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>') });
    await expect(parseTranscript('c.odt', doctype)).rejects.toThrow(
      'c.odt: not a valid OpenDocument text (content.xml has a DOCTYPE, which is not allowed)',
    );
    const malformed = zipSync({ 'content.xml': strToU8('<office:document-content><text:p>x</text:q>') });
    await expect(parseTranscript('d.odt', malformed)).rejects.toThrow(
      /^d\.odt: not a valid OpenDocument text \(content\.xml is not well-formed: .+\)$/,
    );
  });
});
