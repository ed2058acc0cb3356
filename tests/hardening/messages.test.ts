import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { parseTranscript } from '../../src/features/documents/importers/index.ts';
import { tmpDir, tmpProject } from '../helpers/project.ts';
import { runCli } from '../helpers/cli.ts';
import { rng } from '../../bench/kit.ts';

// Issue 15 item 13: four messages that were wrong or missing.

const docx = (documentXml: string) =>
  zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(documentXml),
  });
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

describe('clear messages for bad input', () => {
  it('a .docx nested 1,000,000 levels deep: a plain message (not xmldom or "Maximum call stack size exceeded"), refused before parsing', async () => {
    const n = 1_000_000;
    const next = rng(13);
    const names = Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(next() * 26)));
    const deep = `<?xml version="1.0"?><w:document ${W}><w:body>${names.map((x) => `<${x}>`).join('')}${names
      .reverse()
      .map((x) => `</${x}>`)
      .join('')}</w:body></w:document>`;
    const before = process.memoryUsage().rss;
    const error = await parseTranscript('deep.docx', docx(deep)).then(
      () => null,
      (e: Error) => e,
    );
    expect(error?.message).toBe(
      'deep.docx: not a valid Word document (its word/document.xml nests elements more than 256 levels deep, which Word never writes)',
    );
    expect(error?.message).not.toMatch(/call stack|xmldom/i);
    expect(process.memoryUsage().rss - before).toBeLessThan(300 * 2 ** 20); // it was 1.6 GB
    const ok = await parseTranscript(
      'ok.docx',
      docx(
        `<?xml version="1.0"?><w:document ${W}><w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>P4: it helped.</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>`,
      ),
    );
    expect(ok.text).toMatch(/it helped\./);
  });

  it('an ELF binary named .txt: "a program", no UTF-16 hint; real UTF-16 without a BOM still gets the hint', async () => {
    const elf = fs.readFileSync('/bin/true');
    expect(elf.subarray(0, 4).toString('latin1')).toBe('\x7fELF');
    const e = await parseTranscript('notes.txt', elf).then(
      () => null,
      (x: Error) => x,
    );
    expect(e?.message).toMatch(
      /^notes\.txt: not a text file \(binary data at byte \d+; it is a program \(an ELF executable or library\), not a transcript\)$/,
    );
    expect(e?.message).not.toMatch(/UTF-16/);
    const utf16 = Buffer.from('Interviewer: How did it help?\nP4: She talked to the nurses.\n', 'utf16le');
    await expect(parseTranscript('p4.txt', utf16)).rejects.toThrow(/it looks like UTF-16 without a byte-order mark, save it as UTF-8/);
    const noisy = Buffer.alloc(4096);
    for (let i = 0; i < noisy.length; i++) noisy[i] = i % 3 === 0 ? 0 : 65 + (i % 26);
    await expect(parseTranscript('data.txt', noisy)).rejects.not.toThrow(/UTF-16/);
  });

  it('a VTT (and SRT) cue that ends before it starts is kept and warned about', async () => {
    const vtt =
      'WEBVTT\n\nintro\n00:00:10.000 --> 00:00:05.000\n<v P4>She talked to the nurses.\n\n00:00:12.000 --> 00:00:14.000\n<v P4>They speak our language.\n';
    const r = await parseTranscript('p4.vtt', strToU8(vtt));
    expect(r.warnings).toContain('cue "intro" (line 4): ends at 5.000 s, before it starts at 10.000 s; its end was set to its start');
    expect(r.text).toMatch(/She talked to the nurses/);
    const srt =
      '1\n00:00:10,000 --> 00:00:05,000\nShe talked to the nurses.\n\n2\n00:00:12,000 --> 00:00:14,000\nThey speak our language.\n';
    const s = await parseTranscript('p4.srt', strToU8(srt));
    expect(s.warnings.some((w) => /ends at 5\.000 s, before it starts at 10\.000 s/.test(w))).toBe(true);
  });

  it('a damaged project file is named in the message', async () => {
    const { file, service } = tmpProject();
    for (let i = 0; i < 40; i++) await service.call('codes.create', { name: `Code ${i}`, definition: 'd'.repeat(2000) });
    service.close();
    const bytes = fs.readFileSync(file);
    const page = bytes.readUInt16BE(16) || 65536;
    bytes.fill(0xa5, page * 60, page * 70); // ten data pages overwritten: the file opens, a read fails
    const damaged = path.join(tmpDir(), 'study.thematic');
    fs.writeFileSync(damaged, bytes);
    const r = await runCli(['codes', damaged]);
    // Found when the project is opened (issue 13's check): the file is named, and salvage is offered.
    expect(r.err).toMatch(/^thematic: \S*study\.thematic is damaged: database disk image is malformed/);
    expect(r.err).toMatch(/Nothing was changed\. You can salvage what is readable into a new project \("thematic salvage study\.thematic/);
    expect(r.code).toBe(2);
  });
});
