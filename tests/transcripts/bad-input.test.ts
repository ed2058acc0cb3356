import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_TRANSCRIPT_BYTES, TranscriptImportError, parseTranscript } from '../../src/features/documents/importers/index.ts';
import { expectValidTurns, turnTexts, utf8 } from './helpers.ts';

async function problemOf(name: string, bytes: Uint8Array): Promise<TranscriptImportError> {
  try {
    await parseTranscript(name, bytes);
  } catch (error) {
    if (error instanceof TranscriptImportError) return error;
    throw error;
  }
  throw new Error(`${name} was imported`);
}

describe('bad input', () => {
  it('refuses an empty or whitespace-only file', async () => {
    const empty = await problemOf('x.txt', new Uint8Array());
    expect(empty.message).toBe('x.txt: empty file');
    expect(empty.file).toBe('x.txt');
    expect(empty.problem).toBe('empty file');
    expect((await problemOf('y.vtt', utf8(' \n\t\r\n'))).message).toBe('y.vtt: empty file (only whitespace)');
  });

  it('refuses binary data in a text format, naming the byte', async () => {
    const bytes = utf8('hello world!\0\0\x01binary');
    expect((await problemOf('x.txt', bytes)).message).toBe('x.txt: not a text file (binary data at byte 12)');
    const controls = utf8(`ok${'\x01\x02\x03\x04'.repeat(20)}`);
    expect((await problemOf('c.srt', controls)).message).toBe('c.srt: not a text file (binary data at byte 2)');
  });

  it('refuses invalid UTF-8 with the byte offset, but accepts UTF-16 with a BOM', async () => {
    const latin1 = new Uint8Array([...utf8('P1: caf'), 0xe9, ...utf8(' noir')]);
    expect((await problemOf('l.txt', latin1)).message).toMatch(/^l\.txt: not valid UTF-8 \(byte 0xE9 at byte 7\)/);
    const text = 'P1: café 😀\r\nP2: ok';
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    const be = new Uint8Array(2 + text.length * 2);
    be.set([0xfe, 0xff]);
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      le[2 + 2 * i] = unit & 0xff;
      le[3 + 2 * i] = unit >> 8;
      be[2 + 2 * i] = unit >> 8;
      be[3 + 2 * i] = unit & 0xff;
    }
    for (const bytes of [le, be]) {
      const r = await parseTranscript('u16.txt', bytes);
      expectValidTurns(r);
      expect(turnTexts(r)).toEqual(['café 😀', 'ok']);
    }
    const noBom = le.subarray(2);
    expect((await problemOf('n.txt', noBom)).problem).toMatch(/binary data at byte 1; it looks like UTF-16 without a byte-order mark/);
  });

  it('refuses a Word or OpenDocument zip bomb or a path leaving the archive before any reader unpacks it', async () => {
    const zeros = new Uint8Array(40 * 2 ** 20);
    const bomb = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': zeros }, { level: 9 });
    expect(bomb.length).toBeLessThan(2 ** 20);
    expect((await problemOf('bomb.docx', bomb)).message).toMatch(
      /^bomb\.docx: not a valid Word document \(entry "word\/document\.xml" .*(ratio|compress|refused)/,
    );
    const odtBomb = zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text'), 'content.xml': zeros }, { level: 9 });
    expect((await problemOf('bomb.odt', odtBomb)).message).toMatch(
      /^bomb\.odt: not a valid OpenDocument text \(entry "content\.xml" .*(ratio|compress|refused)/,
    );
    const escape = zipSync({ 'word/document.xml': strToU8('<w:document/>'), '../evil.xml': strToU8('x') });
    expect((await problemOf('escape.docx', escape)).message).toMatch(
      /^escape\.docx: not a valid Word document \(.*"\.\.\/evil\.xml".*outside the archive/,
    );
  });

  it('refuses a file over the size limit before reading it', async () => {
    const big = new Uint8Array(MAX_TRANSCRIPT_BYTES + 1);
    expect(MAX_TRANSCRIPT_BYTES).toBe(50 * 1024 * 1024);
    expect((await problemOf('big.txt', big)).message).toBe('big.txt: file is too large (50.0 MiB; the limit is 50 MiB)');
  });

  it('refuses formats it cannot read with advice', async () => {
    expect((await problemOf('old.doc', utf8('x'))).message).toBe('old.doc: old Word .doc files are not supported; save it as .docx');
  });
});
