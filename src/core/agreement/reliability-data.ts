// Building and reshaping reliability data (units x coders). Every coefficient reads this shape.
import type { Cell, ReliabilityData, Value } from './types.ts';

export function unitWeight(data: ReliabilityData, unit: number): number {
  return data.weights ? data.weights[unit] : 1;
}

/** Numbers ascending, then strings in code-point order: a stable order for ordinal weights. */
export function compareValues(a: Value, b: Value): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Distinct non-missing values of the given units (all units by default), sorted. */
export function distinctValues(data: ReliabilityData, keep?: (unit: number) => boolean): Value[] {
  const seen = new Set<Value>();
  data.units.forEach((row, u) => {
    if (keep && !keep(u)) return;
    for (const v of row) if (v !== null) seen.add(v);
  });
  return [...seen].sort(compareValues);
}

/** Index of each category; throws on a value outside an explicit category list. */
export function categoryIndex(categories: Value[]): (v: Value) => number {
  const index = new Map<Value, number>();
  categories.forEach((c, i) => index.set(c, i));
  return (v) => {
    const i = index.get(v);
    if (i === undefined) throw new RangeError(`value ${JSON.stringify(v)} is not among the categories`);
    return i;
  };
}

export function fromObserversByUnits(rows: Cell[][], coders?: string[]): ReliabilityData {
  const nUnits = Math.max(0, ...rows.map((r) => r.length));
  const units: Cell[][] = [];
  for (let u = 0; u < nUnits; u++) units.push(rows.map((r) => (r[u] === undefined ? null : r[u])));
  return { coders: coders ?? rows.map((_, i) => `coder${i + 1}`), units };
}

export function fromPairs(pairs: Array<[Cell, Cell]>): ReliabilityData {
  return { coders: ['coder1', 'coder2'], units: pairs.map(([a, b]) => [a, b]) };
}

/** `[count, coder1 value, coder2 value]` rows (DKPro's addMultipleItems) as weighted units. */
export function fromCountedPairs(rows: Array<[number, Value, Value]>): ReliabilityData {
  return {
    coders: ['coder1', 'coder2'],
    units: rows.map(([, a, b]) => [a, b]),
    weights: rows.map(([n]) => n),
  };
}

/** A contingency table (rows coder 1, columns coder 2) as weighted units. */
export function fromContingencyTable(table: number[][], categories: Value[]): ReliabilityData {
  const rows: Array<[number, Value, Value]> = [];
  table.forEach((row, i) =>
    row.forEach((n, j) => {
      if (n > 0) rows.push([n, categories[i], categories[j]]);
    }),
  );
  return fromCountedPairs(rows);
}

/** Present/absent data for one category: 1 where a coder chose it, 0 where they chose another. */
export function binarize(data: ReliabilityData, category: Value): ReliabilityData {
  return {
    ...data,
    units: data.units.map((row) => row.map((v) => (v === null ? null : v === category ? 1 : 0))),
  };
}

/** Units of several data sets one after the other (same coders, in the same column order). */
export function concatData(parts: ReliabilityData[]): ReliabilityData {
  if (parts.length === 0) return { coders: [], units: [] };
  const coders = parts[0].coders;
  for (const p of parts) {
    if (p.coders.length !== coders.length || p.coders.some((c, i) => c !== coders[i])) {
      throw new RangeError('cannot pool reliability data with different coders');
    }
  }
  const anyWeights = parts.some((p) => p.weights);
  const units: Cell[][] = [];
  const weights: number[] = [];
  for (const p of parts) {
    p.units.forEach((row, u) => {
      units.push(row);
      weights.push(unitWeight(p, u));
    });
  }
  return anyWeights ? { coders, units, weights } : { coders, units };
}

/** Count of coders with at least one value. */
export function activeCoders(data: ReliabilityData): number {
  let n = 0;
  for (let c = 0; c < data.coders.length; c++) {
    if (data.units.some((row) => row[c] !== null)) n++;
  }
  return n;
}

export interface TwoCoderTable {
  categories: Value[];
  /** counts[i][j]: weight of units where coder A chose categories[i] and coder B categories[j]. */
  counts: number[][];
  total: number;
}

/**
 * Cross-table of two coders over the units where both gave a value (listwise deletion, as in
 * Cohen 1960 and R irr). Throws when the data do not have exactly two coders.
 */
export function twoCoderTable(data: ReliabilityData, categories?: Value[]): TwoCoderTable {
  if (data.coders.length !== 2) {
    throw new RangeError(`this coefficient needs exactly two coders, got ${data.coders.length}`);
  }
  const both = (u: number) => data.units[u][0] !== null && data.units[u][1] !== null;
  const cats = categories ?? distinctValues(data, both);
  const idx = categoryIndex(cats);
  const counts = cats.map(() => cats.map(() => 0));
  let total = 0;
  data.units.forEach((row, u) => {
    if (!both(u)) return;
    const w = unitWeight(data, u);
    counts[idx(row[0] as Value)][idx(row[1] as Value)] += w;
    total += w;
  });
  return { categories: cats, counts, total };
}

export function marginals(t: TwoCoderTable): { rows: number[]; cols: number[] } {
  const rows = t.counts.map((r) => r.reduce((s, x) => s + x, 0));
  const cols = t.categories.map((_, j) => t.counts.reduce((s, r) => s + r[j], 0));
  return { rows, cols };
}

/**
 * Fleiss-style counts (rows units, columns categories: how many coders chose each) as
 * reliability data. Coder identity is lost, so only coder-exchangeable coefficients (Fleiss,
 * alpha, AC1, percent agreement) are meaningful on the result.
 */
export function fromCategoryCounts(counts: number[][], categories: Value[]): ReliabilityData {
  const m = Math.max(0, ...counts.map((r) => r.reduce((s, x) => s + x, 0)));
  const units: Cell[][] = counts.map((r) => {
    const row: Cell[] = [];
    r.forEach((n, k) => {
      for (let i = 0; i < n; i++) row.push(categories[k]);
    });
    while (row.length < m) row.push(null);
    return row;
  });
  return { coders: Array.from({ length: m }, (_, i) => `rater${i + 1}`), units };
}
