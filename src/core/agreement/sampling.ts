// Random draws and distribution quantiles for the intervals, all from our own seeded generator
// (seededRandom below), never Math.random: the same seed gives the same draws, and so the
// same interval, on any machine (V8's Math.log/exp/sqrt are the same fdlibm code everywhere).

/** mulberry32: tiny, fast, good enough for resampling; same seed gives the same stream. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Quantile with linear interpolation (R type 7) of sorted values. */
export function quantile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Stirling-series tail log(k!) - [(k + 1/2) log(k + 1) - (k + 1) + log(2 pi)/2], for BTRS. */
function stirlingTail(k: number): number {
  const small = [
    0.0810614667953272, 0.0413406959554092, 0.0276779256849983, 0.02079067210376509, 0.0166446911898211, 0.0138761288230707,
    0.0118967099458917, 0.010411265261972, 0.00925546218271273, 0.00833056343336287,
  ];
  if (k <= 9) return small[k];
  const k1 = (k + 1) * (k + 1);
  return (1 / 12 - (1 / 360 - 1 / 1260 / k1) / k1) / (k + 1);
}

/**
 * One Binomial(n, p) draw, exactly (no normal approximation): geometric waiting times when
 * n p < 10, else Hörmann's (1993) transformed rejection with squeeze (BTRS). Cost O(1) in n.
 */
export function binomial(n: number, p: number, random: () => number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomial(n, 1 - p, random);
  if (n * p < 10) {
    const logq = Math.log1p(-p);
    let sum = 0;
    let k = 0;
    for (;;) {
      sum += Math.max(1, Math.ceil(Math.log(1 - random()) / logq));
      if (sum > n) return k;
      k++;
    }
  }
  const spq = Math.sqrt(n * p * (1 - p));
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const r = p / (1 - p);
  const alpha = (2.83 + 5.1 / b) * spq;
  const m = Math.floor((n + 1) * p);
  for (;;) {
    const u = random() - 0.5;
    let v = random();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    v = Math.log((v * alpha) / (a / (us * us) + b));
    const bound =
      (m + 0.5) * Math.log((m + 1) / (r * (n - m + 1))) +
      (n + 1) * Math.log((n - m + 1) / (n - k + 1)) +
      (k + 0.5) * Math.log((r * (n - k + 1)) / (k + 1)) +
      stirlingTail(m) +
      stirlingTail(n - m) -
      stirlingTail(k) -
      stirlingTail(n - k);
    if (v <= bound) return k;
  }
}

/** Walker's alias table: one draw from k categories in O(1) (two uniforms), after O(k) set-up. */
function aliasTable(p: ArrayLike<number>, total: number) {
  const k = p.length;
  const prob = new Float64Array(k);
  const alias = new Int32Array(k);
  const small: number[] = [];
  const large: number[] = [];
  for (let i = 0; i < k; i++) {
    prob[i] = (p[i] / total) * k;
    (prob[i] < 1 ? small : large).push(i);
  }
  while (small.length && large.length) {
    const s = small.pop()!;
    const l = large[large.length - 1];
    alias[s] = l;
    prob[l] -= 1 - prob[s];
    if (prob[l] < 1) small.push(large.pop()!);
  }
  for (const i of large) prob[i] = 1;
  for (const i of small) prob[i] = 1;
  return { prob, alias };
}

/**
 * Multinomial(n, p) draws over fixed shares p (not necessarily summing to 1): sequential
 * conditional binomials, O(categories) per draw; when there are many categories for n (most
 * patterns seen once or twice), n picks from an alias table, O(n), are cheaper and just as exact.
 */
export function multinomialSampler(p: ArrayLike<number>) {
  const k = p.length;
  let total = 0;
  for (let i = 0; i < k; i++) total += p[i];
  let table: ReturnType<typeof aliasTable> | null = null;
  return (n: number, random: () => number, out = new Float64Array(k)): Float64Array => {
    out.fill(0);
    if (!(total > 0) || n <= 0) return out;
    if (k > 8 && n < k * 4) {
      table ??= aliasTable(p, total);
      const { prob, alias } = table;
      for (let d = 0; d < n; d++) {
        const i = Math.floor(random() * k);
        out[random() < prob[i] ? i : alias[i]]++;
      }
      return out;
    }
    let left = n;
    let mass = total;
    for (let i = 0; i < k && left > 0; i++) {
      if (i === k - 1 || p[i] >= mass) {
        out[i] = left;
        break;
      }
      const x = binomial(left, Math.min(1, Math.max(0, p[i] / mass)), random);
      out[i] = x;
      left -= x;
      mass -= p[i];
    }
    return out;
  };
}

/** One Multinomial(n, p) draw (see multinomialSampler, which is faster for repeated draws). */
export function multinomial(n: number, p: ArrayLike<number>, random: () => number, out = new Float64Array(p.length)): Float64Array {
  return multinomialSampler(p)(n, random, out);
}

/** Regularised incomplete beta I_x(a, b) (continued fraction, modified Lentz). */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  if (x > (a + 1) / (a + b + 2)) return 1 - incompleteBeta(1 - x, b, a);
  const lbeta = logGamma(a) + logGamma(b) - logGamma(a + b);
  const front = Math.exp(a * Math.log(x) + b * Math.log(1 - x) - lbeta) / a;
  const tiny = 1e-300;
  let f = 1;
  let c = 1;
  let d = 0;
  for (let i = 0; i <= 400; i++) {
    const m = i >> 1;
    const num =
      i === 0
        ? 1
        : i % 2 === 0
          ? (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m))
          : -((a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
    d = 1 + num * d;
    d = Math.abs(d) < tiny ? tiny : d;
    d = 1 / d;
    c = 1 + num / c;
    c = Math.abs(c) < tiny ? tiny : c;
    const cd = c * d;
    f *= cd;
    if (Math.abs(1 - cd) < 1e-15) break;
  }
  return front * (f - 1);
}

/** log Gamma(x), Lanczos (g = 7, n = 9), accurate to ~1e-15 for x > 0. */
function logGamma(x: number): number {
  const g = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
    -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  x -= 1;
  let s = g[0];
  for (let i = 1; i < 9; i++) s += g[i] / (x + i);
  const t = x + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(s);
}

/** P(T <= t) for Student's t with df degrees of freedom. */
export function studentCdf(t: number, df: number): number {
  const x = df / (df + t * t);
  const tail = 0.5 * incompleteBeta(x, df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

const Z: Record<string, number> = {
  '0.8': 1.2815515655446004,
  '0.9': 1.6448536269514722,
  '0.95': 1.959963984540054,
  '0.98': 2.3263478740408408,
  '0.99': 2.5758293035489004,
};

/** The two-sided critical value of the standard normal for a confidence level (0.8, 0.9, 0.95, 0.98, 0.99). */
export function zCritical(level: number): number {
  const z = Z[String(level)];
  if (z === undefined) throw new RangeError(`confidence level ${level} is not supported (use 0.8, 0.9, 0.95, 0.98 or 0.99)`);
  return z;
}

/** The two-sided critical value of Student's t (R's qt(1 - (1 - level)/2, df)), by bisection on the cdf. */
export function tCritical(level: number, df: number): number {
  const z = zCritical(level);
  if (!(df >= 1)) return NaN;
  if (df > 1000) {
    // Cornish-Fisher expansion in 1/df (error below 1e-12 here), instead of the bisection.
    const z2 = z * z;
    return (
      z +
      (z * (z2 + 1)) / (4 * df) +
      (z * (5 * z2 * z2 + 16 * z2 + 3)) / (96 * df ** 2) +
      (z * (3 * z2 ** 3 + 19 * z2 * z2 + 17 * z2 - 15)) / (384 * df ** 3) +
      (z * (79 * z2 ** 4 + 776 * z2 ** 3 + 1482 * z2 * z2 - 1920 * z2 - 945)) / (92160 * df ** 4)
    );
  }
  const target = 1 - (1 - level) / 2;
  let lo = z;
  let hi = z;
  while (studentCdf(hi, df) < target) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (studentCdf(mid, df) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
