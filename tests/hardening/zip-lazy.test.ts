import { describe, expect, it } from 'vitest';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { openZip } from '../../src/lib/zip.ts';
import { parseTranscript } from '../../src/features/documents/importers/index.ts';
import { tmpProject } from '../helpers/project.ts';

// Issue 15 item 5: every entry of a .qdpx (and of a .docx) was inflated, used or not: unused
// 500 MiB originals took 2.9 GB. Only the entries used are inflated now, with lower limits.
// (Peak memory before/after: bench/zip-memory-bench.ts.)

/** Breaks the stored checksum of `name` in a zip: an entry that is inflated is then refused as damaged. */
function breakChecksum(zip: Uint8Array, name: string): Uint8Array {
  const out = new Uint8Array(zip);
  const needle = strToU8(name);
  for (let i = 0; i + needle.length <= out.length; i++) {
    if (!needle.every((b, k) => out[i + k] === b)) continue;
    const dv = new DataView(out.buffer);
    if (i >= 46 && dv.getUint32(i - 46, true) === 0x02014b50) dv.setUint32(i - 46 + 16, 0xdeadbeef, true);
    if (i >= 30 && dv.getUint32(i - 30, true) === 0x04034b50) dv.setUint32(i - 30 + 14, 0xdeadbeef, true);
  }
  return out;
}

describe('only the entries used are inflated', () => {
  it('a .qdpx imports although an original nobody reads is damaged; the damaged one is refused when read', async () => {
    const { service } = tmpProject();
    await service.call('codes.create', { name: 'Advocacy' });
    await service.call('documents.import', {
      files: [{ name: 'p4.txt', contentBase64: Buffer.from('P4: it helped.').toString('base64') }],
    });
    const out = await service.call('refi.export', { format: 'qdpx' });
    service.close();
    const files = unzipSync(new Uint8Array(Buffer.from(out.contentBase64, 'base64')));
    files['Sources/interview-recording.mp4'] = new Uint8Array(200_000).map((_, i) => (i * 7919) % 251);
    const qdpx = breakChecksum(zipSync(files), 'Sources/interview-recording.mp4');
    const target = tmpProject().service;
    const r = await target.call('refi.import', { fileName: 'with-original.qdpx', contentBase64: Buffer.from(qdpx).toString('base64') });
    expect(r.counts.documents).toBe(1);
    expect((await target.call('documents.list', {})).map((d) => d.name)).toEqual(['p4']);
    target.close();
    const zip = openZip(qdpx, { label: 'with-original.qdpx' });
    expect(zip.has('Sources/interview-recording.mp4')).toBe(true);
    expect(() => zip.get('Sources/interview-recording.mp4')).toThrow(
      /with-original\.qdpx: entry "Sources\/interview-recording\.mp4" is damaged \(its checksum does not match\)/,
    );
  });

  it('the total limit counts what is inflated, not what the archive declares', () => {
    const big = new Uint8Array(3 * 2 ** 20).map((_, i) => (i * 7919) % 251);
    const zip = openZip(zipSync({ 'a.bin': big, 'b.bin': big, 'c.txt': strToU8('small') }), {
      limits: { maxTotalBytes: 4 * 2 ** 20, maxRatio: 1e9 },
    });
    expect(zip.get('a.bin')!.length).toBe(big.length);
    expect(new TextDecoder().decode(zip.get('c.txt'))).toBe('small');
    expect(() => zip.get('b.bin')).toThrow(/would unpack to more than 4 MiB; refused/);
  });

  it('a .docx: pictures are not inflated, and a 70 MiB word/document.xml is refused before it is inflated', async () => {
    const xml = (body: string) =>
      strToU8(
        `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
      );
    const parts = {
      '[Content_Types].xml': strToU8(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
      '_rels/.rels': strToU8(
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
      'word/document.xml': xml('<w:p><w:r><w:t>P4: she came back the next day.</w:t></w:r></w:p>'),
      'word/media/image1.png': new Uint8Array(100_000).map((_, i) => (i * 31) % 256),
    };
    const ok = await parseTranscript('photo.docx', breakChecksum(zipSync(parts), 'word/media/image1.png'));
    expect(ok.text).toMatch(/she came back the next day/);
    const para = '<w:p><w:r><w:t>P4: it helped.</w:t></w:r></w:p>';
    const huge = zipSync({ ...parts, 'word/document.xml': xml(para.repeat(Math.ceil((70 * 2 ** 20) / para.length))) });
    await expect(parseTranscript('huge.docx', huge)).rejects.toThrow(
      /huge\.docx: not a valid Word document \(entry "word\/document\.xml" (would unpack to 70\.0 MiB; more than 64 MiB per file is refused|claims to unpack .* into 70\.0 MiB \(over 100:1\); refused as a likely zip bomb)\)/,
    );
  });
});
