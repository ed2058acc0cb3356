// Brennan & Prediger (1981) kappa, also Bennett, Alpert & Goldstein's S (1954): chance agreement
// is 1/q for q categories, as if every category were equally likely. MAXQDA uses it.
import { agreementResult } from './chance-corrected.ts';
import { activeCoders } from './reliability-data.ts';
import type { CoefficientResult, ReliabilityData, Value } from './types.ts';
import { pairwiseObservedAgreement, totalWeight, unitCounts } from './unit-counts.ts';

/**
 * q is the number of categories the coders could choose from: pass `categories` when some were
 * never used, otherwise the categories seen in the data are counted. With more than two coders
 * observed agreement is pairwise (von Eye 2006's extension).
 */
export function brennanPrediger(data: ReliabilityData, options: { categories?: Value[] } = {}): CoefficientResult {
  const uc = unitCounts(data, 2, options.categories);
  const q = uc.categories.length;
  const ao = pairwiseObservedAgreement(uc);
  return agreementResult('brennan_prediger', ao, q > 0 ? 1 / q : NaN, totalWeight(uc), activeCoders(data), uc.categories);
}
