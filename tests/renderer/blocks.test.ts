import { describe, expect, it } from 'vitest';
import { blocksOf, formatMark, formatTime } from '../../renderer/src/model/blocks.ts';
import { turn } from './make.ts';

const shape = (text: string, bs: ReturnType<typeof blocksOf>) => bs.map((b) => [text.slice(b.start, b.end), b.speaker]);

describe("the transcript's paragraphs", () => {
  it('are nothing for an empty text', () => {
    expect(blocksOf('', [])).toEqual([]);
  });

  it('is the whole text as one paragraph when there are no turns', () => {
    expect(blocksOf('just text\nmore', [])).toEqual([{ start: 0, end: 14, speaker: null, participant: null, time: null }]);
  });

  it('are the turns in text order, with their time; blank gaps between them are not paragraphs', () => {
    const text = 'Q: hi\n\nA: yo\n';
    const bs = blocksOf(text, [turn(2, 7, 12, 'A', 3.5), turn(1, 0, 5, 'Q')]);
    expect(shape(text, bs)).toEqual([
      ['Q: hi', 'Q'],
      ['A: yo', 'A'],
    ]);
    expect(bs.map((b) => b.time)).toEqual([null, 3.5]);
  });

  it('never hides text no turn covers: before, between and after the turns', () => {
    const text = 'Title\n\nQ: hi\nnote\nA: yo\nend';
    const q = text.indexOf('Q: hi'),
      a = text.indexOf('A: yo');
    const bs = blocksOf(text, [turn(1, q, q + 5, 'Q'), turn(2, a, a + 5, 'A')]);
    expect(shape(text, bs)).toEqual([
      ['Title\n\n', null],
      ['Q: hi', 'Q'],
      ['\nnote\n', null],
      ['A: yo', 'A'],
      ['\nend', null],
    ]);
    // Every character is in exactly one paragraph or in a blank gap.
    expect(bs.every((b, i) => i === 0 || b.start >= bs[i - 1].end)).toBe(true);
  });

  it('keeps the first of two overlapping turns (the text is not shown twice)', () => {
    const text = 'abcdefghij';
    const bs = blocksOf(text, [turn(1, 0, 6, 'X'), turn(2, 4, 10, 'Y')]);
    expect(shape(text, bs)).toEqual([
      ['abcdef', 'X'],
      ['ghij', null],
    ]);
  });
});

describe('times', () => {
  it('as mm:ss, with hours only when there are any; nothing for no time', () => {
    expect(formatTime(null)).toBe('');
    expect(formatTime(0)).toBe('00:00');
    expect(formatTime(59.99)).toBe('00:59');
    expect(formatTime(65)).toBe('01:05');
    expect(formatTime(3600)).toBe('1:00:00');
    expect(formatTime(36_061)).toBe('10:01:01');
  });
  it('a sync mark rounds to the tenth, carrying into the seconds and minutes', () => {
    expect(formatMark(59.96)).toBe('01:00.0');
    expect(formatMark(0.04)).toBe('00:00.0');
    expect(formatMark(3599.96)).toBe('1:00:00.0');
  });
});
