import { describe, expect, it } from 'vitest';
import { labelTurns, normaliseLineEnds, removeRanges } from '../../src/features/refi/store-export-text.ts';
import { lineTurns } from '../../src/features/refi/line-turns.ts';

describe('speaker labels in exported text', () => {
  const text = 'How did she help?\nShe talked to the nurses.';
  const turns = [
    { speaker: 'Interviewer', start: 0, timeStart: null },
    { speaker: 'P4', start: 18, timeStart: 65 },
  ];

  it('writes "SPEAKER: " and "[hh:mm:ss] " at each turn and moves offsets with them', () => {
    const l = labelTurns(text, turns);
    expect(l.text).toBe('Interviewer: How did she help?\n[00:01:05] P4: She talked to the nurses.');
    const span = (s: number, e: number) => l.text.slice(l.mapStart(s), l.mapEnd(e));
    expect(span(18, 21)).toBe('She'); // a coding starting at a turn starts after its label
    expect(span(0, 17)).toBe('How did she help?');
    expect(span(0, 43)).toBe(l.text.slice(13)); // ends stay before the next label
    expect(span(12, 21)).toBe('help?\n[00:01:05] P4: She'); // across turns the label is inside, as the reader sees it
  });

  it('removing the labels gives back the stored text and offsets', () => {
    const l = labelTurns(text, turns);
    const back = removeRanges(l.text, l.inserted);
    expect(back.text).toBe(text);
    for (const o of [0, 5, 17, 18, 30, 43]) expect(back.map(l.mapStart(o))).toBe(o);
    expect(back.map(2)).toBe(0); // inside a label: where the label was
  });
});

describe('line ends of imported text', () => {
  it('drops the BOM and CR of CRLF, keeps every other character, and remaps offsets', () => {
    const raw = '\uFEFFone 😀\r\ntwo\rthree\r\n';
    const n = normaliseLineEnds(raw);
    expect(n.text).toBe('one 😀\ntwo\nthree\n');
    const same = (s: number, e: number) =>
      expect(n.text.slice(n.map(s), n.map(e))).toBe(raw.slice(s, e).replace(/\r\n/g, '\n').replace(/\r/g, '\n').replace('\uFEFF', ''));
    same(1, 7);
    same(1, 9);
    same(9, 12);
    same(13, 18);
    same(0, raw.length);
  });

  it('makes one speakerless turn per non-empty line', () => {
    expect(lineTurns('  a b \n\nc\n')).toEqual([
      { speaker: null, start: 2, end: 5, timeStart: null, timeEnd: null },
      { speaker: null, start: 8, end: 9, timeStart: null, timeEnd: null },
    ]);
  });
});
