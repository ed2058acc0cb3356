import { describe, expect, it } from 'vitest';
import { coCsv, coLinks, cooccurrence, readableMinLink, type CoMatrix } from '../../renderer/src/features/analysis/cooccurrence.ts';
import type { Turn } from '../../src/core/model/entities.ts';
import { code, coding, turn } from './make.ts';

const codes = [code(1, 'Stigma'), code(2, 'Fear, loss'), code(3, 'Unused')];
// Document 1: Stigma 0-10 overlaps Fear 5-15 (coded identically by two coders). Document 2: apart.
const codings = [
  coding(1, 0, 10, 'ana', 1),
  coding(2, 5, 15, 'ana', 1),
  coding(2, 5, 15, 'ben', 1),
  coding(1, 0, 10, 'ana', 2),
  coding(2, 20, 30, 'ana', 2),
];
const turns = new Map<number, Turn[]>([
  [1, [turn(1, 0, 8), turn(2, 8, 20)]],
  [2, [turn(3, 0, 15), turn(4, 15, 40)]],
]);

describe('code co-occurrence', () => {
  it('is empty when nothing is coded (max stays 1 so scales do not divide by zero)', () => {
    expect(cooccurrence(codes, [], 'overlap', () => undefined)).toEqual({ codes: [], counts: [], max: 1 });
  });

  it('by overlap: a pair counts once per overlapping stretch, however many coders coded it; the diagonal counts places, not codings', () => {
    const m = cooccurrence(codes, codings, 'overlap', () => undefined);
    expect(m.codes.map((c) => c.name)).toEqual(['Stigma', 'Fear, loss']);
    expect(m.counts).toEqual([
      [2, 1],
      [1, 2],
    ]);
    expect(m.max).toBe(1);
  });

  it('by turn: codes in the same speaker turn, a coding counted in every turn it touches', () => {
    expect(cooccurrence(codes, codings, 'turn', (d) => turns.get(d)).counts).toEqual([
      [3, 2],
      [2, 3],
    ]);
  });

  it('by turn: a document whose turns are not known yet adds nothing', () => {
    expect(cooccurrence(codes, codings, 'turn', (d) => (d === 1 ? turns.get(1) : undefined)).counts).toEqual([
      [2, 2],
      [2, 2],
    ]);
  });

  it('by document: codes anywhere in the same document', () => {
    const m = cooccurrence(codes, codings, 'document', () => undefined);
    expect(m.counts).toEqual([
      [2, 2],
      [2, 2],
    ]);
    expect(m.max).toBe(2);
  });

  it('as CSV, names quoted where they need it', () => {
    expect(coCsv(cooccurrence(codes, codings, 'overlap', () => undefined))).toBe(
      'code,Stigma,"Fear, loss"\nStigma,2,1\n"Fear, loss",1,2\n',
    );
  });
});

describe("the network's links", () => {
  const m: CoMatrix = {
    codes: [code(1), code(2), code(3), code(4)],
    counts: [
      [9, 3, 0, 5],
      [3, 9, 3, 1],
      [0, 3, 9, 0],
      [5, 1, 0, 9],
    ],
    max: 5,
  };

  it('are the pairs that co-occur, strongest first, ties in matrix order, no self links', () => {
    expect(coLinks(m)).toEqual([
      { source: 0, target: 3, n: 5 },
      { source: 0, target: 1, n: 3 },
      { source: 1, target: 2, n: 3 },
      { source: 1, target: 3, n: 1 },
    ]);
  });

  it('a minimum strength that keeps at most `max` links, raised past a tie that would exceed it', () => {
    expect(readableMinLink(m)).toBe(1);
    expect(readableMinLink(m, 4)).toBe(1);
    expect(readableMinLink(m, 3)).toBe(3);
    expect(readableMinLink(m, 2)).toBe(4);
    expect(coLinks(m).filter((l) => l.n >= readableMinLink(m, 2)).length).toBeLessThanOrEqual(2);
    expect(readableMinLink(m, 1)).toBe(5);
  });
});
