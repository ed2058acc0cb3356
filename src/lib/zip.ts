// Safe reading of a .qdpx (a zip). The central directory is parsed here so every entry can be
// judged before a byte is inflated; inflation itself is capped, so an archive that lies about
// its sizes is stopped too. Nothing is written to disk: entries come back as bytes in memory.
// openZip inflates only the entries asked for (an archive's unused originals, audio or video,
// cost nothing), and the total limit counts what is actually inflated.
import { Inflate } from 'fflate';
import { importFailed } from './xml.ts';

export interface ZipLimits {
  maxEntries: number;
  /** Largest uncompressed entry. */
  maxEntryBytes: number;
  /** Largest sum of uncompressed entries. */
  maxTotalBytes: number;
  /** Largest uncompressed:compressed ratio for entries bigger than ratioFromBytes. */
  maxRatio: number;
  ratioFromBytes: number;
}

const MiB = 1024 * 1024;
const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 20_000,
  maxEntryBytes: 512 * MiB,
  maxTotalBytes: 1024 * MiB,
  maxRatio: 100,
  ratioFromBytes: 1 * MiB,
};

export interface ZipOptions {
  /** The archive's name in messages. */
  label?: string;
  limits?: Partial<ZipLimits>;
}

interface Entry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  regular: boolean;
}

export const looksLikeZip = (bytes: Uint8Array) =>
  bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);

/** An archive's files by name: a plain Map, or a ZipArchive that inflates on demand. */
export type ZipFiles = Map<string, Uint8Array>;

/**
 * The archive's regular entries (directories and links left out), checked from the central
 * directory; an entry is inflated (and its checksum checked) when it is first asked for, and the
 * bytes inflated in all may not pass maxTotalBytes. A read-only Map: iterating values inflates all.
 */
export class ZipArchive extends Map<string, Uint8Array> {
  private readonly names = new Map<string, Entry>();
  private inflated = 0;
  private readonly bytes: Uint8Array;
  private readonly label: string;
  private readonly limits: ZipLimits;
  constructor(bytes: Uint8Array, label: string, limits: ZipLimits) {
    super();
    this.bytes = bytes;
    this.label = label;
    this.limits = limits;
    const all = centralDirectory(bytes, label, limits);
    checkLayout(bytes, all, label);
    for (const e of all) if (e.regular) this.names.set(e.name, e);
  }
  override get size(): number {
    return this.names.size;
  }
  override keys(): MapIterator<string> {
    return this.names.keys();
  }
  override has(name: string): boolean {
    return this.names.has(name);
  }
  override get(name: string): Uint8Array | undefined {
    const done = super.get(name);
    if (done) return done;
    const entry = this.names.get(name);
    if (!entry) return undefined;
    const content = this.inflate(entry, true)!;
    super.set(name, content);
    return content;
  }
  override entries(): MapIterator<[string, Uint8Array]> {
    for (const n of this.names.keys()) this.get(n);
    return super.entries();
  }
  override values(): MapIterator<Uint8Array> {
    for (const n of this.names.keys()) this.get(n);
    return super.values();
  }
  override [Symbol.iterator](): MapIterator<[string, Uint8Array]> {
    return this.entries();
  }
  override forEach(f: (v: Uint8Array, k: string, m: Map<string, Uint8Array>) => void): void {
    for (const [k, v] of this.entries()) f(v, k, this);
  }
  override set(): this {
    throw new Error('a zip archive is read-only');
  }
  override delete(): boolean {
    throw new Error('a zip archive is read-only');
  }
  override clear(): void {
    throw new Error('a zip archive is read-only');
  }
  /** Inflates an entry only to check it (size, checksum), keeping none of it: for readers (mammoth) that unzip again. */
  verify(name: string): void {
    const entry = this.names.get(name);
    if (entry && !super.has(name)) this.inflate(entry, false);
  }
  private inflate(entry: Entry, keep: boolean): Uint8Array | undefined {
    this.inflated += entry.size;
    if (this.inflated > this.limits.maxTotalBytes)
      throw importFailed(`${this.label}: the archive would unpack to more than ${mb(this.limits.maxTotalBytes)}; refused`);
    const start = dataStart(this.bytes, entry, this.label);
    const data = this.bytes.subarray(start, start + entry.compressedSize);
    if (entry.method === 0) {
      const content = stored(data, entry, this.label);
      if (crc32(content) !== entry.crc) throw damaged(this.label, entry);
      return keep ? content : undefined;
    }
    return inflateCapped(data, entry, this.label, keep);
  }
}

const damaged = (label: string, entry: Entry) => importFailed(`${label}: entry "${entry.name}" is damaged (its checksum does not match)`);

/** The archive, checked, with entries inflated on demand. */
export function openZip(bytes: Uint8Array, options: ZipOptions = {}): ZipArchive {
  return new ZipArchive(bytes, options.label ?? 'the archive', { ...DEFAULT_ZIP_LIMITS, ...options.limits });
}

/**
 * A Word or OpenDocument file is a transcript, not an archive of originals: lower limits (they
 * were 256 MiB per part and 512 MiB in all). Word's XML is bloated: the NVivo corpus's 0.5 MB
 * .docx files hold 17.7 MiB document.xml parts (450,000 elements), so one part may be 64 MiB.
 */
export const OFFICE_LIMITS: Partial<ZipLimits> = { maxEntryBytes: 64 * MiB, maxTotalBytes: 128 * MiB };

/**
 * A .docx/.odt checked for a reader that unzips it again (mammoth has no limits of its own): every
 * XML part, which is what such a reader inflates, is inflated once to check it and not kept.
 * Pictures and other media are left alone; they are never read for a transcript's text.
 */
export function checkOfficeZip(bytes: Uint8Array, label: string): ZipArchive {
  const zip = openZip(bytes, { label, limits: OFFICE_LIMITS });
  for (const name of zip.keys()) if (/\.(xml|rels)$/i.test(name)) zip.verify(name);
  return zip;
}

/** Every regular entry inflated and checked (directories and links left out), keyed by name as written. */
export function readZip(bytes: Uint8Array, options: ZipOptions = {}): Map<string, Uint8Array> {
  const zip = openZip(bytes, options);
  const files = new Map<string, Uint8Array>();
  for (const name of zip.keys()) files.set(name, zip.get(name)!);
  return files;
}

/** The regular entries' names from the central directory, nothing inflated (to tell a .docx from an .odt). */
export function zipEntryNames(bytes: Uint8Array): string[] {
  return centralDirectory(bytes, 'the archive', DEFAULT_ZIP_LIMITS)
    .filter((e) => e.regular)
    .map((e) => e.name);
}

function centralDirectory(bytes: Uint8Array, label: string, limits: ZipLimits): Entry[] {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const notZip = (why: string) => importFailed(`${label}: not a readable zip archive (${why})`);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= 0 && i >= bytes.length - 22 - 0xffff; i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notZip('no end-of-central-directory record');
  if (dv.getUint16(eocd + 4, true) !== 0 || dv.getUint16(eocd + 6, true) !== 0) throw notZip('it is split over several disks');
  let count = dv.getUint16(eocd + 10, true);
  let cdSize = dv.getUint32(eocd + 12, true);
  let cdOffset = dv.getUint32(eocd + 16, true);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || dv.getUint32(loc, true) !== 0x07064b50) throw notZip('damaged zip64 record');
    const z = big(dv, loc + 8, notZip);
    if (z + 56 > bytes.length || dv.getUint32(z, true) !== 0x06064b50) throw notZip('damaged zip64 record');
    count = big(dv, z + 32, notZip);
    cdSize = big(dv, z + 40, notZip);
    cdOffset = big(dv, z + 48, notZip);
  }
  if (count > limits.maxEntries)
    throw importFailed(`${label}: the archive has ${count} entries; more than ${limits.maxEntries} is refused`);
  if (cdOffset + cdSize > bytes.length) throw notZip('the central directory lies outside the file');

  const entries: Entry[] = [];
  const names = new Set<string>();
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > cdOffset + cdSize || dv.getUint32(p, true) !== 0x02014b50) throw notZip('damaged central directory');
    const madeBy = dv.getUint16(p + 4, true) >> 8;
    const flags = dv.getUint16(p + 8, true);
    const method = dv.getUint16(p + 10, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    const external = dv.getUint32(p + 38, true);
    const crc = dv.getUint32(p + 16, true);
    let compressedSize = dv.getUint32(p + 20, true);
    let size = dv.getUint32(p + 24, true);
    let localOffset = dv.getUint32(p + 42, true);
    if (p + 46 + nameLen + extraLen + commentLen > cdOffset + cdSize) throw notZip('damaged central directory');
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLen);
    const name = entryName(nameBytes, label);
    // zip64: sizes/offset that overflow 32 bits live in extra field 0x0001, in this order.
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      let e = p + 46 + nameLen;
      const end = e + extraLen;
      while (e + 4 <= end && dv.getUint16(e, true) !== 0x0001) e += 4 + dv.getUint16(e + 2, true);
      if (e + 4 > end) throw notZip(`entry "${name}" lacks its zip64 sizes`);
      let f = e + 4;
      if (size === 0xffffffff) {
        size = big(dv, f, notZip);
        f += 8;
      }
      if (compressedSize === 0xffffffff) {
        compressedSize = big(dv, f, notZip);
        f += 8;
      }
      if (localOffset === 0xffffffff) localOffset = big(dv, f, notZip);
    }
    p += 46 + nameLen + extraLen + commentLen;

    if (names.has(name)) throw importFailed(`${label}: the entry "${name}" appears twice; such an archive is ambiguous and is refused`);
    names.add(name);
    const entry = { name, flags, method, crc, compressedSize, size, localOffset, regular: isRegular(name, madeBy, external) };
    entries.push(entry);
    if (!entry.regular) continue;
    const where = `${label}: entry "${name}"`;
    if (flags & 0x41 || method === 99)
      throw importFailed(`${where} is encrypted (password-protected); export the project again without a password`);
    if (method !== 0 && method !== 8)
      throw importFailed(`${where} uses compression method ${method}; only stored and deflate entries can be read`);
    if (size > limits.maxEntryBytes)
      throw importFailed(`${where} would unpack to ${mb(size)}; more than ${mb(limits.maxEntryBytes)} per file is refused`);
    if (size > limits.ratioFromBytes && size > compressedSize * limits.maxRatio) {
      throw importFailed(
        `${where} claims to unpack ${mb(compressedSize)} into ${mb(size)} (over ${limits.maxRatio}:1); refused as a likely zip bomb`,
      );
    }
  }
  return entries;
}

function big(dv: DataView, at: number, fail: (why: string) => Error): number {
  if (at + 8 > dv.byteLength) throw fail('damaged zip64 record');
  const v = dv.getBigUint64(at, true);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw fail('impossible zip64 size');
  return Number(v);
}

const mb = (n: number) => (n >= MiB ? `${(n / MiB).toFixed(n % MiB === 0 ? 0 : 1)} MiB` : `${n} bytes`);

function entryName(raw: Uint8Array, label: string): string {
  if (raw.includes(0)) throw importFailed(`${label}: an entry name contains a NUL byte; refused`);
  let name: string;
  try {
    name = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    name = new TextDecoder('latin1').decode(raw); // old tools: code page names; GUID names are ASCII anyway
  }
  const slashed = name.replace(/\\/g, '/');
  if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed)) {
    throw importFailed(`${label}: the entry "${name}" has an absolute path; refused`);
  }
  if (slashed.split('/').includes('..')) throw importFailed(`${label}: the entry "${name}" points outside the archive (".."); refused`);
  return name;
}

/** Regular files only: not directories, and (for Unix-made archives) not links or devices. */
function isRegular(name: string, madeBy: number, external: number): boolean {
  if (name.endsWith('/') || name.endsWith('\\')) return false;
  if (madeBy === 3) {
    const type = (external >>> 16) & 0xf000;
    if (type !== 0 && type !== 0x8000) return false;
  }
  return (external & 0x10) === 0; // MS-DOS directory attribute
}

/** Entries must not share bytes: overlapping entries are how the biggest zip bombs are built. */
function checkLayout(bytes: Uint8Array, entries: Entry[], label: string): void {
  const spans = entries.map((e) => ({ e, start: e.localOffset, end: dataStart(bytes, e, label) + e.compressedSize }));
  spans.sort((a, b) => a.start - b.start);
  for (let i = 0; i < spans.length; i++) {
    if (spans[i].end > bytes.length)
      throw importFailed(`${label}: entry "${spans[i].e.name}" runs past the end of the file (damaged or truncated)`);
    if (i > 0 && spans[i].start < spans[i - 1].end) {
      throw importFailed(`${label}: entries "${spans[i - 1].e.name}" and "${spans[i].e.name}" overlap; refused as a likely zip bomb`);
    }
  }
}

function dataStart(bytes: Uint8Array, entry: Entry, label: string): number {
  const at = entry.localOffset;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (at + 30 > bytes.length || dv.getUint32(at, true) !== 0x04034b50) {
    throw importFailed(`${label}: entry "${entry.name}" is damaged (no local header where the directory says)`);
  }
  return at + 30 + dv.getUint16(at + 26, true) + dv.getUint16(at + 28, true);
}

function stored(data: Uint8Array, entry: Entry, label: string): Uint8Array {
  if (data.length !== entry.size) throw importFailed(`${label}: entry "${entry.name}" is damaged (stored size does not match)`);
  return data;
}

/**
 * Inflates in small steps and stops as soon as the output passes the size the directory declared
 * (which the limits already accepted), so a lying header cannot make us unpack a bomb. The output
 * goes straight into one buffer of the declared size (or, to only check it, into the checksum).
 */
function inflateCapped(data: Uint8Array, entry: Entry, label: string, keep = true): Uint8Array | undefined {
  const out = keep ? new Uint8Array(entry.size) : undefined;
  let produced = 0;
  let crc = 0;
  let over = false;
  const inflate = new Inflate((chunk) => {
    if (over || produced + chunk.length > entry.size) {
      over = true;
      return;
    }
    if (out) out.set(chunk, produced);
    else crc = crc32(chunk, crc);
    produced += chunk.length;
  });
  const step = 16 * 1024; // one step of deflate can only grow ~1000x: at most ~16 MiB at a time
  try {
    if (data.length === 0) inflate.push(data, true);
    for (let i = 0; i < data.length && !over; i += step) {
      const end = Math.min(i + step, data.length);
      inflate.push(data.subarray(i, end), end === data.length);
    }
  } catch (error) {
    throw importFailed(`${label}: entry "${entry.name}" is damaged (${error instanceof Error ? error.message : String(error)})`);
  }
  if (over) {
    throw importFailed(
      `${label}: entry "${entry.name}" unpacks to more than the ${entry.size} bytes its header declares; refused as a likely zip bomb`,
    );
  }
  if (produced !== entry.size)
    throw importFailed(`${label}: entry "${entry.name}" is damaged (unpacks to ${produced} bytes, not ${entry.size})`);
  if ((out ? crc32(out) : crc) !== entry.crc) throw damaged(label, entry);
  return out;
}

let table: Uint32Array | undefined;

export function crc32(data: Uint8Array, crc = 0): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = ~crc >>> 0;
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}
