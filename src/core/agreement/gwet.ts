// Gwet's AC1 (2008) and its weighted form AC2: chance agreement shrinks when one category
// dominates, so AC1 avoids kappa's "paradox" of low values at high agreement.
import { agreementResult } from './chance-corrected.ts';
import { activeCoders } from './reliability-data.ts';
import type { CoefficientResult, KappaWeighting, ReliabilityData, Value } from './types.ts';
import { totalWeight, unitCounts } from './unit-counts.ts';
import { agreementWeights } from './weights.ts';

/**
 * Follows Gwet's handbook (and irrCAC's gwet.ac1.raw) for any number of coders and missing
 * values: observed agreement over units with two or more values; category shares pi_k over all
 * units with at least one value; Pe = T_w / (q (q - 1)) * sum pi_k (1 - pi_k), with T_w the sum
 * of the weights (q for AC1). q counts `categories` if given, else the categories seen.
 */
export function gwetAC(data: ReliabilityData, options: { weighting?: KappaWeighting; categories?: Value[] } = {}): CoefficientResult {
  const weighting = options.weighting ?? 'unweighted';
  const all = unitCounts(data, 1, options.categories);
  const q = all.categories.length;
  const w = agreementWeights(q, weighting);
  let pa = 0;
  let paUnits = 0;
  const pi = all.categories.map(() => 0);
  for (const u of all.units) {
    u.counts.forEach((c, k) => (pi[k] += (u.weight * c) / u.m));
    if (u.m < 2) continue;
    let agree = 0;
    u.counts.forEach((c, k) => {
      let weighted = 0;
      u.counts.forEach((cl, l) => (weighted += w[k][l] * cl));
      agree += c * (weighted - 1);
    });
    pa += (u.weight * agree) / (u.m * (u.m - 1));
    paUnits += u.weight;
  }
  pa /= paUnits;
  const nAll = totalWeight(all);
  const tw = w.reduce((s, r) => s + r.reduce((a, b) => a + b, 0), 0);
  const spread = pi.reduce((s, x) => s + (x / nAll) * (1 - x / nAll), 0);
  const pe = q > 1 ? (tw / (q * (q - 1))) * spread : 1;
  const name = weighting === 'unweighted' ? 'gwet_ac1' : 'gwet_ac2';
  return agreementResult(name, pa, pe, paUnits, activeCoders(data), all.categories);
}

export function gwetAC1(data: ReliabilityData, options: { categories?: Value[] } = {}): CoefficientResult {
  return gwetAC(data, { ...options, weighting: 'unweighted' });
}
