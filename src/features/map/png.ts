// PNG resolution metadata: journals check a figure's dpi, which lives in the pHYs chunk
// (pixels per metre). resvg does not write one, so it is inserted after IHDR.
const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[i] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 255] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface PngChunk {
  type: string;
  offset: number;
  length: number;
}

export function pngChunks(png: Uint8Array): PngChunk[] {
  if (!SIGNATURE.every((b, i) => png[i] === b)) throw new Error('not a PNG');
  const v = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: PngChunk[] = [];
  for (let at = 8; at + 8 <= png.length;) {
    const length = v.getUint32(at);
    chunks.push({ type: String.fromCharCode(...png.subarray(at + 4, at + 8)), offset: at, length });
    at += 12 + length;
  }
  return chunks;
}

export function pngSize(png: Uint8Array): { width: number; height: number } {
  const v = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: v.getUint32(16), height: v.getUint32(20) };
}

/** Dots per inch from pHYs, or null when the PNG carries none. */
export function pngDpi(png: Uint8Array): number | null {
  const phys = pngChunks(png).find((c) => c.type === 'pHYs');
  if (!phys) return null;
  const v = new DataView(png.buffer, png.byteOffset + phys.offset + 8, 9);
  if (v.getUint8(8) !== 1) return null;
  return Math.round(v.getUint32(0) * 0.0254);
}

/** Returns a copy with a pHYs chunk for `dpi` (replacing any existing one). */
export function withDpi(png: Uint8Array, dpi: number): Uint8Array {
  const chunks = pngChunks(png);
  const ppm = Math.round(dpi / 0.0254);
  const body = new Uint8Array(4 + 9);
  const bv = new DataView(body.buffer);
  body.set([0x70, 0x48, 0x59, 0x73]); // 'pHYs'
  bv.setUint32(4, ppm);
  bv.setUint32(8, ppm);
  bv.setUint8(12, 1); // unit: metre
  const chunk = new Uint8Array(12 + 9);
  const cv = new DataView(chunk.buffer);
  cv.setUint32(0, 9);
  chunk.set(body, 4);
  cv.setUint32(17, crc32(body));
  const parts: Uint8Array[] = [png.subarray(0, 8)];
  for (const c of chunks) {
    if (c.type === 'pHYs') continue;
    parts.push(png.subarray(c.offset, c.offset + 12 + c.length));
    if (c.type === 'IHDR') parts.push(chunk);
  }
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
