// Properties every coefficient must have, on small generated data sets.
import { describe, expect, it } from 'vitest';
import {
  brennanPrediger,
  cohenKappa,
  fleissKappa,
  gwetAC1,
  krippendorffAlpha,
  percentAgreement,
  scottPi,
  seededRandom,
} from '../../src/core/agreement/index.ts';
import type { Cell, CoefficientResult, ReliabilityData } from '../../src/core/agreement/index.ts';

const twoCoder: Array<[string, (d: ReliabilityData) => CoefficientResult]> = [
  ['percent', (d) => percentAgreement(d)],
  ['cohen', (d) => cohenKappa(d)],
  ['cohen linear', (d) => cohenKappa(d, { weighting: 'linear' })],
  ['cohen quadratic', (d) => cohenKappa(d, { weighting: 'quadratic' })],
  ['scott', (d) => scottPi(d)],
  ['fleiss', (d) => fleissKappa(d)],
  ['alpha nominal', (d) => krippendorffAlpha(d)],
  ['alpha ordinal', (d) => krippendorffAlpha(d, { level: 'ordinal' })],
  ['alpha interval', (d) => krippendorffAlpha(d, { level: 'interval' })],
  ['alpha ratio', (d) => krippendorffAlpha(d, { level: 'ratio' })],
  ['gwet ac1', (d) => gwetAC1(d)],
  ['brennan-prediger', (d) => brennanPrediger(d)],
];

function randomData(seed: number, units: number, coders = 2, missing = 0): ReliabilityData {
  const r = seededRandom(seed);
  const rows: Cell[][] = [];
  for (let u = 0; u < units; u++) {
    const truth = 1 + Math.floor(r() * 4);
    rows.push(Array.from({ length: coders }, () => (r() < missing ? null : r() < 0.7 ? truth : 1 + Math.floor(r() * 4))));
  }
  return { coders: Array.from({ length: coders }, (_, i) => `c${i}`), units: rows };
}

describe('coefficient properties', () => {
  for (const [name, f] of twoCoder) {
    it(`${name}: perfect agreement gives 1`, () => {
      const d: ReliabilityData = { coders: ['a', 'b'], units: [1, 2, 3, 4, 2, 1].map((v) => [v, v]) };
      expect(f(d).value).toBeCloseTo(1, 12);
    });
    it(`${name}: swapping the coders changes nothing`, () => {
      const d = randomData(7, 40);
      const swapped = { coders: ['c1', 'c0'], units: d.units.map(([a, b]) => [b, a]) };
      expect(f(swapped).value).toBeCloseTo(f(d).value, 12);
    });
    it(`${name}: the order of units changes nothing`, () => {
      const d = randomData(11, 40);
      const reversed = { ...d, units: [...d.units].reverse() };
      expect(f(reversed).value).toBeCloseTo(f(d).value, 12);
    });
    it(`${name}: a unit of weight w equals w copies`, () => {
      const d = randomData(13, 15);
      const weights = d.units.map((_, i) => 1 + (i % 4));
      const repeated = { coders: d.coders, units: d.units.flatMap((row, i) => Array.from({ length: weights[i] }, () => row)) };
      const a = f({ ...d, weights });
      const b = f(repeated);
      expect(a.value).toBeCloseTo(b.value, 10);
      expect(a.units).toBeCloseTo(b.units, 10);
      expect(a.observedDisagreement).toBeCloseTo(b.observedDisagreement, 10);
      expect(a.expectedDisagreement).toBeCloseTo(b.expectedDisagreement, 10);
    });
    it(`${name}: value = 1 - Do/De`, () => {
      const r = f(randomData(17, 30));
      if (r.coefficient !== 'percent_agreement') expect(r.value).toBeCloseTo(1 - r.observedDisagreement / r.expectedDisagreement, 12);
    });
  }

  it('multi-coder coefficients are symmetric in coders and handle missing values', () => {
    const d = randomData(19, 50, 4, 0.25);
    const permuted = { coders: ['c2', 'c0', 'c3', 'c1'], units: d.units.map((r) => [r[2], r[0], r[3], r[1]]) };
    for (const f of [krippendorffAlpha, fleissKappa, gwetAC1, percentAgreement, brennanPrediger]) {
      const v = f(d).value;
      expect(Number.isFinite(v)).toBe(true);
      expect(f(permuted).value).toBeCloseTo(v, 12);
    }
  });

  it('alpha ignores units with fewer than two values and counts pairable values', () => {
    const d: ReliabilityData = {
      coders: ['a', 'b', 'c'],
      units: [
        [1, 1, null],
        [2, 2, 2],
        [3, null, null],
        [null, null, null],
        [1, 2, null],
      ],
    };
    const a = krippendorffAlpha(d);
    expect(a.units).toBe(3);
    expect(a.pairableValues).toBe(7);
    const without = krippendorffAlpha({ coders: d.coders, units: [d.units[0], d.units[1], d.units[4]] });
    expect(a.value).toBeCloseTo(without.value, 12);
  });

  it('undefined coefficients are NaN, not a number that looks real', () => {
    const same: ReliabilityData = {
      coders: ['a', 'b'],
      units: [
        [1, 1],
        [1, 1],
      ],
    };
    expect(Number.isNaN(cohenKappa(same).value)).toBe(true);
    expect(Number.isNaN(krippendorffAlpha(same).value)).toBe(true);
    expect(percentAgreement(same).value).toBe(1);
  });

  it('two-coder coefficients refuse other numbers of coders', () => {
    expect(() => cohenKappa(randomData(1, 5, 3))).toThrow(/exactly two coders/);
    expect(() => scottPi(randomData(1, 5, 3))).toThrow(/exactly two coders/);
  });

  it('Fleiss with two coders equals Scott', () => {
    const d = randomData(23, 60);
    expect(fleissKappa(d).value).toBeCloseTo(scottPi(d).value, 12);
  });
});
