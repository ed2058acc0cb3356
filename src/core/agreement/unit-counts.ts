// Per-unit category counts: the common first step of every multi-coder coefficient.
import { categoryIndex, distinctValues, unitWeight } from './reliability-data.ts';
import type { ReliabilityData, Value } from './types.ts';

export interface UnitCounts {
  categories: Value[];
  /** For each unit: weight, number of values m, and counts per category index. */
  units: Array<{ weight: number; m: number; counts: number[] }>;
}

/** Counts of each category per unit; units with fewer than `minValues` values are left out. */
export function unitCounts(data: ReliabilityData, minValues: number, categories?: Value[]): UnitCounts {
  const nonMissing = (u: number) => data.units[u].filter((v) => v !== null).length;
  const cats = categories ?? distinctValues(data, (u) => nonMissing(u) >= minValues);
  const idx = categoryIndex(cats);
  const units: UnitCounts['units'] = [];
  data.units.forEach((row, u) => {
    if (nonMissing(u) < minValues) return;
    const counts = cats.map(() => 0);
    let m = 0;
    for (const v of row) {
      if (v === null) continue;
      counts[idx(v)]++;
      m++;
    }
    units.push({ weight: unitWeight(data, u), m, counts });
  });
  return { categories: cats, units };
}

/** Sum of unit weights. */
export function totalWeight(uc: UnitCounts): number {
  return uc.units.reduce((s, u) => s + u.weight, 0);
}

/**
 * Pairwise observed agreement: within each unit, the share of ordered pairs of values from
 * different coders that agree, weighted by the unit's number of values (so it equals 1 - D_o of
 * nominal alpha, and DKPro's multi-rater percentage agreement).
 */
export function pairwiseObservedAgreement(uc: UnitCounts): number {
  let agree = 0;
  let values = 0;
  for (const u of uc.units) {
    let same = 0;
    for (const n of u.counts) same += n * (n - 1);
    agree += (u.weight * same) / (u.m - 1);
    values += u.weight * u.m;
  }
  return values === 0 ? NaN : agree / values;
}
