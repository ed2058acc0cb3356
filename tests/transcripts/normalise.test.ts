import { describe, expect, it } from 'vitest';
import { normaliseText } from '../../src/features/documents/importers/index.ts';
import { firstInvalidUtf8 } from '../../src/lib/decode.ts';

describe('normaliseText', () => {
  it('composes to NFC, unifies line ends and drops the BOM', () => {
    expect(normaliseText('\uFEFFcafe\u0301\r\nb\rc\n')).toBe('café\nb\nc\n');
    expect(normaliseText('a\uFEFFb')).toBe('a\uFEFFb');
  });
});

describe('firstInvalidUtf8', () => {
  it('finds overlong, truncated and surrogate sequences', () => {
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xc0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0x62, 0xe2, 0x82]))).toBe(2);
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(new TextEncoder().encode('ok 😀 é'))).toBe(10); // valid: the length
  });
});
