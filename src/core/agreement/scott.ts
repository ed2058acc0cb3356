// Scott's pi (1955): two coders, chance agreement from the pooled marginals of both coders.
import { agreementResult } from './chance-corrected.ts';
import { marginals, twoCoderTable } from './reliability-data.ts';
import type { CoefficientResult, ReliabilityData, Value } from './types.ts';

export function scottPi(data: ReliabilityData, options: { categories?: Value[] } = {}): CoefficientResult {
  const t = twoCoderTable(data, options.categories);
  const { rows, cols } = marginals(t);
  const n = t.total;
  let ao = 0;
  let ae = 0;
  t.categories.forEach((_, i) => {
    ao += t.counts[i][i] / n;
    const p = (rows[i] + cols[i]) / (2 * n);
    ae += p * p;
  });
  return agreementResult('scott_pi', ao, ae, n, 2, t.categories);
}
