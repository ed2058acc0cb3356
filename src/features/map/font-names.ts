// The SemiBold file of @fontsource/ibm-plex-sans names its family "IBM Plex Sans SemiBold" (name
// ID 1) and has no typographic family (ID 16), so resvg's font database files it as a separate
// family and `font-family="IBM Plex Sans" font-weight="600"` falls back to Regular. Adding ID 16
// ("IBM Plex Sans") makes both weights one family, as in the browser's @font-face.
import { type SfntTable, packSfnt, tableChecksum, tagName } from './woff.ts';

const NAME_TAG = 0x6e616d65; // 'name'

export function withTypographicFamily(ttf: Uint8Array, family: string): Uint8Array {
  const v = new DataView(ttf.buffer, ttf.byteOffset, ttf.byteLength);
  const tables: SfntTable[] = [];
  for (let i = 0; i < v.getUint16(4); i++) {
    const rec = 12 + i * 16;
    const off = v.getUint32(rec + 8),
      len = v.getUint32(rec + 12);
    tables.push({ tag: v.getUint32(rec), checksum: v.getUint32(rec + 4), data: ttf.subarray(off, off + len) });
  }
  const name = tables.find((t) => t.tag === NAME_TAG);
  if (!name) throw new Error(`font has no ${tagName(NAME_TAG)} table`);
  name.data = addWindowsName(name.data, 16, family);
  name.checksum = tableChecksum(name.data);
  return packSfnt(v.getUint32(0), tables);
}

interface NameRecord {
  platform: number;
  encoding: number;
  language: number;
  nameId: number;
  bytes: Uint8Array;
}

function addWindowsName(table: Uint8Array, nameId: number, text: string): Uint8Array {
  const v = new DataView(table.buffer, table.byteOffset, table.byteLength);
  const count = v.getUint16(2),
    storage = v.getUint16(4);
  const records: NameRecord[] = [];
  for (let i = 0; i < count; i++) {
    const r = 6 + i * 12;
    const len = v.getUint16(r + 8),
      off = v.getUint16(r + 10);
    records.push({
      platform: v.getUint16(r),
      encoding: v.getUint16(r + 2),
      language: v.getUint16(r + 4),
      nameId: v.getUint16(r + 6),
      bytes: table.subarray(storage + off, storage + off + len),
    });
  }
  const utf16 = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) new DataView(utf16.buffer).setUint16(i * 2, text.charCodeAt(i));
  const kept = records.filter((r) => !(r.platform === 3 && r.nameId === nameId));
  kept.push({ platform: 3, encoding: 1, language: 0x409, nameId, bytes: utf16 });
  kept.sort((a, b) => a.platform - b.platform || a.encoding - b.encoding || a.language - b.language || a.nameId - b.nameId);
  const headerSize = 6 + kept.length * 12;
  const out = new Uint8Array(headerSize + kept.reduce((s, r) => s + r.bytes.length, 0));
  const o = new DataView(out.buffer);
  o.setUint16(0, 0);
  o.setUint16(2, kept.length);
  o.setUint16(4, headerSize);
  let at = 0;
  kept.forEach((r, i) => {
    const rec = 6 + i * 12;
    [r.platform, r.encoding, r.language, r.nameId, r.bytes.length, at].forEach((x, k) => o.setUint16(rec + k * 2, x));
    out.set(r.bytes, headerSize + at);
    at += r.bytes.length;
  });
  return out;
}
