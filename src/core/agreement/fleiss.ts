// Fleiss' kappa (1971): any number of coders; chance agreement from the pooled category shares.
// With two coders it equals Scott's pi.
import { agreementResult } from './chance-corrected.ts';
import { activeCoders } from './reliability-data.ts';
import type { FleissResult, ReliabilityData, Value } from './types.ts';
import { totalWeight, unitCounts } from './unit-counts.ts';

/**
 * Units with fewer than two values are left out. Fleiss assumed the same number of coders per
 * unit; with missing values each unit's agreement is over its own pairs, and the standard error
 * uses the mean number of values per unit (an approximation).
 */
export function fleissKappa(data: ReliabilityData, options: { categories?: Value[] } = {}): FleissResult {
  const uc = unitCounts(data, 2, options.categories);
  const n = totalWeight(uc);
  let ao = 0;
  let values = 0;
  const share = uc.categories.map(() => 0);
  for (const u of uc.units) {
    let same = 0;
    u.counts.forEach((c, k) => {
      same += c * (c - 1);
      share[k] += u.weight * c;
    });
    ao += (u.weight * same) / (u.m * (u.m - 1));
    values += u.weight * u.m;
  }
  ao /= n;
  const p = share.map((s) => s / values);
  const ae = p.reduce((s, x) => s + x * x, 0);
  const base = agreementResult('fleiss_kappa', ao, ae, n, activeCoders(data), uc.categories);

  const perCategory = new Map<Value, number>();
  uc.categories.forEach((cat, k) => {
    let disagreement = 0;
    for (const u of uc.units) disagreement += (u.weight * u.counts[k] * (u.m - u.counts[k])) / (u.m - 1);
    perCategory.set(cat, 1 - disagreement / (values * p[k] * (1 - p[k])));
  });

  const mBar = values / n;
  const pq = p.reduce((s, x) => s + x * (1 - x), 0);
  const pqqp = p.reduce((s, x) => s + x * (1 - x) * (1 - 2 * x), 0);
  const standardError = (Math.sqrt(2) * Math.sqrt(pq * pq - pqqp)) / (pq * Math.sqrt(n * mBar * (mBar - 1)));
  // The formula as printed in Fleiss (1971), later corrected; kept to compare with that paper.
  const s2 = p.reduce((s, x) => s + x * x, 0);
  const s3 = p.reduce((s, x) => s + x ** 3, 0);
  const standardError1971 = Math.sqrt(
    ((2 / (n * mBar * (mBar - 1))) * (s2 - (2 * mBar - 3) * s2 * s2 + 2 * (mBar - 2) * s3)) / (1 - s2) ** 2,
  );
  return { ...base, coefficient: 'fleiss_kappa', perCategory, standardError, standardError1971 };
}
