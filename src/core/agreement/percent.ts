// Percent agreement: the share of agreeing pairs of values, no correction for chance.
import { activeCoders } from './reliability-data.ts';
import type { CoefficientResult, ReliabilityData, Value } from './types.ts';
import { pairwiseObservedAgreement, totalWeight, unitCounts } from './unit-counts.ts';

/**
 * With two coders this is the share of units (with both values) where they agree. With more
 * coders it is the pairwise agreement of unitCounts.ts (values-weighted mean over units).
 */
export function percentAgreement(data: ReliabilityData, options: { categories?: Value[] } = {}): CoefficientResult {
  const uc = unitCounts(data, 2, options.categories);
  const ao = pairwiseObservedAgreement(uc);
  return {
    coefficient: 'percent_agreement',
    value: ao,
    observedAgreement: ao,
    expectedAgreement: 0,
    observedDisagreement: 1 - ao,
    expectedDisagreement: 1,
    units: totalWeight(uc),
    coders: activeCoders(data),
    categories: uc.categories,
  };
}
