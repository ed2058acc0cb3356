// Krippendorff's alpha via the coincidence matrix (Krippendorff 2011, "Computing Krippendorff's
// alpha-reliability"): any number of coders, missing values, four levels of measurement.
import { activeCoders, binarize } from './reliability-data.ts';
import type { AlphaResult, Level, ReliabilityData, Value } from './types.ts';
import { unitCounts } from './unit-counts.ts';
import { distanceFunction } from './weights.ts';

export { distanceFunction };

/**
 * o_ck sums, over units with m_u >= 2 values, the ordered pairs of values (c, k) from different
 * coders, each weighted 1/(m_u - 1), so every pairable value contributes exactly 1 and n.. is the
 * number of pairable values. alpha = 1 - D_o / D_e with
 *   D_o = sum o_ck d2_ck / n..   and   D_e = sum n_c n_k d2_ck / (n.. (n.. - 1)).
 */
export function coincidenceMatrix(data: ReliabilityData, categories?: Value[]) {
  const uc = unitCounts(data, 2, categories);
  const q = uc.categories.length;
  const o = uc.categories.map(() => new Array<number>(q).fill(0));
  let pairableUnits = 0;
  for (const u of uc.units) {
    pairableUnits += u.weight;
    const f = u.weight / (u.m - 1);
    for (let c = 0; c < q; c++) {
      const nc = u.counts[c];
      if (nc === 0) continue;
      for (let k = 0; k < q; k++) {
        const nk = u.counts[k];
        if (nk === 0) continue;
        o[c][k] += f * nc * (c === k ? nc - 1 : nk);
      }
    }
  }
  return { categories: uc.categories, o, pairableUnits };
}

export function krippendorffAlpha(
  data: ReliabilityData,
  options: {
    level?: Level;
    categories?: Value[];
    /** A custom squared distance between two values (overrides `level`'s metric). */
    distance?: (a: Value, b: Value) => number;
  } = {},
): AlphaResult {
  const level = options.level ?? 'nominal';
  const { categories, o, pairableUnits } = coincidenceMatrix(data, options.categories);
  const n = o.map((row) => row.reduce((s, x) => s + x, 0));
  const total = n.reduce((s, x) => s + x, 0);
  const custom = options.distance;
  const delta = custom ? (c: number, k: number) => custom(categories[c], categories[k]) : distanceFunction(level, categories, n);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < categories.length; c++) {
    for (let k = 0; k < categories.length; k++) {
      if (c === k) continue;
      const d = delta(c, k);
      observed += o[c][k] * d;
      expected += n[c] * n[k] * d;
    }
  }
  const dO = observed / total;
  const dE = expected / (total * (total - 1));
  const agreementScale = level === 'nominal' || custom !== undefined;
  return {
    coefficient: 'krippendorff_alpha',
    level,
    // D_e = 0: all pairable values are identical, alpha is undefined (Krippendorff 2011).
    value: total === 0 || dE === 0 ? NaN : 1 - dO / dE,
    observedAgreement: agreementScale ? 1 - dO : null,
    expectedAgreement: agreementScale ? 1 - dE : null,
    observedDisagreement: dO,
    expectedDisagreement: dE,
    units: pairableUnits,
    coders: activeCoders(data),
    categories,
    pairableValues: total,
    coincidences: o,
  };
}

/** Nominal alpha for one category against all others (DKPro's category-specific alpha). */
export function krippendorffAlphaForCategory(data: ReliabilityData, category: Value): AlphaResult {
  return krippendorffAlpha(binarize(data, category), { level: 'nominal' });
}
