import { describe, expect, it } from 'vitest';
import { deflateSync } from 'node:zlib';
import { crc32, pngChunks, pngDpi, withDpi } from '../../src/features/map/png.ts';

function chunk(type: string, data: Uint8Array): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function tinyPng(): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from([0, 255, 255, 255, 255]))),
    chunk('IEND', new Uint8Array()),
  ]);
}

describe('PNG dpi (pHYs)', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('inserts pHYs right after IHDR with a valid CRC, and replaces an existing one', () => {
    const png = withDpi(tinyPng(), 300);
    expect(pngChunks(png).map((c) => c.type)).toEqual(['IHDR', 'pHYs', 'IDAT', 'IEND']);
    expect(pngDpi(png)).toBe(300);
    const phys = pngChunks(png)[1];
    const stored = new DataView(png.buffer, png.byteOffset).getUint32(phys.offset + 8 + 9);
    expect(stored).toBe(crc32(png.subarray(phys.offset + 4, phys.offset + 8 + 9)));
    expect(new DataView(png.buffer, png.byteOffset).getUint32(phys.offset + 8)).toBe(11811); // 300 dpi in px/m
    const again = withDpi(png, 600);
    expect(pngChunks(again).filter((c) => c.type === 'pHYs')).toHaveLength(1);
    expect(pngDpi(again)).toBe(600);
  });

  it('reports no dpi for a PNG without pHYs', () => {
    expect(pngDpi(tinyPng())).toBeNull();
  });
});
