import { Deflate, deflateSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { crc32, readZip } from '../../src/lib/zip.ts';
import { refusal } from './refusal.ts';

// A hand-built zip, so the tests can write what honest tools never would (lying sizes,
// encryption flags, overlapping entries, hostile names).
interface Raw {
  name: string | Uint8Array;
  data: Uint8Array; // bytes as stored (already deflated for method 8)
  method?: number;
  size: number;
  crc?: number;
  flags?: number;
  madeBy?: number;
  external?: number;
  /** A second directory record, with this name, pointing at the same bytes. */
  alias?: string;
}

const enc = (s: string) => new TextEncoder().encode(s);

function zipOf(entries: Raw[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = typeof e.name === 'string' ? enc(e.name) : e.name;
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, e.flags ?? 0, true);
    lv.setUint16(8, e.method ?? 8, true);
    lv.setUint32(14, e.crc ?? 0, true);
    lv.setUint32(18, e.data.length, true);
    lv.setUint32(22, e.size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const record = (n: Uint8Array) => {
      const c = new Uint8Array(46 + n.length);
      const cv = new DataView(c.buffer);
      cv.setUint32(0, 0x02014b50, true);
      cv.setUint16(4, ((e.madeBy ?? 0) << 8) | 20, true);
      cv.setUint16(6, 20, true);
      cv.setUint16(8, e.flags ?? 0, true);
      cv.setUint16(10, e.method ?? 8, true);
      cv.setUint32(16, e.crc ?? 0, true);
      cv.setUint32(20, e.data.length, true);
      cv.setUint32(24, e.size, true);
      cv.setUint16(28, n.length, true);
      cv.setUint32(38, e.external ?? 0, true);
      cv.setUint32(42, offset, true);
      c.set(n, 46);
      return c;
    };
    central.push(record(name));
    if (e.alias) central.push(record(enc(e.alias)));
    parts.push(local, e.data);
    offset += local.length + e.data.length;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, central.length, true);
  ev.setUint16(10, central.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const all = [...parts, ...central, end];
  const out = new Uint8Array(all.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of all) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

const honest = (name: string, text: string | Uint8Array): Raw => {
  const raw = typeof text === 'string' ? enc(text) : text;
  return { name, data: deflateSync(raw), size: raw.length, crc: crc32(raw) };
};

const MiB = 1024 * 1024;

/** `mib` MiB of zeros, deflated in 1 MiB steps so the test never holds the whole thing. */
let bombBytes: Uint8Array | undefined;
const bomb300 = () => (bombBytes ??= deflatedZeros(300));

function deflatedZeros(mib: number): Uint8Array {
  const out: Uint8Array[] = [];
  const d = new Deflate({ level: 6 }, (chunk) => {
    out.push(chunk);
  });
  const zeros = new Uint8Array(MiB);
  for (let i = 0; i < mib; i++) d.push(zeros, i === mib - 1);
  const all = new Uint8Array(out.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of out) {
    all.set(c, o);
    o += c.length;
  }
  return all;
}

describe('safe zip reading', () => {
  it('reads the regular entries of an ordinary zip, keyed by name, leaving directories out', () => {
    const bytes = zipSync({ 'project.qde': enc('<Project/>'), Sources: { 'a.txt': enc('héllo') }, 'empty/': {} });
    const files = readZip(bytes);
    expect([...files.keys()].sort()).toEqual(['Sources/a.txt', 'project.qde']);
    expect(new TextDecoder().decode(files.get('Sources/a.txt'))).toBe('héllo');
  });

  it('reads stored entries and checks their checksum', () => {
    const raw = enc('plain');
    expect(new TextDecoder().decode(readZip(zipOf([{ name: 'a.txt', data: raw, method: 0, size: 5, crc: crc32(raw) }])).get('a.txt'))).toBe(
      'plain',
    );
    expect(refusal(() => readZip(zipOf([{ name: 'a.txt', data: raw, method: 0, size: 5, crc: 1234 }]), { label: 'x.qdpx' }))).toMatch(
      /x\.qdpx: entry "a\.txt" is damaged \(its checksum/,
    );
  });

  it('refuses a 300 MiB bomb whose header is honest (ratio), without inflating it', () => {
    const bomb = bomb300();
    expect(bomb.length).toBeLessThan(MiB); // > 300:1
    const zip = zipOf([{ name: 'Sources/bomb.txt', data: bomb, size: 300 * MiB }]);
    expect(refusal(() => readZip(zip, { label: 'bomb.qdpx' }))).toMatch(
      /bomb\.qdpx: entry "Sources\/bomb\.txt" claims to unpack .* into 300 MiB \(over 100:1\); refused as a likely zip bomb/,
    );
  });

  it('stops inflating a bomb whose header lies about its size', () => {
    const zip = zipOf([{ name: 'Sources/bomb.txt', data: bomb300(), size: 1000 }]);
    const started = Date.now();
    expect(refusal(() => readZip(zip))).toMatch(
      /"Sources\/bomb\.txt" unpacks to more than the 1000 bytes its header declares; refused as a likely zip bomb/,
    );
    expect(Date.now() - started).toBeLessThan(2000); // it stopped early instead of unpacking 300 MiB
  });

  it('enforces the per-entry, total and entry-count limits from the declared sizes', () => {
    const big = honest(
      'big.bin',
      new Uint8Array(3 * MiB).map((_, i) => (i * 7919) % 251),
    );
    expect(refusal(() => readZip(zipOf([big]), { limits: { maxEntryBytes: 2 * MiB } }))).toMatch(
      /"big\.bin" would unpack to 3 MiB; more than 2 MiB per file is refused/,
    );
    const two = [honest('a.bin', new Uint8Array(MiB + 1).fill(1)), honest('b.bin', new Uint8Array(MiB + 1).fill(2))];
    expect(refusal(() => readZip(zipOf(two), { limits: { maxTotalBytes: 2 * MiB, maxRatio: 1e9 } }))).toMatch(
      /would unpack to more than 2 MiB; refused/,
    );
    const many = zipSync(Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`f${i}.txt`, enc('x')])));
    expect(refusal(() => readZip(many, { limits: { maxEntries: 5 } }))).toMatch(/has 6 entries; more than 5 is refused/);
    expect(readZip(many, { limits: { maxEntries: 6 } }).size).toBe(6);
  });

  it('refuses entries that would escape: .., absolute paths, drive letters, backslash traversal, NUL', () => {
    for (const name of [
      '../evil.txt',
      'Sources/../../evil.txt',
      '/etc/x',
      '\\evil.txt',
      'C:/evil.txt',
      'c:evil.txt',
      'Sources\\..\\..\\evil.txt',
    ]) {
      expect(refusal(() => readZip(zipOf([honest(name, 'x')])))).toMatch(/absolute path|points outside the archive/);
    }
    expect(refusal(() => readZip(zipOf([honest('a\0b.txt', 'x')])))).toMatch(/NUL byte/);
    // the same from a real tool (fflate writes the name as given)
    expect(refusal(() => readZip(zipSync({ '../evil.txt': enc('x') })))).toMatch(/"\.\.\/evil\.txt" points outside the archive/);
  });

  it('refuses encrypted entries, unknown methods, duplicates and overlapping entries', () => {
    expect(refusal(() => readZip(zipOf([{ ...honest('a.txt', 'x'), flags: 1 }])))).toMatch(/"a\.txt" is encrypted/);
    expect(refusal(() => readZip(zipOf([{ ...honest('a.txt', 'x'), method: 99 }])))).toMatch(/encrypted/);
    expect(refusal(() => readZip(zipOf([{ ...honest('a.txt', 'x'), method: 12 }])))).toMatch(/compression method 12/);
    expect(refusal(() => readZip(zipOf([honest('a.txt', 'x'), honest('a.txt', 'y')])))).toMatch(/"a\.txt" appears twice/);
    expect(refusal(() => readZip(zipOf([{ ...honest('a.txt', 'x'), alias: 'b.txt' }])))).toMatch(/overlap; refused as a likely zip bomb/);
  });

  it('leaves out symbolic links and directories rather than reading them as files', () => {
    const link = { ...honest('Sources/link.txt', '/etc/passwd'), madeBy: 3, external: (0o120777 << 16) >>> 0 };
    const dir = { ...honest('Sources/dir', ''), external: 0x10 };
    const files = readZip(zipOf([link, dir, honest('project.qde', '<Project/>')]));
    expect([...files.keys()]).toEqual(['project.qde']);
  });

  it('refuses what is not a zip, truncated archives and damaged data clearly', () => {
    expect(refusal(() => readZip(enc('<Project/>'), { label: 'p.qdpx' }))).toMatch(
      /p\.qdpx: not a readable zip archive \(no end-of-central-directory record\)/,
    );
    const good = zipSync({ 'a.txt': enc('hello hello hello') });
    expect(refusal(() => readZip(good.subarray(20)))).toMatch(/not a readable zip archive|damaged|outside the file/);
    const broken = { ...honest('a.txt', 'hello'), data: new Uint8Array([0xff, 0xff, 0xff, 0xff]) };
    expect(refusal(() => readZip(zipOf([broken])))).toMatch(/"a\.txt" is damaged/);
  });
});
