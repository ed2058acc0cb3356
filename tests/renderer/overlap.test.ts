import { describe, expect, it } from 'vitest';
import { combine } from '../../renderer/src/model/overlap.ts';
import { coding } from './make.ts';

const spans = (ps: { documentId: number; start: number; end: number; coders: string[] }[]) =>
  ps.map((p) => [p.documentId, p.start, p.end, p.coders.join('+')]);

describe("combining the codings of several codes (the Quotes view's and / or / not)", () => {
  it('gives nothing for no codes or no codings', () => {
    expect(combine([coding(1, 0, 5)], [], 'or')).toEqual([]);
    expect(combine([], [1, 2], 'and')).toEqual([]);
  });

  it('one code alone: its codings by position, identical spans of two coders folded into one passage', () => {
    const out = combine([coding(1, 10, 20, 'ben'), coding(1, 0, 5, 'ana'), coding(1, 10, 20, 'ana'), coding(2, 0, 30)], [1], 'and');
    expect(spans(out)).toEqual([
      [1, 0, 5, 'ana'],
      [1, 10, 20, 'ana+ben'],
    ]);
    expect(out[1].key).toBe('1:10:20');
  });

  it('one code alone keeps overlapping but different codings apart (only identical spans fold)', () => {
    expect(spans(combine([coding(1, 0, 10), coding(1, 5, 15, 'ben')], [1], 'or'))).toEqual([
      [1, 0, 10, 'ana'],
      [1, 5, 15, 'ben'],
    ]);
  });

  it('or: overlapping and touching codings of any code join into one passage; apart ones stay apart', () => {
    const cs = [coding(1, 0, 10), coding(2, 8, 20, 'ben'), coding(2, 20, 25), coding(1, 40, 50)];
    expect(spans(combine(cs, [1, 2], 'or'))).toEqual([
      [1, 0, 25, 'ana+ben'],
      [1, 40, 50, 'ana'],
    ]);
  });

  it('and: only the characters every code covers', () => {
    const cs = [coding(1, 0, 10), coding(1, 30, 40), coding(2, 5, 35, 'ben'), coding(3, 0, 100)];
    expect(spans(combine(cs, [1, 2], 'and'))).toEqual([
      [1, 5, 10, 'ana+ben'],
      [1, 30, 35, 'ana+ben'],
    ]);
    expect(spans(combine(cs, [1, 2, 3], 'and'))).toEqual([
      [1, 5, 10, 'ana+ben'],
      [1, 30, 35, 'ana+ben'],
    ]);
  });

  it('and: touching is not overlapping, and a code missing from a document leaves it out', () => {
    expect(combine([coding(1, 0, 10), coding(2, 10, 20)], [1, 2], 'and')).toEqual([]);
    expect(combine([coding(1, 0, 10, 'ana', 1), coding(2, 0, 10, 'ana', 2)], [1, 2], 'and')).toEqual([]);
  });

  it("not: the first code's codings that overlap none of the others (touching does not count as overlap)", () => {
    const cs = [coding(1, 0, 10), coding(1, 20, 30), coding(1, 50, 60), coding(2, 25, 26), coding(3, 60, 70)];
    expect(spans(combine(cs, [1, 2, 3], 'not'))).toEqual([
      [1, 0, 10, 'ana'],
      [1, 50, 60, 'ana'],
    ]);
  });

  it('works per document, documents in id order', () => {
    const cs = [coding(1, 0, 10, 'ana', 9), coding(2, 5, 15, 'ana', 9), coding(1, 0, 10, 'ana', 3), coding(2, 20, 30, 'ana', 3)];
    expect(spans(combine(cs, [1, 2], 'and'))).toEqual([[9, 5, 10, 'ana']]);
    expect(spans(combine(cs, [1, 2], 'or'))).toEqual([
      [3, 0, 10, 'ana'],
      [3, 20, 30, 'ana'],
      [9, 0, 15, 'ana'],
    ]);
  });

  it('does not reorder or change the codings it is given', () => {
    const cs = [coding(1, 20, 30), coding(1, 0, 10)];
    const before = structuredClone(cs);
    combine(cs, [1], 'or');
    expect(cs).toEqual(before);
  });
});
