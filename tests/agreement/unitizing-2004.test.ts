// Krippendorff's (2004) alpha_U, the definition DKPro Statistics implements, on the book's p.254
// example. The example is not among shared/agreement/reference_cases.json; it is built here from
// the book's description as DKPro Statistics' Krippendorff2004Test transcribes it: a continuum
// from 150 to 450, two coders, categories c and k; coder i has c at 225+70 and 370+30 and k at
// 180+60 and 300+50; coder j has c at 220+80, 355+20 and 400+20 and k at 180+60 and 300+50
// ([offset + length]). The book gives 0.8591 overall, 0.7286 for c and 1.0 for k.
import { describe, expect, it } from 'vitest';
import { unitizingAlpha1995, unitizingAlpha1995Overall, type Coding } from '../../src/core/agreement/index.ts';

const UNITS: Array<[number, number, 'i' | 'j', string]> = [
  [225, 70, 'i', 'c'],
  [370, 30, 'i', 'c'],
  [220, 80, 'j', 'c'],
  [355, 20, 'j', 'c'],
  [400, 20, 'j', 'c'],
  [180, 60, 'i', 'k'],
  [300, 50, 'i', 'k'],
  [180, 60, 'j', 'k'],
  [300, 50, 'j', 'k'],
];
const codings: Coding[] = UNITS.map(([start, length, coder, code]) => ({ coder, code, start, end: start + length }));
const continuum = { begin: 150, length: 300 };
const coders = ['i', 'j'];

describe("Krippendorff's (2004) alpha_U: the book's p.254 example", () => {
  it('gives c 0.7286 (D_o 0.0144, D_e 0.0532) and k 1.0 (D_o 0, D_e 0.0490), to the printed digits', () => {
    const c = unitizingAlpha1995(continuum, coders, codings, 'c');
    expect(c.value).toBeCloseTo(0.7286, 4);
    expect(c.observedDisagreement).toBeCloseTo(0.0144, 4);
    expect(c.expectedDisagreement).toBeCloseTo(0.0532, 4);
    const k = unitizingAlpha1995(continuum, coders, codings, 'k');
    expect(k.value).toBe(1);
    expect(k.observedDisagreement).toBe(0);
    expect(k.expectedDisagreement).toBeCloseTo(0.049, 4);
  });

  it('gives 0.8591 overall: exactly from the book’s rounded D values, within 0.0005 (as DKPro asserts) from the exact ones', () => {
    const all = unitizingAlpha1995Overall(continuum, coders, codings);
    // The book divides the mean D_o by the mean D_e after rounding each to four places.
    const round4 = (x: number) => Math.round(x * 1e4) / 1e4;
    const dO = round4(all.observedDisagreement);
    const dE = round4(all.expectedDisagreement);
    expect([dO, dE]).toEqual([0.0072, 0.0511]);
    expect(1 - dO / dE).toBeCloseTo(0.8591, 4);
    expect(Math.abs(all.value - 0.8591)).toBeLessThan(0.0005);
  });

  it('takes codes that overlap within one coder (k and c overlap in both coders here), code by code', () => {
    const iCodes = codings.filter((x) => x.coder === 'i');
    const overlap = iCodes.some((a) => iCodes.some((b) => a.code !== b.code && a.start < b.end && b.start < a.end));
    expect(overlap).toBe(true);
    expect(unitizingAlpha1995Overall(continuum, coders, codings).perCategory.map((r) => r.category)).toEqual(['c', 'k']);
  });
});
