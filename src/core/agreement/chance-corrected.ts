// The shape every agreement-style coefficient shares: (Ao - Ae) / (1 - Ae).
import type { CoefficientName, CoefficientResult, Value } from './types.ts';

export function agreementResult(
  coefficient: CoefficientName,
  ao: number,
  ae: number,
  units: number,
  coders: number,
  categories: Value[],
): CoefficientResult {
  // 1 - Ae = 0 means chance alone explains any agreement: the coefficient is undefined.
  const value = units === 0 || Math.abs(1 - ae) < 1e-12 ? NaN : (ao - ae) / (1 - ae);
  return {
    coefficient,
    value,
    observedAgreement: ao,
    expectedAgreement: ae,
    observedDisagreement: 1 - ao,
    expectedDisagreement: 1 - ae,
    units,
    coders,
    categories,
  };
}
