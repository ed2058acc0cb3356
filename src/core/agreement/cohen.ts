// Cohen's kappa (1960) and weighted kappa (Cohen 1968) for exactly two coders.
import { marginals, twoCoderTable } from './reliability-data.ts';
import { agreementResult } from './chance-corrected.ts';
import type { CohenResult, KappaWeighting, ReliabilityData, Value } from './types.ts';
import { agreementWeights } from './weights.ts';

export interface CohenOptions {
  weighting?: KappaWeighting;
  /** Full ordered category list; needed for weighted kappa when a category was never used. */
  categories?: Value[];
  /** Custom disagreement weight 0..1 between two values (overrides `weighting`). */
  distance?: (a: Value, b: Value) => number;
}

/**
 * Units missing either coder's value are dropped. Chance agreement uses each coder's own
 * marginals (unlike Scott's pi), so kappa rewards coders whose marginals differ.
 */
export function cohenKappa(data: ReliabilityData, options: CohenOptions = {}): CohenResult {
  const weighting = options.weighting ?? 'unweighted';
  const t = twoCoderTable(data, options.categories);
  const { rows, cols } = marginals(t);
  const custom = options.distance;
  const w = custom ? t.categories.map((a) => t.categories.map((b) => 1 - custom(a, b))) : agreementWeights(t.categories.length, weighting);
  const n = t.total;
  let ao = 0;
  let ae = 0;
  t.counts.forEach((row, i) =>
    row.forEach((count, j) => {
      ao += (w[i][j] * count) / n;
      ae += (w[i][j] * rows[i] * cols[j]) / (n * n);
    }),
  );
  const base = agreementResult('cohen_kappa', ao, ae, n, 2, t.categories);
  let standardError: number | null = null;
  let maxValue: number | null = null;
  if (weighting === 'unweighted' && !custom && n > 0) {
    standardError = Math.sqrt((ao * (1 - ao)) / (n * (1 - ae) * (1 - ae)));
    const aoMax = rows.reduce((s, r, i) => s + Math.min(r, cols[i]), 0) / n;
    maxValue = (aoMax - ae) / (1 - ae);
  }
  return { ...base, coefficient: 'cohen_kappa', weighting, standardError, maxValue };
}
