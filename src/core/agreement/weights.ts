// Agreement weights for ordered categories, by category index (as R irr and irrCAC do): the
// distance between the 1st and 3rd category is 2 whatever their labels. And Krippendorff's
// squared distances for alpha's four levels of measurement.
import type { KappaWeighting, Level, Value } from './types.ts';

export function agreementWeights(q: number, weighting: KappaWeighting): number[][] {
  const w: number[][] = [];
  for (let i = 0; i < q; i++) {
    w.push([]);
    for (let j = 0; j < q; j++) {
      const d = q > 1 ? Math.abs(i - j) / (q - 1) : 0;
      w[i].push(weighting === 'unweighted' ? (i === j ? 1 : 0) : weighting === 'linear' ? 1 - d : 1 - d * d);
    }
  }
  return w;
}

/** Squared distance between categories c and k (indices), given the value marginals n. */
export function distanceFunction(level: Level, categories: Value[], n: number[]): (c: number, k: number) => number {
  if (level === 'nominal') return (c, k) => (c === k ? 0 : 1);
  if (level === 'ordinal') {
    // Ranks, not values: the distance is the mass of values lying between the two categories.
    const cumulative: number[] = [];
    n.reduce((s, x, i) => (cumulative[i] = s + x), 0);
    return (c, k) => {
      const [lo, hi] = c < k ? [c, k] : [k, c];
      const between = cumulative[hi] - (lo > 0 ? cumulative[lo - 1] : 0);
      const d = between - (n[c] + n[k]) / 2;
      return d * d;
    };
  }
  const v = categories.map((x) => {
    if (typeof x !== 'number') throw new RangeError(`${level} alpha needs numeric values, got ${JSON.stringify(x)}`);
    return x;
  });
  if (level === 'interval') return (c, k) => (v[c] - v[k]) ** 2;
  return (c, k) => (v[c] + v[k] === 0 ? 0 : ((v[c] - v[k]) / (v[c] + v[k])) ** 2);
}
