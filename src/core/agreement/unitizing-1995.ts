// Krippendorff's (1995, 2004) alpha_U for one category: two or more coders mark stretches of a
// continuum; the distance between two coders' units is the squared difference of their begin
// and end points, and a unit lying inside the other coder's gap costs its squared length.
// Expected disagreement considers all placements of all units over all gaps. Checked against
// DKPro Statistics' KrippendorffAlphaUnitizingAgreement and Krippendorff (1995, p. 57).
import { partition, type Continuum, type Section } from './sections.ts';
import type { Coding } from './types.ts';

export interface Unitizing1995Result {
  category: string;
  value: number;
  observedDisagreement: number;
  expectedDisagreement: number;
  /** Units of this category over all coders. */
  units: number;
}

function distance(a: Section, b: Section): number {
  const la = a.end - a.start;
  const lb = b.end - b.start;
  const beginDiff = a.start - b.start;
  if (a.value !== null && b.value !== null) {
    // Overlapping units: squared differences of both boundaries.
    return -la < beginDiff && beginDiff < lb ? beginDiff ** 2 + (a.end - b.end) ** 2 : 0;
  }
  if (a.value !== null && b.value === null) return beginDiff >= 0 && a.end <= b.end ? la * la : 0;
  if (a.value === null && b.value !== null) return beginDiff <= 0 && b.end <= a.end ? lb * lb : 0;
  return 0;
}

/** Sum of distances over all pairs of sections of two coders that meet (two-pointer sweep). */
function pairDisagreement(x: Section[], y: Section[]): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    sum += distance(x[i], y[j]);
    if (x[i].end < y[j].end) i++;
    else if (y[j].end < x[i].end) j++;
    else {
      i++;
      j++;
    }
  }
  return sum;
}

export function unitizingAlpha1995(continuum: Continuum, coders: string[], codings: Coding[], category: string): Unitizing1995Result {
  const L = continuum.length;
  const R = coders.length;
  const mine = codings.filter((c) => c.code === category);
  const parts = coders.map((coder) =>
    partition(
      mine.filter((c) => c.coder === coder),
      continuum,
    ),
  );

  let observed = 0;
  for (let a = 0; a < R; a++) for (let b = a + 1; b < R; b++) observed += pairDisagreement(parts[a], parts[b]);
  const dO = (2 * observed) / (R * (R - 1) * L * L);

  const unitLengths: number[] = [];
  const gaps: number[] = [];
  for (const p of parts) for (const s of p) (s.value === null ? gaps : unitLengths).push(s.end - s.start);
  gaps.sort((p, q) => p - q);
  // suffix sums so that "all gaps at least l long" is one binary search per unit.
  const suffix = new Array<number>(gaps.length + 1).fill(0);
  for (let k = gaps.length - 1; k >= 0; k--) suffix[k] = suffix[k + 1] + gaps[k];
  const firstAtLeast = (l: number) => {
    let lo = 0;
    let hi = gaps.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (gaps[mid] >= l) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const N = unitLengths.length;
  let expected = 0;
  let selfPairs = 0;
  for (const l of unitLengths) {
    selfPairs += l * (l - 1);
    const k = firstAtLeast(l);
    const placements = suffix[k] - (gaps.length - k) * (l - 1);
    expected += ((N - 1) * (2 * l ** 3 - 3 * l ** 2 + l)) / 3 + l * l * placements;
  }
  const dE = ((2 / L) * expected) / (R * L * (R * L - 1) - selfPairs);
  // DKPro's convention: equal disagreements (including 0 = 0) give 0, not NaN.
  const value = dO === dE ? 0 : 1 - dO / dE;
  return { category, value, observedDisagreement: dO, expectedDisagreement: dE, units: N };
}

/** All categories together: 1 - mean D_o / mean D_e (DKPro's study-level alpha_U). */
export function unitizingAlpha1995Overall(continuum: Continuum, coders: string[], codings: Coding[]) {
  const categories = [...new Set(codings.map((c) => c.code))].sort();
  const per = categories.map((cat) => unitizingAlpha1995(continuum, coders, codings, cat));
  const dO = per.reduce((s, r) => s + r.observedDisagreement, 0) / per.length;
  const dE = per.reduce((s, r) => s + r.expectedDisagreement, 0) / per.length;
  return {
    value: per.length === 0 ? NaN : dO === dE ? 0 : 1 - dO / dE,
    observedDisagreement: dO,
    expectedDisagreement: dE,
    perCategory: per,
  };
}
