// Bootstrap confidence intervals for any coefficient over raw units, reproducible through a seeded
// PRNG. The summaries use the faster pattern and cluster bootstraps of intervals.ts; this generic
// one stays for statistics that are not functions of the pattern counts.
//
// Method: a plain unit bootstrap with percentile limits. Units (not pairs of values) are drawn
// with replacement. Weighted units (e.g. character stretches) use the Poisson bootstrap: each
// distinct unit of weight w gets a Poisson(w) count. Adjacent characters are not independent:
// for text, resample whole documents (intervals.ts clusterBootstrap), as agreement.compute does.
import { quantile, seededRandom } from './sampling.ts';
import type { ConfidenceInterval, ReliabilityData } from './types.ts';

export { quantile, seededRandom };

function poisson(mean: number, random: () => number): number {
  if (mean <= 0) return 0;
  if (mean > 30) {
    // Normal approximation: exact sampling would cost O(mean) per draw.
    const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * z));
  }
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random();
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}

export function resample(data: ReliabilityData, random: () => number): ReliabilityData {
  if (!data.weights) {
    const n = data.units.length;
    const units = [];
    for (let i = 0; i < n; i++) units.push(data.units[Math.floor(random() * n)]);
    return { coders: data.coders, units };
  }
  const units = [];
  const weights = [];
  for (let i = 0; i < data.units.length; i++) {
    const w = poisson(data.weights[i], random);
    if (w > 0) {
      units.push(data.units[i]);
      weights.push(w);
    }
  }
  return { coders: data.coders, units, weights };
}

export interface BootstrapOptions {
  /** Number of replicates (default 1000). */
  n?: number;
  seed?: number;
  /** Confidence level (default 0.95). */
  level?: number;
}

export function bootstrapInterval(
  data: ReliabilityData,
  statistic: (sample: ReliabilityData) => number,
  options: BootstrapOptions = {},
): ConfidenceInterval {
  const n = options.n ?? 1000;
  const seed = options.seed ?? 1;
  const level = options.level ?? 0.95;
  const random = seededRandom(seed);
  const values: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = statistic(resample(data, random));
    // Replicates where the coefficient is undefined (no variation drawn) are left out.
    if (Number.isFinite(v)) values.push(v);
  }
  values.sort((a, b) => a - b);
  return {
    lower: quantile(values, (1 - level) / 2),
    upper: quantile(values, 1 - (1 - level) / 2),
    level,
    replicates: values.length,
    method: data.weights ? 'poisson-unit-bootstrap-percentile' : 'unit-bootstrap-percentile',
    seed,
  };
}

/** Wald interval value ± z * se (for coefficients with an analytic standard error). */
export function normalInterval(value: number, standardError: number, level = 0.95): { lower: number; upper: number } {
  // z for the common levels; other levels fall back to 95%.
  const z = level === 0.9 ? 1.6448536 : level === 0.99 ? 2.5758293 : 1.959964;
  return { lower: value - z * standardError, upper: value + z * standardError };
}
