// WOFF 1.0 -> TrueType (sfnt). resvg and pdfkit need a plain TTF, but the bundled font package
// (@fontsource/ibm-plex-sans) ships only WOFF/WOFF2. WOFF1 is just zlib-compressed sfnt tables,
// so the conversion is a re-pack (spec: https://www.w3.org/TR/WOFF/).
import { unzlibSync } from 'fflate';

const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'

export function woffToTtf(woff: Uint8Array): Uint8Array {
  const src = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (src.getUint32(0) !== WOFF_SIGNATURE) throw new Error('not a WOFF 1.0 file');
  const flavor = src.getUint32(4);
  const numTables = src.getUint16(12);
  const tables: SfntTable[] = [];
  for (let i = 0; i < numTables; i++) {
    const at = 44 + i * 20;
    const tag = src.getUint32(at);
    const offset = src.getUint32(at + 4);
    const compLength = src.getUint32(at + 8);
    const origLength = src.getUint32(at + 12);
    const checksum = src.getUint32(at + 16);
    const raw = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? unzlibSync(raw) : raw;
    if (data.length !== origLength) throw new Error(`WOFF table ${tagName(tag)}: bad length`);
    tables.push({ tag, checksum, data });
  }
  return packSfnt(flavor, tables);
}

export interface SfntTable {
  tag: number;
  checksum: number;
  data: Uint8Array;
}

/** Writes an sfnt from its tables (sorted by tag, 4-byte aligned, as the spec requires). */
export function packSfnt(flavor: number, input: SfntTable[]): Uint8Array {
  const tables = [...input].sort((a, b) => a.tag - b.tag);
  const numTables = tables.length;
  const headerSize = 12 + numTables * 16;
  let size = headerSize;
  for (const t of tables) size += pad4(t.data.length);
  const out = new Uint8Array(size);
  const dst = new DataView(out.buffer);
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  dst.setUint32(0, flavor);
  dst.setUint16(4, numTables);
  dst.setUint16(6, searchRange);
  dst.setUint16(8, entrySelector);
  dst.setUint16(10, numTables * 16 - searchRange);
  let offset = headerSize;
  tables.forEach((t, i) => {
    const rec = 12 + i * 16;
    dst.setUint32(rec, t.tag);
    dst.setUint32(rec + 4, t.checksum);
    dst.setUint32(rec + 8, offset);
    dst.setUint32(rec + 12, t.data.length);
    out.set(t.data, offset);
    offset += pad4(t.data.length);
  });
  return out;
}

/** sfnt table checksum: the sum of the table as big-endian uint32s. */
export function tableChecksum(data: Uint8Array): number {
  const padded = new Uint8Array(pad4(data.length));
  padded.set(data);
  const v = new DataView(padded.buffer);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + v.getUint32(i)) >>> 0;
  return sum;
}

export function pad4(n: number): number {
  return (n + 3) & ~3;
}

export function tagName(tag: number): string {
  return String.fromCharCode((tag >>> 24) & 255, (tag >>> 16) & 255, (tag >>> 8) & 255, tag & 255);
}

/** Byte range of each table in an sfnt (used by the metrics generator and the tests). */
export function sfntTables(ttf: Uint8Array): Map<string, DataView> {
  const v = new DataView(ttf.buffer, ttf.byteOffset, ttf.byteLength);
  const n = v.getUint16(4);
  const tables = new Map<string, DataView>();
  for (let i = 0; i < n; i++) {
    const rec = 12 + i * 16;
    const off = v.getUint32(rec + 8);
    const len = v.getUint32(rec + 12);
    tables.set(tagName(v.getUint32(rec)), new DataView(ttf.buffer, ttf.byteOffset + off, len));
  }
  return tables;
}
