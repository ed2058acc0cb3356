import { describe, expect, it } from 'vitest';
import { codePointsToUtf16, utf16ToCodePoints } from '../../src/features/refi/offsets.ts';

describe('REFI-QDA offsets', () => {
  const text = 'a😀b\r\nc👩🏽‍⚕️d';
  it('converts UTF-16 offsets to code points and back', () => {
    const u16 = [0, 1, 3, 4, 6, 7, text.length];
    const cps = utf16ToCodePoints(text, u16);
    expect(cps).toEqual(u16.map((o) => [...text.slice(0, o)].length));
    expect(codePointsToUtf16(text, cps)).toEqual(u16);
  });
  it('keeps the caller order and repeated offsets', () => {
    expect(utf16ToCodePoints(text, [3, 0, 3])).toEqual([2, 0, 2]);
    expect(codePointsToUtf16(text, [2, 0, 2])).toEqual([3, 0, 3]);
  });
});
