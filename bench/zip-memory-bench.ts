// Peak memory of reading hostile-but-within-limits archives (issue 15 item 5): a ~12 MB .qdpx
// whose two unused 500 MiB originals inflate ~95:1, and a ~3 MB .docx whose word/document.xml is
// 250 MiB. Each import runs in a child process; its peak RSS (VmHWM) and time are reported.
// Usage: npm exec -- node bench/zip-memory-bench.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawnSync } from 'node:child_process';

const MiB = 2 ** 20;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thematic-bench-zip-'));

if (process.argv[2] === '--child') {
  const [kind, file] = process.argv.slice(3);
  const bytes = new Uint8Array(fs.readFileSync(file));
  const t = Date.now();
  let outcome: string;
  try {
    if (kind === 'qdpx') {
      const { loadRefi } = await import('../src/features/refi/store-load.ts');
      const r = await loadRefi(path.basename(file), bytes);
      outcome = `read: ${r.texts.size} text source(s)`;
    } else {
      const { parseTranscript } = await import('../src/features/documents/importers/index.ts');
      const r = await parseTranscript(path.basename(file), bytes);
      outcome = `read: ${r.text.length} characters`;
    }
  } catch (e) {
    outcome = `refused: ${(e as Error).message.slice(0, 160)}`;
  }
  const hwm = Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))![1]) / 1024;
  console.log(JSON.stringify({ ms: Date.now() - t, peakRssMB: Math.round(hwm), outcome }));
  process.exit(0);
}

/** Raw deflate of `chunk` repeated `times` times (each copy flushed on a byte boundary), and the content's CRC. */
function repeatedDeflate(chunk: Buffer, times: number): { data: Buffer; crc: number; size: number } {
  const piece = zlib.deflateRawSync(chunk, { level: 6, finishFlush: zlib.constants.Z_FULL_FLUSH });
  let crc = 0;
  for (let i = 0; i < times; i++) crc = zlib.crc32(chunk, crc);
  return { data: Buffer.concat([...Array(times).fill(piece), Buffer.from([3, 0])]), crc, size: chunk.length * times };
}
const sparse = (n: number, every: number, fill = 0x20) => {
  const b = Buffer.alloc(n, fill);
  let s = 11;
  for (let i = 0; i < n; i += every) {
    s = (s * 1664525 + 1013904223) >>> 0;
    b[i + (s % every)] = 97 + ((s >>> 24) % 26);
  }
  return b;
};

/** A zip from entries already compressed (method 8) or stored (method 0). */
function zip(entries: { name: string; data: Buffer; crc: number; size: number; method: number }[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(e.method, 8);
    h.writeUInt32LE(e.crc >>> 0, 14);
    h.writeUInt32LE(e.data.length, 18);
    h.writeUInt32LE(e.size, 22);
    h.writeUInt16LE(name.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(e.method, 10);
    c.writeUInt32LE(e.crc >>> 0, 16);
    c.writeUInt32LE(e.data.length, 20);
    c.writeUInt32LE(e.size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    parts.push(h, name, e.data);
    central.push(c, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}
const stored = (name: string, text: string) => {
  const data = Buffer.from(text);
  return { name, data, crc: zlib.crc32(data), size: data.length, method: 0 };
};

// The .qdpx: one text source used, two 500 MiB originals nobody reads.
const qde = `<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="bench"><Sources>
<TextSource guid="a0a0a0a0-0000-4000-8000-000000000001" name="P1" plainTextPath="internal://a0a0a0a0-0000-4000-8000-000000000001.txt"/></Sources></Project>`;
const video = repeatedDeflate(sparse(4 * MiB, 300), 125);
const qdpx = zip([
  stored('project.qde', qde),
  stored('Sources/a0a0a0a0-0000-4000-8000-000000000001.txt', 'P1: it helped.\n'),
  { name: 'Sources/recording-1.mp4', method: 8, ...video },
  { name: 'Sources/recording-2.mp4', method: 8, ...video },
]);
const qdpxFile = path.join(dir, 'originals.qdpx');
fs.writeFileSync(qdpxFile, qdpx);

// The .docx: word/document.xml of paragraphs, 250 MiB.
const para = (k: number) => `<w:p><w:r><w:t>P${k % 7}: it helped me ${'x'.repeat(k % 5)} a lot.</w:t></w:r></w:p>`;
const body = Buffer.from(Array.from({ length: 20 }, (_, k) => para(k)).join(''));
function makeDocx(xmlMiB: number, file: string) {
  const times = Math.floor((xmlMiB * MiB) / body.length);
  const head = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>',
  );
  const tail = Buffer.from('</w:body></w:document>');
  const docChunk = repeatedDeflate(body, times);
  const headZ = zlib.deflateRawSync(head, { finishFlush: zlib.constants.Z_FULL_FLUSH });
  const tailZ = zlib.deflateRawSync(tail);
  const docData = Buffer.concat([headZ, docChunk.data.subarray(0, docChunk.data.length - 2), tailZ]);
  let crc = zlib.crc32(head);
  for (let i = 0; i < times; i++) crc = zlib.crc32(body, crc);
  crc = zlib.crc32(tail, crc);
  const types =
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
  const rels =
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
  const docx = zip([
    stored('[Content_Types].xml', types),
    stored('_rels/.rels', rels),
    { name: 'word/document.xml', method: 8, data: docData, crc, size: head.length + body.length * times + tail.length },
  ]);
  fs.writeFileSync(file, docx);
  return { fileMB: +(docx.length / MiB).toFixed(1), documentXmlMiB: Math.round((head.length + body.length * times + tail.length) / MiB) };
}
const docxFile = path.join(dir, 'hostile.docx');
const hostileDocx = makeDocx(250, docxFile);

const run = (kind: string, file: string) => {
  const r = spawnSync(process.execPath, [import.meta.filename, '--child', kind, file], { encoding: 'utf8', maxBuffer: 2 ** 24 });
  try {
    return JSON.parse(r.stdout);
  } catch {
    return { error: `exit ${r.status}`, stderr: r.stderr.slice(-300) };
  }
};
const result = {
  benchmark: 'zip-memory',
  qdpx: { fileMB: +(qdpx.length / MiB).toFixed(1), unusedEntries: '2 x 500 MiB (about 95:1)', ...run('qdpx', qdpxFile) },
  docx: { ...hostileDocx, ...run('docx', docxFile) },
};
fs.rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify(result, null, 2));
