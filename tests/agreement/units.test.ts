// Spans -> units: every unit of analysis, the exclusion switch, and cost that follows codings.
import { describe, expect, it } from 'vitest';
import {
  agreementOverall,
  agreementPerCode,
  binaryUAlpha,
  cohenKappa,
  cuAlpha,
  krippendorffAlpha,
  uAlpha,
  unitsForDocument,
} from '../../src/core/agreement/index.ts';
import type { Coding, ReliabilityData } from '../../src/core/agreement/index.ts';

const c = (coder: string, code: string, start: number, end: number): Coding => ({ coder, code, start, end });
const coders = ['A', 'B'];

/** The same data expanded one unit per character, to compare the sweep against. */
function perCharacter(length: number, codings: Coding[], code: string, exclude = false): ReliabilityData {
  const units = [];
  for (let i = 0; i < length; i++) {
    const row = coders.map((k) => (codings.some((x) => x.coder === k && x.code === code && x.start <= i && i < x.end) ? 1 : 0));
    const any = codings.some((x) => x.start <= i && i < x.end);
    if (!exclude || any) units.push(row);
  }
  return { coders, units };
}

const doc = {
  length: 100,
  turns: [
    { start: 0, end: 30 },
    { start: 30, end: 60 },
    { start: 60, end: 100 },
  ],
  sentences: [
    { start: 0, end: 10 },
    { start: 10, end: 30 },
    { start: 30, end: 38 },
    { start: 38, end: 60 },
    { start: 60, end: 100 },
  ],
  codings: [
    c('A', 'trust', 5, 25),
    c('B', 'trust', 8, 25),
    c('A', 'trust', 20, 28),
    c('B', 'trust', 62, 70),
    c('A', 'barrier', 40, 50),
    c('B', 'barrier', 41, 50),
  ],
};

describe('character units', () => {
  for (const exclude of [false, true]) {
    it(`weighted stretches give the same coefficients as one unit per character (excludeUncoded ${exclude})`, () => {
      for (const code of ['trust', 'barrier']) {
        const [u] = unitsForDocument(doc, { unit: 'character', coders, codes: [code], excludeUncoded: exclude });
        const flat = perCharacter(doc.length, doc.codings, code, exclude);
        expect(u.data.weights!.reduce((s, w) => s + w, 0)).toBe(flat.units.length);
        expect(cohenKappa(u.data).value).toBeCloseTo(cohenKappa(flat).value, 12);
        expect(krippendorffAlpha(u.data).value).toBeCloseTo(krippendorffAlpha(flat).value, 12);
      }
    });
  }

  it('a 10-million-character document with a few codings yields O(codings) units', () => {
    const length = 10_000_000;
    const codings = [c('A', 'x', 1000, 5000), c('B', 'x', 1200, 5000), c('A', 'x', 9_000_000, 9_500_000), c('B', 'y', 20, 30)];
    const [x] = unitsForDocument({ length, codings }, { unit: 'character', coders, codes: ['x'] });
    expect(x.data.units.length).toBeLessThanOrEqual(2 * codings.length + 1);
    expect(x.data.weights!.reduce((s, w) => s + w, 0)).toBe(length);
    const [ex] = unitsForDocument({ length, codings }, { unit: 'character', coders, codes: ['x'], excludeUncoded: true });
    expect(ex.data.weights!.reduce((s, w) => s + w, 0)).toBe(4000 + 500_000 + 10);
    const u = uAlpha(
      { length },
      coders,
      codings.filter((k) => k.code === 'x'),
    );
    expect(u.sections).toBeLessThanOrEqual(2 * codings.length + coders.length);
  });
});

describe('turn, sentence, document and segment units', () => {
  it('turns: present where a coding overlaps the turn', () => {
    const [trust] = unitsForDocument(doc, { unit: 'turn', coders, codes: ['trust'] });
    // turn 1 both, turn 3 only B, turn 2 neither (pooled, weight 1)
    expect(trust.data.units).toEqual([
      [1, 1],
      [0, 1],
      [0, 0],
    ]);
    expect(trust.data.weights).toEqual([1, 1, 1]);
    expect(trust.spans[2]).toBeNull();
  });

  it('excludeUncoded drops turns nobody coded with any code', () => {
    const sentences = unitsForDocument(doc, { unit: 'sentence', coders, codes: ['trust'] })[0];
    expect(sentences.data.weights!.reduce((s, w) => s + w, 0)).toBe(5);
    const ex = unitsForDocument(doc, { unit: 'sentence', coders, codes: ['trust'], excludeUncoded: true })[0];
    // sentence 30-38 holds nothing at all; 38-60 holds 'barrier' so it stays as a 0/0 unit
    expect(ex.data.weights!.reduce((s, w) => s + w, 0)).toBe(4);
  });

  it('document: one unit per code', () => {
    const units = unitsForDocument(doc, { unit: 'document', coders });
    expect(units.map((u) => [u.code, u.data.units])).toEqual([
      ['barrier', [[1, 1]]],
      ['trust', [[1, 1]]],
    ]);
  });

  it('segments: each coded segment is a unit; the other coder matches at 90% overlap', () => {
    const [barrier] = unitsForDocument(doc, { unit: 'segment', coders, codes: ['barrier'] });
    expect(barrier.data.units).toEqual([
      [1, 1],
      [1, 1],
    ]); // 9/10 overlap
    const [strict] = unitsForDocument(doc, { unit: 'segment', coders, codes: ['barrier'], overlapThreshold: 0.95 });
    expect(strict.data.units).toEqual([
      [1, 0],
      [0, 1],
    ]);
    const [trust] = unitsForDocument(doc, { unit: 'segment', coders, codes: ['trust'] });
    expect(trust.data.units.length).toBe(4);
  });
});

describe('aggregation', () => {
  it('per code and overall pool units across documents', () => {
    const docs = [
      { ...doc, id: 'P1' },
      { ...doc, id: 'P2' },
    ];
    const perCode = agreementPerCode(docs, { unit: 'turn', coders }, (d) => cohenKappa(d));
    expect(perCode.map((g) => g.key)).toEqual(['barrier', 'trust']);
    const trust = perCode.find((g) => g.key === 'trust')!;
    expect(trust.result.units).toBe(6);
    const overall = agreementOverall(docs, { unit: 'turn', coders }, (d) => cohenKappa(d));
    expect(overall.result.units).toBe(12);
  });
});

describe('unitizing alphas', () => {
  const codings = [c('A', 'p', 0, 10), c('A', 'q', 20, 30), c('B', 'p', 2, 10), c('B', 'p', 20, 30)];
  it('identical unitizations give 1', () => {
    const same = [c('A', 'p', 0, 10), c('A', 'q', 20, 30), c('B', 'p', 0, 10), c('B', 'q', 20, 30)];
    expect(uAlpha({ length: 50 }, coders, same).value).toBeCloseTo(1, 12);
    expect(binaryUAlpha({ length: 50 }, coders, same).value).toBeCloseTo(1, 12);
    expect(cuAlpha({ length: 50 }, coders, same).value).toBeCloseTo(1, 12);
  });
  it('swapping coders changes nothing', () => {
    for (const f of [uAlpha, binaryUAlpha, cuAlpha]) {
      expect(f({ length: 50 }, ['B', 'A'], codings).value).toBeCloseTo(f({ length: 50 }, coders, codings).value, 12);
    }
  });
  it('|u-alpha ignores which code; cu-alpha only which code', () => {
    const relabelled = codings.map((k) => ({ ...k, code: 'p' }));
    expect(binaryUAlpha({ length: 50 }, coders, codings).value).toBeCloseTo(binaryUAlpha({ length: 50 }, coders, relabelled).value, 12);
    expect(cuAlpha({ length: 50 }, coders, codings).value).toBeLessThan(1);
  });
  it('refuses overlapping codes of one coder instead of guessing', () => {
    expect(() => uAlpha({ length: 50 }, coders, [c('A', 'p', 0, 10), c('A', 'q', 5, 12)])).toThrow(/overlap/);
  });
});
