import { Document, Packer, Paragraph } from 'docx';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { RefiNote, RefiTextSource } from '../../src/features/refi/model.ts';
import { resolveNoteText, resolveSourceText, selectionsInUtf16 } from '../../src/features/refi/source-text.ts';

const source = (over: Partial<RefiTextSource>): RefiTextSource => ({
  kind: 'text',
  guid: 's',
  name: 'Interview',
  selections: [],
  noteGuids: [],
  values: [],
  ...over,
});
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('resolving a text source’s text', () => {
  it('prefers inline PlainTextContent, kept exactly', async () => {
    const files = new Map([['Sources/x.txt', utf8('file')]]);
    expect(await resolveSourceText(source({ plainTextContent: ' inline\r\n', plainTextPath: 'internal://x.txt' }), files)).toEqual({
      text: ' inline\r\n',
      from: 'inline',
    });
    expect(await resolveSourceText(source({ plainTextContent: '' }), files)).toEqual({ text: '', from: 'inline' });
  });

  it('reads internal:// plain text from Sources/, dropping a BOM, in UTF-8 or UTF-16', async () => {
    const le = [
      0xff,
      0xfe,
      ...[...'héllo 😀'].flatMap((c) => {
        const u = c.length === 2 ? [c.charCodeAt(0), c.charCodeAt(1)] : [c.charCodeAt(0)];
        return u.flatMap((x) => [x & 0xff, x >> 8]);
      }),
    ];
    const files = new Map<string, Uint8Array>([
      ['Sources/a.txt', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('a\r\nb')])],
      ['Sources/b.txt', new Uint8Array(le)],
      ['sources\\C.TXT', utf8('case and slashes')],
    ]);
    expect(await resolveSourceText(source({ plainTextPath: 'internal://a.txt' }), files)).toEqual({
      text: 'a\r\nb',
      from: 'plain-text-file',
    });
    expect(await resolveSourceText(source({ plainTextPath: 'internal://b.txt' }), files)).toEqual({
      text: 'héllo 😀',
      from: 'plain-text-file',
    });
    expect(await resolveSourceText(source({ plainTextPath: 'internal://c.txt' }), files)).toEqual({
      text: 'case and slashes',
      from: 'plain-text-file',
    });
  });

  it('refuses plain text that is not valid UTF-8, naming the entry', async () => {
    const files = new Map([['Sources/bad.txt', new Uint8Array([0x61, 0x0a, 0x62, 0xe9, 0x63])]]);
    await expect(resolveSourceText(source({ plainTextPath: 'internal://bad.txt' }), files)).rejects.toThrow(
      'Sources/bad.txt: line 2: the text is not valid UTF-8 (bad byte 0xe9 at byte 3); save the file as UTF-8',
    );
  });

  it('falls back to the .docx original', async () => {
    const doc = new Document({ sections: [{ children: [new Paragraph('First paragraph'), new Paragraph('Second ☕')] }] });
    const files = new Map([['Sources/d.docx', new Uint8Array(await Packer.toBuffer(doc))]]);
    const resolved = await resolveSourceText(source({ plainTextPath: 'internal://gone.txt', richTextPath: 'internal://d.docx' }), files);
    expect(resolved).toEqual({ text: 'First paragraph\n\nSecond ☕\n\n', from: 'docx' });
  });

  it('refuses a .docx that is not a Word document, or is a zip bomb', async () => {
    const notWord = new Map([['Sources/d.docx', zipSync({ 'hello.txt': utf8('hi') })]]);
    await expect(resolveSourceText(source({ richTextPath: 'internal://d.docx' }), notWord)).rejects.toThrow(
      /^Sources\/d\.docx: not a readable Word document/,
    );
    const bomb = new Map([['Sources/d.docx', zipSync({ 'word/document.xml': new Uint8Array(8 * 1024 * 1024) })]]);
    await expect(resolveSourceText(source({ richTextPath: 'internal://d.docx' }), bomb)).rejects.toThrow(
      /^Sources\/d\.docx: entry "word\/document\.xml" claims to unpack/,
    );
  });

  it('never reads paths outside the archive: reports them missing, naming the path', async () => {
    for (const path of ['relative:///etc/hostname', 'file:///etc/hostname', '/etc/hostname', 'C:\\Users\\x.txt', '../x.txt']) {
      const resolved = await resolveSourceText(source({ plainTextPath: path }), new Map());
      expect(resolved).toEqual({
        missing: `source "Interview": no text: "${path}" is outside the project file, and Thematic never reads paths named by an imported project from disk`,
      });
    }
  });

  it('resolves a bare relative plainTextPath inside the archive first (the qc library), at the top or under sources/', async () => {
    const bare = source({ plainTextPath: 'board_2017.txt' });
    expect(await resolveSourceText(bare, new Map([['sources/board_2017.txt', utf8('minutes')]]))).toEqual({
      text: 'minutes',
      from: 'plain-text-file',
    });
    expect(await resolveSourceText(bare, new Map([['Sources/BOARD_2017.TXT', utf8('upper')]]))).toEqual({
      text: 'upper',
      from: 'plain-text-file',
    });
    expect(
      await resolveSourceText(
        bare,
        new Map([
          ['board_2017.txt', utf8('top')],
          ['sources/board_2017.txt', utf8('below')],
        ]),
      ),
    ).toEqual({ text: 'top', from: 'plain-text-file' });
    expect(await resolveSourceText(source({ plainTextPath: 'sub\\a.txt' }), new Map([['sources/sub/a.txt', utf8('nested')]]))).toEqual({
      text: 'nested',
      from: 'plain-text-file',
    });
    expect(await resolveSourceText(bare, new Map([['sources/other.txt', utf8('x')]]))).toEqual({
      missing: 'source "Interview": no text: "board_2017.txt" is not in the archive (no board_2017.txt or sources/board_2017.txt)',
    });
  });

  it('names a source without a name by its GUID', async () => {
    expect(
      await resolveSourceText(source({ guid: 'g1', name: '', plainTextPath: 'internal://a.txt' }), new Map([['x', utf8('x')]])),
    ).toEqual({
      missing: 'source "g1": no text: "internal://a.txt" is not in the archive (no sources/a.txt)',
    });
  });

  it('reports what is missing: the archive entry, a non-docx original, or no text at all', async () => {
    const files = new Map([['Sources/other.txt', utf8('x')]]);
    expect(await resolveSourceText(source({ plainTextPath: 'internal://a.txt', richTextPath: 'internal://a.rtf' }), files)).toEqual({
      missing:
        'source "Interview": no text: "internal://a.txt" is not in the archive (no sources/a.txt); its rich text "internal://a.rtf" is not a .docx',
    });
    expect(await resolveSourceText(source({}), files)).toEqual({
      missing: 'source "Interview": no text: the file gives no PlainTextContent, plainTextPath or richTextPath',
    });
  });

  it('resolves a note kept in a file', () => {
    const note: RefiNote = { guid: 'n', name: 'memo', text: '', plainTextPath: 'internal://n.txt' };
    expect(resolveNoteText(note, new Map([['Sources/n.txt', utf8('memo text')]]))).toEqual({ text: 'memo text' });
    expect(resolveNoteText(note, new Map())).toEqual({
      missing: 'note "memo": no text: "internal://n.txt" needs the .qdpx archive it came from',
    });
    expect(resolveNoteText({ guid: 'm', text: 'inline' }, new Map())).toEqual({ text: 'inline' });
  });
});

describe('selections in UTF-16 offsets', () => {
  const text = 'a😀b\r\n👩🏽c';
  const sel = (start: number, end: number) => ({ guid: `${start}`, start, end, codings: [], noteGuids: [] });

  it('converts code point offsets (every origin but NVivo) to UTF-16', () => {
    const s = source({ offsetUnit: 'codepoint', selections: [sel(1, 3), sel(5, 8)] });
    const out = selectionsInUtf16(s, text);
    expect(out.map((x) => text.slice(x.start, x.end))).toEqual(['😀b', '👩🏽c']);
    expect(s.selections[0].end).toBe(3); // the source itself is left alone
  });

  it('leaves UTF-16 offsets (NVivo, or no unit given) as they are', () => {
    for (const offsetUnit of ['utf16', undefined] as const) {
      const out = selectionsInUtf16(source({ offsetUnit, selections: [sel(1, 4)] }), text);
      expect(text.slice(out[0].start, out[0].end)).toBe('😀b');
    }
  });
});
