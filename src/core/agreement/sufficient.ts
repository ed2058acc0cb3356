// Sufficient statistics: every coefficient from the distinct unit patterns and their counts.
//
// Reliability data with N units has at most P distinct rows ("patterns"; 2 coders x 5 categories:
// at most 36, missing values included). A PatternTable holds each pattern once with its count.
// stats() sums, over patterns, a short vector of per-unit quantities (how many values, pairs that
// agree, category counts, the coincidences, the two-coder contingency table), each multiplied by
// a weight per pattern; every coefficient is then a function of that vector alone (finish()).
// A bootstrap replicate is new weights (a multinomial draw over the patterns, or over clusters of
// them) and costs O(P), not O(N). The point estimates equal the coefficient functions of the
// other files (tests/agreement/sufficient.test.ts checks that on random data).
import { distinctValues } from './reliability-data.ts';
import type { KappaWeighting, Level, ReliabilityData, Value } from './types.ts';
import { agreementWeights, distanceFunction } from './weights.ts';

export interface PatternTable {
  coders: string[];
  /** Categories seen in units with at least one value (or the given list): the index space. */
  categories: Value[];
  /** For each category index, its index among the categories seen in units with two or more values (-1: none). */
  pairable: Int32Array;
  /** How many categories are seen in units with two or more values (or the given list's length). */
  pairableCount: number;
  /** Pattern p's value from coder i is categories[cells[p * coders.length + i]], or missing (-1). */
  cells: Int32Array;
  /** How many units have pattern p (need not be whole for pooled stretches). */
  weights: Float64Array;
}

export const patternCount = (t: PatternTable) => t.weights.length;

/** Identical rows merged into patterns with counts. */
export function patternTable(data: ReliabilityData, categories?: Value[]): PatternTable {
  const width = data.coders.length;
  const cats = categories ?? distinctValues(data);
  const index = new Map<Value, number>(cats.map((c, i) => [c, i]));
  const rows = new Map<string, number>();
  const cells: number[] = [];
  const weights: number[] = [];
  const row = new Array<number>(width);
  data.units.forEach((unit, u) => {
    const w = data.weights ? data.weights[u] : 1;
    if (!(w > 0)) return;
    for (let i = 0; i < width; i++) {
      const v = unit[i];
      if (v === null || v === undefined) row[i] = -1;
      else {
        const k = index.get(v);
        if (k === undefined) throw new RangeError(`value ${JSON.stringify(v)} is not among the categories`);
        row[i] = k;
      }
    }
    const key = row.join(',');
    const p = rows.get(key);
    if (p !== undefined) weights[p] += w;
    else {
      rows.set(key, weights.length);
      weights.push(w);
      cells.push(...row);
    }
  });
  const pairable = new Int32Array(cats.length).fill(-1);
  let pairableCount = 0;
  if (categories) {
    pairable.forEach((_, k) => (pairable[k] = k));
    pairableCount = cats.length;
  } else {
    const seen = new Set<number>();
    for (let p = 0; p < weights.length; p++) {
      let m = 0;
      for (let i = 0; i < width; i++) if (cells[p * width + i] >= 0) m++;
      if (m >= 2) for (let i = 0; i < width; i++) if (cells[p * width + i] >= 0) seen.add(cells[p * width + i]);
    }
    // Categories keep their sorted order in both spaces.
    cats.forEach((_, k) => {
      if (seen.has(k)) pairable[k] = pairableCount++;
    });
  }
  return {
    coders: data.coders,
    categories: cats,
    pairable,
    pairableCount,
    cells: Int32Array.from(cells),
    weights: Float64Array.from(weights),
  };
}

/** Which parts of the statistics vector are needed: coincidences and pair counts cost q^2 per pattern. */
export interface StatsNeeds {
  coincidences?: boolean;
  pairs?: boolean;
  table?: boolean;
}

export interface Layout {
  q: number;
  size: number;
  pi: number;
  share: number;
  o: number;
  pairs: number;
  table: number;
  needs: StatsNeeds;
}

// Scalar slots: units with >= 1 value, units with >= 2 values, values in them, sum of
// same/(m-1) (agreeing ordered pairs per value), sum of same/(m(m-1)) (Fleiss' per-unit agreement).
const N1 = 0,
  N2 = 1,
  V2 = 2,
  SAME = 3,
  FPA = 4;

export function layout(t: PatternTable, needs: StatsNeeds): Layout {
  const q = t.categories.length;
  let at = 5;
  const pi = at;
  at += q;
  const share = at;
  at += q;
  const o = needs.coincidences ? at : -1;
  if (needs.coincidences) at += q * q;
  const pairs = needs.pairs ? at : -1;
  if (needs.pairs) at += q * q;
  const table = needs.table ? at : -1;
  if (needs.table) at += q * q;
  return { q, size: at, pi, share, o, pairs, table, needs };
}

/** Per pattern, once: its number of values, its categories with their counts, and its agreeing pairs. */
interface Compiled {
  m: Int32Array;
  start: Int32Array;
  cat: Int32Array;
  count: Float64Array;
  same: Float64Array;
  a: Int32Array;
  b: Int32Array;
}
const compiledTables = new WeakMap<PatternTable, Compiled>();

function compile(t: PatternTable): Compiled {
  const hit = compiledTables.get(t);
  if (hit) return hit;
  const width = t.coders.length;
  const P = t.weights.length;
  const counts = new Float64Array(t.categories.length);
  const m = new Int32Array(P);
  const start = new Int32Array(P + 1);
  const same = new Float64Array(P);
  const a = new Int32Array(P).fill(-1);
  const b = new Int32Array(P).fill(-1);
  const cat: number[] = [];
  const count: number[] = [];
  for (let p = 0; p < P; p++) {
    const used: number[] = [];
    for (let i = 0; i < width; i++) {
      const k = t.cells[p * width + i];
      if (k < 0) continue;
      if (counts[k] === 0) used.push(k);
      counts[k]++;
      m[p]++;
    }
    for (const k of used) {
      cat.push(k);
      count.push(counts[k]);
      same[p] += counts[k] * (counts[k] - 1);
      counts[k] = 0;
    }
    start[p + 1] = cat.length;
    if (width === 2) {
      a[p] = t.cells[2 * p];
      b[p] = t.cells[2 * p + 1];
    }
  }
  const c = { m, start, cat: Int32Array.from(cat), count: Float64Array.from(count), same, a, b };
  compiledTables.set(t, c);
  return c;
}

/** The statistics vector for per-pattern weights w (default: the table's own counts), added into `out`. */
export function stats(t: PatternTable, L: Layout, w: ArrayLike<number> = t.weights, out = new Float64Array(L.size)): Float64Array {
  const { m: ms, start, cat, count, same, a, b } = compile(t);
  const q = L.q;
  for (let p = 0; p < w.length; p++) {
    const wp = w[p];
    const m = ms[p];
    if (!wp || m === 0) continue;
    const e0 = start[p];
    const e1 = start[p + 1];
    out[N1] += wp;
    for (let e = e0; e < e1; e++) out[L.pi + cat[e]] += (wp * count[e]) / m;
    if (m < 2) continue;
    out[N2] += wp;
    out[V2] += wp * m;
    out[SAME] += (wp * same[p]) / (m - 1);
    out[FPA] += (wp * same[p]) / (m * (m - 1));
    for (let e = e0; e < e1; e++) out[L.share + cat[e]] += wp * count[e];
    if (L.o >= 0 || L.pairs >= 0) {
      for (let e = e0; e < e1; e++) {
        for (let f = e0; f < e1; f++) {
          const x = count[e] * (e === f ? count[e] - 1 : count[f]);
          if (L.o >= 0) out[L.o + cat[e] * q + cat[f]] += (wp * x) / (m - 1);
          if (L.pairs >= 0) out[L.pairs + cat[e] * q + cat[f]] += (wp * x) / (m * (m - 1));
        }
      }
    }
    if (L.table >= 0 && a[p] >= 0) out[L.table + a[p] * q + b[p]] += wp;
  }
  return out;
}

export interface Estimate {
  value: number;
  observedAgreement: number | null;
  expectedAgreement: number | null;
  observedDisagreement: number;
  expectedDisagreement: number;
  units: number;
  /** Why value is NaN (undefined), in words. */
  undefinedReason?: string;
}

export type CoefficientKind =
  'percent_agreement' | 'cohen_kappa' | 'scott_pi' | 'fleiss_kappa' | 'krippendorff_alpha' | 'gwet_ac' | 'brennan_prediger';

export interface CoefficientSpec {
  /** The name in the output, e.g. cohen_kappa_linear, krippendorff_alpha_interval. */
  name: string;
  kind: CoefficientKind;
  weighting?: KappaWeighting;
  level?: Level;
}

/** The coefficients that apply: Cohen and Scott need exactly two coders; weighted kappa and AC2 a non-nominal level. */
export function coefficientSpecs(coders: number, level: Level = 'nominal'): CoefficientSpec[] {
  const list: CoefficientSpec[] = [{ name: 'percent_agreement', kind: 'percent_agreement' }];
  // Ordinal -> linear weights, interval/ratio -> quadratic (Cohen 1968; Fleiss & Cohen 1973).
  const weighting: KappaWeighting = level === 'ordinal' ? 'linear' : 'quadratic';
  if (coders === 2) {
    list.push({ name: 'cohen_kappa', kind: 'cohen_kappa' });
    if (level !== 'nominal') list.push({ name: `cohen_kappa_${weighting}`, kind: 'cohen_kappa', weighting });
    list.push({ name: 'scott_pi', kind: 'scott_pi' });
  }
  list.push(
    { name: 'fleiss_kappa', kind: 'fleiss_kappa' },
    { name: `krippendorff_alpha_${level}`, kind: 'krippendorff_alpha', level },
    { name: 'gwet_ac1', kind: 'gwet_ac' },
  );
  if (level !== 'nominal') list.push({ name: `gwet_ac2_${weighting}`, kind: 'gwet_ac', weighting });
  list.push({ name: 'brennan_prediger', kind: 'brennan_prediger' });
  return list;
}

export function needsOf(specs: CoefficientSpec[], coders: number): StatsNeeds {
  return {
    table: coders === 2 && specs.some((s) => s.kind === 'cohen_kappa' || s.kind === 'scott_pi'),
    coincidences: specs.some((s) => s.kind === 'krippendorff_alpha' && (s.level ?? 'nominal') !== 'nominal'),
    pairs: specs.some((s) => s.kind === 'gwet_ac' && (s.weighting ?? 'unweighted') !== 'unweighted'),
  };
}

// Weight matrices and their sums, made once per (categories, weighting): finish() runs per replicate.
const weightCache = new Map<string, { w: number[][]; total: number }>();
function weightsOf(q: number, weighting: KappaWeighting) {
  const key = `${q}:${weighting}`;
  let hit = weightCache.get(key);
  if (!hit) {
    const w = agreementWeights(q, weighting);
    weightCache.set(key, (hit = { w, total: w.reduce((a, r) => a + r.reduce((x, y) => x + y, 0), 0) }));
  }
  return hit;
}

function chanceCorrected(ao: number, ae: number, units: number, why: () => string | undefined): Estimate {
  const undefinedReason = units === 0 ? 'no unit has values from two coders' : Math.abs(1 - ae) < 1e-12 ? why() : undefined;
  return {
    value: undefinedReason ? NaN : (ao - ae) / (1 - ae),
    observedAgreement: units === 0 ? NaN : ao,
    expectedAgreement: units === 0 ? NaN : ae,
    observedDisagreement: units === 0 ? NaN : 1 - ao,
    expectedDisagreement: units === 0 ? NaN : 1 - ae,
    units,
    undefinedReason,
  };
}

const oneCategory = (t: PatternTable, s: Float64Array, L: Layout, what: string) => {
  const used = t.categories.filter((_, k) => s[L.share + k] > 0);
  return used.length === 1
    ? `every value is ${JSON.stringify(used[0])}: with one category chance agreement is 1, so ${what} is 0/0`
    : `chance agreement is 1, so ${what} is 0/0`;
};

/** A coefficient's estimate from the statistics vector. */
export function finish(spec: CoefficientSpec, t: PatternTable, L: Layout, s: Float64Array): Estimate {
  const q = L.q;
  const n2 = s[N2];
  switch (spec.kind) {
    case 'percent_agreement': {
      const ao = s[V2] === 0 ? NaN : s[SAME] / s[V2];
      return {
        value: ao,
        observedAgreement: ao,
        expectedAgreement: 0,
        observedDisagreement: 1 - ao,
        expectedDisagreement: 1,
        units: n2,
        undefinedReason: n2 === 0 ? 'no unit has values from two coders' : undefined,
      };
    }
    case 'brennan_prediger': {
      const qq = t.pairableCount;
      return chanceCorrected(s[SAME] / s[V2], qq > 0 ? 1 / qq : 1, n2, () => oneCategory(t, s, L, 'Brennan-Prediger'));
    }
    case 'fleiss_kappa': {
      let ae = 0;
      for (let k = 0; k < q; k++) ae += (s[L.share + k] / s[V2]) ** 2;
      return chanceCorrected(s[FPA] / n2, ae, n2, () => oneCategory(t, s, L, "Fleiss' kappa"));
    }
    case 'cohen_kappa':
    case 'scott_pi': {
      const rows = new Float64Array(q);
      const cols = new Float64Array(q);
      for (let a = 0; a < q; a++)
        for (let b = 0; b < q; b++) {
          const x = s[L.table + a * q + b];
          rows[a] += x;
          cols[b] += x;
        }
      const weighting = spec.weighting ?? 'unweighted';
      const { w } = weightsOf(t.pairableCount, weighting);
      let ao = 0;
      let ae = 0;
      for (let a = 0; a < q; a++) {
        const ia = t.pairable[a];
        if (ia < 0) continue;
        for (let b = 0; b < q; b++) {
          const ib = t.pairable[b];
          if (ib < 0) continue;
          const wab = w[ia][ib];
          if (wab === 0) continue;
          ao += (wab * s[L.table + a * q + b]) / n2;
          ae +=
            spec.kind === 'cohen_kappa'
              ? (wab * rows[a] * cols[b]) / (n2 * n2)
              : (wab * (rows[a] + cols[a]) * (rows[b] + cols[b])) / (4 * n2 * n2);
        }
      }
      const name = spec.kind === 'cohen_kappa' ? "Cohen's kappa" : "Scott's pi";
      return chanceCorrected(ao, ae, n2, () => {
        const single = (m: Float64Array) => t.categories.filter((_, k) => m[k] > 0);
        const [a, b] = [single(rows), single(cols)];
        return a.length === 1 && b.length === 1
          ? `each coder used one category only (${JSON.stringify(a[0])}${a[0] === b[0] ? '' : ` and ${JSON.stringify(b[0])}`}): chance agreement is 1, so ${name} is 0/0`
          : `chance agreement is 1, so ${name} is 0/0`;
      });
    }
    case 'gwet_ac': {
      const weighting = spec.weighting ?? 'unweighted';
      const { w, total: tw } = weightsOf(q, weighting);
      let pa = s[FPA];
      if (weighting !== 'unweighted') {
        pa = 0;
        for (let k = 0; k < q; k++) for (let l = 0; l < q; l++) pa += w[k][l] * s[L.pairs + k * q + l];
      }
      pa /= n2;
      let spread = 0;
      for (let k = 0; k < q; k++) {
        const x = s[L.pi + k] / s[N1];
        spread += x * (1 - x);
      }
      const pe = q > 1 ? (tw / (q * (q - 1))) * spread : 1;
      return chanceCorrected(
        pa,
        pe,
        n2,
        () => `only one category (${JSON.stringify(t.categories[0])}) occurs: Gwet's AC needs two or more`,
      );
    }
    case 'krippendorff_alpha': {
      const level = spec.level ?? 'nominal';
      const total = s[V2];
      const n = Array.from({ length: q }, (_, k) => s[L.share + k]);
      let dO: number;
      let dE: number;
      if (level === 'nominal') {
        dO = (total - s[SAME]) / total;
        dE = (total * total - n.reduce((a, x) => a + x * x, 0)) / (total * (total - 1));
      } else {
        let delta: (c: number, k: number) => number;
        try {
          delta = distanceFunction(level, t.categories, n);
        } catch (e) {
          return {
            value: NaN,
            observedAgreement: null,
            expectedAgreement: null,
            observedDisagreement: NaN,
            expectedDisagreement: NaN,
            units: n2,
            undefinedReason: (e as Error).message,
          };
        }
        let obs = 0;
        let exp = 0;
        for (let c = 0; c < q; c++)
          for (let k = 0; k < q; k++) {
            if (c === k || (n[c] === 0 && n[k] === 0)) continue;
            const d = delta(c, k);
            obs += s[L.o + c * q + k] * d;
            exp += n[c] * n[k] * d;
          }
        dO = obs / total;
        dE = exp / (total * (total - 1));
      }
      const undefinedReason =
        total === 0
          ? 'no unit has values from two coders'
          : dE === 0
            ? `all pairable values are ${n.filter((x) => x > 0).length === 1 ? `${JSON.stringify(t.categories[n.findIndex((x) => x > 0)])}` : 'alike'}: with no variation alpha is 0/0 (Krippendorff 2011)`
            : undefined;
      const nominal = level === 'nominal';
      return {
        value: undefinedReason ? NaN : 1 - dO / dE,
        observedAgreement: nominal ? 1 - dO : null,
        expectedAgreement: nominal ? 1 - dE : null,
        observedDisagreement: dO,
        expectedDisagreement: dE,
        units: n2,
        undefinedReason,
      };
    }
  }
}
