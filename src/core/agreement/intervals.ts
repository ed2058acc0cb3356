// Standard errors and confidence intervals from the pattern table (sufficient.ts).
//
// - Analytic: Cohen's kappa with the Fleiss, Cohen & Everitt (1969) large-sample variance, as
//   psych::cohen.kappa computes it (normal critical value). Percent agreement, Fleiss' kappa,
//   Scott's pi, Gwet's AC1/AC2, Brennan-Prediger and Krippendorff's alpha with the linearised
//   variances of Gwet's Handbook (4th ed.) as the R package irrCAC computes them (*.raw functions):
//   var = sum_i (x_i - estimate)^2 / (n (n - 1)) over units, x_i a per-unit term; the interval is
//   estimate +- t(n - 1) se with the upper limit capped at 1, as irrCAC does. Units with the same
//   pattern have the same x_i, so the sum runs over patterns.
// - Bootstrap: replicates are multinomial draws of N units over the P patterns (or of D clusters
//   over the documents), so a replicate costs O(P); percentile limits (R's quantile type 7).
// - Krippendorff's bootstrap for alpha (Hayes & Krippendorff 2007): pairs of values are drawn
//   from the coincidence matrix, alpha* = 1 - sum delta / (M De); q(alpha < min) is the share of
//   replicates below a minimum.
import { multinomialSampler, quantile, seededRandom, tCritical, zCritical } from './sampling.ts';
import { finish, layout, stats, type CoefficientSpec, type Estimate, type Layout, type PatternTable } from './sufficient.ts';
import { agreementWeights, distanceFunction } from './weights.ts';

export interface AnalyticInterval {
  se: number;
  lower: number;
  upper: number;
  level: number;
  method: string;
}

export interface BootstrapResult {
  lower: number;
  upper: number;
  level: number;
  /** Replicates with a defined value (the others are left out). */
  replicates: number;
  seed: number;
  method: string;
}

/** Per pattern: category counts (over the table's categories) and the number of values m. */
function patternCounts(t: PatternTable) {
  const width = t.coders.length;
  const q = t.categories.length;
  const P = t.weights.length;
  const counts = new Float64Array(P * q);
  const m = new Int32Array(P);
  for (let p = 0; p < P; p++) {
    for (let i = 0; i < width; i++) {
      const k = t.cells[p * width + i];
      if (k >= 0) {
        counts[p * q + k]++;
        m[p]++;
      }
    }
  }
  return { counts, m, q, P };
}

/** Agreement weights (1 = same) of a coefficient over the table's categories. */
function weightsFor(spec: CoefficientSpec, t: PatternTable, n: number[]): number[][] {
  const q = t.categories.length;
  if (spec.kind === 'krippendorff_alpha' && (spec.level ?? 'nominal') !== 'nominal') {
    // irrCAC's weights are 1 - d / max d for the level's distance d; alpha does not change with the scale of d.
    const delta = distanceFunction(spec.level!, t.categories, n);
    const d = t.categories.map((_, c) => t.categories.map((__, k) => (c === k ? 0 : delta(c, k))));
    const max = Math.max(...d.flat());
    return d.map((r) => r.map((x) => (max > 0 ? 1 - x / max : 1)));
  }
  if (spec.kind === 'gwet_ac') return agreementWeights(q, spec.weighting ?? 'unweighted');
  return agreementWeights(q, 'unweighted');
}

const finite = (x: number) => Number.isFinite(x);

function interval(value: number, variance: number, df: number, level: number, method: string, t = true): AnalyticInterval | null {
  if (!finite(value) || !(variance >= 0) || !finite(variance) || df < 1) return null;
  const se = Math.sqrt(variance);
  const crit = t ? tCritical(level, df) : zCritical(level);
  return { se, lower: value - crit * se, upper: Math.min(1, value + crit * se), level, method };
}

/** Cohen's kappa (two coders): Fleiss, Cohen & Everitt (1969), as psych::cohen.kappa. */
function cohenVariance(spec: CoefficientSpec, t: PatternTable, est: Estimate): number {
  const q = t.categories.length;
  const x = new Float64Array(q * q);
  let n = 0;
  for (let p = 0; p < t.weights.length; p++) {
    const a = t.cells[2 * p];
    const b = t.cells[2 * p + 1];
    if (a < 0 || b < 0) continue;
    x[a * q + b] += t.weights[p];
    n += t.weights[p];
  }
  for (let i = 0; i < x.length; i++) x[i] /= n;
  const rs = new Float64Array(q);
  const cs = new Float64Array(q);
  for (let a = 0; a < q; a++)
    for (let b = 0; b < q; b++) {
      rs[a] += x[a * q + b];
      cs[b] += x[a * q + b];
    }
  const po = est.observedAgreement!;
  const pc = est.expectedAgreement!;
  const weighting = spec.weighting ?? 'unweighted';
  if (weighting === 'unweighted') {
    let diag = 0;
    let off = 0;
    for (let i = 0; i < q; i++) {
      diag += x[i * q + i] * (1 - pc - (rs[i] + cs[i]) * (1 - po)) ** 2;
      for (let j = 0; j < q; j++) if (i !== j) off += x[i * q + j] * (cs[i] + rs[j]) ** 2;
    }
    return (diag + (1 - po) ** 2 * off - (po * pc - 2 * pc + po) ** 2) / (n * (1 - pc) ** 4);
  }
  // Weighted: the same authors' formula with w-bar_i. = sum_j p_.j w_ij and w-bar_.j = sum_i p_i. w_ij.
  const w0 = agreementWeights(t.pairableCount, weighting);
  const w = (a: number, b: number) => (t.pairable[a] < 0 || t.pairable[b] < 0 ? 0 : w0[t.pairable[a]][t.pairable[b]]);
  const wr = new Float64Array(q);
  const wc = new Float64Array(q);
  for (let i = 0; i < q; i++)
    for (let j = 0; j < q; j++) {
      wr[i] += cs[j] * w(i, j);
      wc[j] += rs[i] * w(i, j);
    }
  let sum = 0;
  for (let i = 0; i < q; i++) for (let j = 0; j < q; j++) sum += x[i * q + j] * (w(i, j) * (1 - pc) - (wr[i] + wc[j]) * (1 - po)) ** 2;
  return (sum - (po * pc - 2 * pc + po) ** 2) / (n * (1 - pc) ** 4);
}

/**
 * The analytic interval of one coefficient, or null (undefined coefficient, fewer than two units).
 * For Fleiss' kappa and Brennan-Prediger with missing values our estimates weigh units by their
 * number of values where irrCAC averages units; the variance formula is irrCAC's either way.
 */
export function analyticInterval(
  spec: CoefficientSpec,
  t: PatternTable,
  L: Layout,
  s: Float64Array,
  est: Estimate,
  level = 0.95,
): AnalyticInterval | null {
  if (!finite(est.value)) return null;
  if (spec.kind === 'cohen_kappa') {
    const n = est.units;
    return interval(
      est.value,
      cohenVariance(spec, t, est),
      n - 1,
      level,
      'analytic: Fleiss, Cohen & Everitt (1969) variance as psych::cohen.kappa; value ± z se',
      false,
    );
  }
  const { counts, m, q, P } = patternCounts(t);
  const n1 = s[0];
  const n2 = s[1];
  const v2 = s[2];
  const share = Array.from({ length: q }, (_, k) => s[L.share + k]);
  const W = weightsFor(spec, t, share);
  const sumQ = (p: number) => {
    let x = 0;
    for (let k = 0; k < q; k++) {
      const c = counts[p * q + k];
      if (!c) continue;
      let wc = 0;
      for (let l = 0; l < q; l++) wc += W[k][l] * counts[p * q + l];
      x += c * (wc - 1);
    }
    return x;
  };
  const irr = (name: string) =>
    `analytic: linearised variance of Gwet's Handbook as irrCAC ${name}; value ± t(n-1) se, upper limit at most 1`;
  const value = est.value;
  // Scott's pi: Fleiss' kappa on the units both coders rated.
  const onlyPairs = spec.kind === 'scott_pi';
  const n = onlyPairs ? n2 : n1;
  let sum = 0;
  if (spec.kind === 'krippendorff_alpha') {
    const rbar = v2 / n2;
    const pi = share.map((x) => x / v2);
    let paPrime = 0;
    for (let p = 0; p < P; p++) if (m[p] >= 2) paPrime += (t.weights[p] * sumQ(p)) / (rbar * (m[p] - 1));
    paPrime /= n2;
    let pe = 0;
    for (let k = 0; k < q; k++) for (let l = 0; l < q; l++) pe += W[k][l] * pi[k] * pi[l];
    const alphaPrime = (paPrime - pe) / (1 - pe);
    // irrCAC 1.0 (CRAN), whose printed figures the reference case holds: the per-unit correction
    // uses pa = (1 - 1/n..) pa' + 1/n.., and t has (pairable units - 1) degrees of freedom.
    const pa = (1 - 1 / v2) * paPrime + 1 / v2;
    const piw = pi.map((_, k) => pi.reduce((a, x, l) => a + ((W[k][l] + W[l][k]) / 2) * x, 0));
    for (let p = 0; p < P; p++) {
      if (m[p] < 2) continue;
      const pai = sumQ(p) / (rbar * (m[p] - 1)) - (pa * (m[p] - rbar)) / rbar;
      let pei = -(pe * (m[p] - rbar)) / rbar;
      for (let k = 0; k < q; k++) pei += (counts[p * q + k] * piw[k]) / rbar;
      const x = (pai - pe) / (1 - pe) - (2 * (1 - alphaPrime) * (pei - pe)) / (1 - pe);
      sum += t.weights[p] * (x - alphaPrime) ** 2;
    }
    return interval(value, sum / (n2 * (n2 - 1)), n2 - 1, level, irr('krippen.alpha.raw'));
  }
  const pe = spec.kind === 'percent_agreement' ? 0 : est.expectedAgreement!;
  let pi: number[] = [];
  let peScale = 0;
  if (spec.kind === 'gwet_ac') {
    pi = Array.from({ length: q }, (_, k) => s[L.pi + k] / n1);
    const tw = W.reduce((a, r) => a + r.reduce((x, y) => x + y, 0), 0);
    peScale = tw / (q * (q - 1));
  } else if (spec.kind === 'fleiss_kappa' || spec.kind === 'scott_pi') {
    if (onlyPairs) {
      // Scott's pi shares: both coders' values on the units they both rated.
      pi = new Array<number>(q).fill(0);
      for (let p = 0; p < P; p++) if (m[p] === 2) for (let k = 0; k < q; k++) pi[k] += (t.weights[p] * counts[p * q + k]) / (2 * n2);
    } else pi = share.map((x) => x / v2);
  }
  for (let p = 0; p < P; p++) {
    if (m[p] === 0 || (onlyPairs && m[p] < 2)) continue;
    const two = m[p] >= 2;
    const pai = two ? sumQ(p) / (m[p] * (m[p] - 1)) : 0;
    let x = ((n / n2) * (pai - (two ? pe : 0))) / (1 - pe);
    if (spec.kind === 'gwet_ac' || spec.kind === 'fleiss_kappa' || spec.kind === 'scott_pi') {
      let pei = 0;
      for (let k = 0; k < q; k++) pei += (counts[p * q + k] * (spec.kind === 'gwet_ac' ? 1 - pi[k] : pi[k])) / m[p];
      if (spec.kind === 'gwet_ac') pei *= peScale;
      x -= (2 * (1 - value) * (pei - pe)) / (1 - pe);
    }
    sum += t.weights[p] * (x - value) ** 2;
  }
  const name = {
    percent_agreement: 'pa.coeff.raw',
    gwet_ac: 'gwet.ac1.raw',
    fleiss_kappa: 'fleiss.kappa.raw',
    scott_pi: 'fleiss.kappa.raw (two raters)',
    brennan_prediger: 'bp.coeff.raw',
  }[spec.kind as string]!;
  return interval(value, sum / (n * (n - 1)), n - 1, level, irr(name));
}

export interface BootstrapOptions {
  replicates: number;
  seed: number;
  level?: number;
}

/** Percentile limits of the defined values. */
function percentile(values: number[], level: number) {
  const v = values.filter(finite).sort((a, b) => a - b);
  return { lower: quantile(v, (1 - level) / 2), upper: quantile(v, 1 - (1 - level) / 2), replicates: v.length };
}

/**
 * Unit bootstrap over patterns: each replicate draws N units (N = the table's total count) from
 * the patterns in proportion to their counts, one multinomial draw, and evaluates every
 * coefficient on the same replicate. Non-whole counts are drawn as round(N) and rescaled.
 */
export function patternBootstrap(t: PatternTable, specs: CoefficientSpec[], L: Layout, o: BootstrapOptions): BootstrapResult[] {
  const level = o.level ?? 0.95;
  const random = seededRandom(o.seed);
  const total = t.weights.reduce((a, b) => a + b, 0);
  const draws = Math.round(total);
  const scale = draws > 0 ? total / draws : 1;
  const values = specs.map(() => [] as number[]);
  const w = new Float64Array(t.weights.length);
  const s = new Float64Array(L.size);
  const draw = multinomialSampler(t.weights);
  for (let r = 0; r < o.replicates; r++) {
    draw(draws, random, w);
    if (scale !== 1) for (let p = 0; p < w.length; p++) w[p] *= scale;
    s.fill(0);
    stats(t, L, w, s);
    specs.forEach((spec, i) => values[i].push(finish(spec, t, L, s).value));
  }
  return values.map((v) => ({
    ...percentile(v, level),
    level,
    seed: o.seed,
    method: 'unit bootstrap (multinomial over unit patterns), percentile',
  }));
}

/** Clusters (e.g. documents) as sparse per-pattern counts over one table's patterns. */
export interface Clusters {
  /** How many clusters there are (clusters without units count too). */
  count: number;
  /** For cluster d, entries start[d] .. start[d + 1] - 1 of pattern/weight. */
  start: Int32Array;
  pattern: Int32Array;
  weight: Float64Array;
}

/** The draws of a cluster bootstrap: how often each cluster is drawn, D draws of D clusters. */
export function clusterDraws(count: number, replicates: number, seed: number): Float64Array[] {
  const random = seededRandom(seed);
  const draw = multinomialSampler(new Float64Array(count).fill(1));
  return Array.from({ length: replicates }, () => draw(count, random));
}

/**
 * Cluster bootstrap: a replicate's pattern counts are sum over clusters of (times drawn) x (its counts).
 * `absent` saves listing, per code, every document's agreed absences: the clusters then list only
 * the other patterns, and the absent pattern's count is totals[r] (every unit of every document, as
 * drawn in replicate r, shared by all codes) minus the listed units.
 */
export function clusterBootstrap(
  t: PatternTable,
  c: Clusters,
  draws: Float64Array[],
  specs: CoefficientSpec[],
  L: Layout,
  level = 0.95,
  unit = 'documents',
  absent?: { pattern: number; totals: Float64Array },
): Omit<BootstrapResult, 'seed'>[] {
  const values = specs.map(() => [] as number[]);
  const w = new Float64Array(t.weights.length);
  const s = new Float64Array(L.size);
  const { count, start, pattern, weight } = c;
  draws.forEach((times, r) => {
    w.fill(0);
    let listed = 0;
    for (let d = 0; d < count; d++) {
      const k = times[d];
      if (!k) continue;
      const end = start[d + 1];
      for (let e = start[d]; e < end; e++) {
        w[pattern[e]] += k * weight[e];
        listed += k * weight[e];
      }
    }
    if (absent && absent.pattern >= 0) w[absent.pattern] += Math.max(0, absent.totals[r] - listed);
    s.fill(0);
    stats(t, L, w, s);
    for (let i = 0; i < specs.length; i++) values[i].push(finish(specs[i], t, L, s).value);
  });
  return values.map((v) => ({
    ...percentile(v, level),
    level,
    method: `cluster bootstrap: whole ${unit} resampled (${c.count}), percentile`,
  }));
}

export interface KrippendorffBootstrap extends BootstrapResult {
  /** Pairs of values drawn per replicate (the data's pairs of values). */
  pairs: number;
  /** Share of replicates with alpha below the minimum. */
  qBelow: { min: number; q: number } | null;
}

/**
 * Hayes & Krippendorff (2007), as in Hayes' KALPHA macro: M pairs of values are drawn from the
 * coincidence matrix (cells c <= k with probability o_cc / n.. and 2 o_ck / n..), one multinomial
 * draw per replicate; alpha* = 1 - sum(delta) / (M D_e), floored at -1; replicates of 1 that only
 * lack of variation produced are set to 0 (at most round(B sum_c (o_cc / n..)^M) of them). M is the
 * number of pairs of values in the data, sum m_u (m_u - 1) / 2; the macro's cap of 25 times the
 * non-empty coincidence cells is not applied, since it sizes the interval to the cap, not the data.
 */
export function krippendorffBootstrap(
  t: PatternTable,
  spec: CoefficientSpec,
  o: BootstrapOptions & { min?: number },
): KrippendorffBootstrap | null {
  const level = o.level ?? 0.95;
  const L = layout(t, { coincidences: true });
  const s = stats(t, L);
  const est = finish(spec, t, L, s);
  if (!finite(est.value)) return null;
  const q = L.q;
  const total = s[2];
  const n = Array.from({ length: q }, (_, k) => s[L.share + k]);
  const lvl = spec.level ?? 'nominal';
  const delta = distanceFunction(lvl, t.categories, n);
  const cellP: number[] = [];
  const cellD: number[] = [];
  let diagNonZero = 0;
  const diagP: number[] = [];
  for (let c = 0; c < q; c++)
    for (let k = c; k < q; k++) {
      const occ = s[L.o + c * q + k];
      if (!(occ > 0)) continue;
      cellP.push(c === k ? occ / total : (2 * occ) / total);
      cellD.push(c === k ? 0 : delta(c, k));
      if (c === k) {
        diagNonZero++;
        diagP.push(occ / total);
      }
    }
  // D_e per pair of values (Hayes' expdis = sum e_ck delta_ck / n..).
  let dePair = 0;
  for (let c = 0; c < q; c++) for (let k = 0; k < q; k++) if (c !== k) dePair += (n[c] * n[k] * delta(c, k)) / (total - 1);
  dePair /= total;
  const { m } = patternCounts(t);
  let pairs = 0;
  for (let p = 0; p < m.length; p++) if (m[p] >= 2) pairs += (t.weights[p] * m[p] * (m[p] - 1)) / 2;
  const M = Math.round(pairs);
  const random = seededRandom(o.seed);
  const values: number[] = [];
  const drawn = new Float64Array(cellP.length);
  const draw = multinomialSampler(cellP);
  let ones = 0;
  for (let r = 0; r < o.replicates; r++) {
    draw(M, random, drawn);
    let sum = 0;
    for (let i = 0; i < drawn.length; i++) sum += drawn[i] * cellD[i];
    let a = 1 - sum / (M * dePair);
    if (a < -1) a = -1;
    if (a === 1 && diagNonZero === 1) a = 0;
    if (a === 1 && diagNonZero > 1) ones++;
    values.push(a);
  }
  // Replicates without variation would make alpha 0/0: the macro sets the expected number of them to 0.
  let fix = Math.min(ones, Math.round(o.replicates * diagP.reduce((a, x) => a + x ** M, 0)));
  for (let i = 0; i < values.length && fix > 0; i++)
    if (values[i] === 1) {
      values[i] = 0;
      fix--;
    }
  const pct = percentile(values, level);
  const qBelow = o.min === undefined ? null : { min: o.min, q: values.filter((v) => v < o.min!).length / values.length };
  return {
    ...pct,
    level,
    seed: o.seed,
    pairs: M,
    qBelow,
    method: "Krippendorff's bootstrap (Hayes & Krippendorff 2007): pairs of values drawn from the coincidence matrix, percentile",
  };
}
