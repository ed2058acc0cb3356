// The fast path (unit patterns -> statistics vector -> coefficient) must give exactly what the
// engine's coefficient functions give on the raw units, which the reference cases check.
import { describe, expect, it } from 'vitest';
import {
  binomial,
  brennanPrediger,
  clusterBootstrap,
  clusterDraws,
  coefficientSpecs,
  cohenKappa,
  finish,
  fleissKappa,
  gwetAC,
  krippendorffAlpha,
  layout,
  multinomial,
  needsOf,
  patternBootstrap,
  patternTable,
  percentAgreement,
  scottPi,
  seededRandom,
  stats,
  type Cell,
  type CoefficientSpec,
  type Level,
  type ReliabilityData,
} from '../../src/core/agreement/index.ts';

function randomData(seed: number, coders: number, units: number, cats: number, missing: number, weighted: boolean): ReliabilityData {
  const r = seededRandom(seed);
  const rows: Cell[][] = [];
  for (let u = 0; u < units; u++) {
    const truth = Math.floor(r() * cats);
    rows.push(Array.from({ length: coders }, () => (r() < missing ? null : r() < 0.7 ? truth + 1 : Math.floor(r() * cats) + 1)));
  }
  return {
    coders: Array.from({ length: coders }, (_, i) => `c${i}`),
    units: rows,
    ...(weighted ? { weights: rows.map(() => 1 + Math.floor(r() * 5)) } : {}),
  };
}

function engine(spec: CoefficientSpec, d: ReliabilityData, categories?: number[]) {
  switch (spec.kind) {
    case 'percent_agreement':
      return percentAgreement(d, { categories });
    case 'cohen_kappa':
      return cohenKappa(d, { categories, weighting: spec.weighting });
    case 'scott_pi':
      return scottPi(d, { categories });
    case 'fleiss_kappa':
      return fleissKappa(d, { categories });
    case 'krippendorff_alpha':
      return krippendorffAlpha(d, { level: spec.level, categories });
    case 'gwet_ac':
      return gwetAC(d, { categories, weighting: spec.weighting });
    case 'brennan_prediger':
      return brennanPrediger(d, { categories });
  }
}

describe('coefficients from unit patterns', () => {
  const cases: Array<[string, ReliabilityData, Level, number[] | undefined]> = [];
  let seed = 1;
  for (const coders of [2, 3, 6]) {
    for (const missing of [0, 0.25]) {
      for (const level of ['nominal', 'ordinal', 'interval', 'ratio'] as Level[]) {
        for (const weighted of [false, true]) {
          cases.push([
            `${coders} coders, ${missing ? 'missing values' : 'complete'}, ${level}${weighted ? ', weighted units' : ''}`,
            randomData(seed++, coders, 150, 4, missing, weighted),
            level,
            undefined,
          ]);
        }
      }
    }
  }
  // An explicit category list with a category nobody used, as projects pass [0, 1].
  cases.push(['explicit categories with an unused one', randomData(99, 2, 80, 3, 0.1, false), 'ordinal', [1, 2, 3, 4]]);

  for (const [name, d, level, categories] of cases) {
    it(`equal the engine to 1e-12: ${name}`, () => {
      const table = patternTable(d, categories);
      expect(table.weights.length).toBeLessThanOrEqual(d.units.length);
      const specs = coefficientSpecs(d.coders.length, level);
      const L = layout(table, needsOf(specs, d.coders.length));
      const s = stats(table, L);
      for (const spec of specs) {
        const fast = finish(spec, table, L, s);
        const slow = engine(spec, d, categories);
        expect(Number.isFinite(fast.value), spec.name).toBe(true);
        expect(Math.abs(fast.value - slow.value), spec.name).toBeLessThan(1e-12);
        // Disagreements of ordinal/interval alpha are on the data's squared scale: compare relatively.
        const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));
        expect(rel(fast.observedDisagreement, slow.observedDisagreement), spec.name).toBeLessThan(1e-12);
        expect(rel(fast.expectedDisagreement, slow.expectedDisagreement), spec.name).toBeLessThan(1e-12);
        expect(fast.units, spec.name).toBeCloseTo(slow.units, 9);
      }
    });
  }

  it('says why a coefficient is undefined instead of giving NaN silently', () => {
    const d: ReliabilityData = {
      coders: ['a', 'b'],
      units: [
        ['x', 'x'],
        ['x', 'x'],
        ['x', null],
      ],
    };
    const table = patternTable(d);
    const specs = coefficientSpecs(2);
    const L = layout(table, needsOf(specs, 2));
    const s = stats(table, L);
    const byName = Object.fromEntries(specs.map((sp) => [sp.name, finish(sp, table, L, s)]));
    expect(byName.percent_agreement.value).toBe(1);
    expect(byName.cohen_kappa.undefinedReason).toMatch(/each coder used one category only \("x"\)/);
    expect(byName.krippendorff_alpha_nominal.undefinedReason).toMatch(/all pairable values are "x"/);
    expect(byName.gwet_ac1.undefinedReason).toMatch(/only one category/);
    for (const sp of specs.filter((x) => x.name !== 'percent_agreement')) expect(Number.isNaN(byName[sp.name].value), sp.name).toBe(true);
  });
});

describe('seeded draws', () => {
  it('binomial draws have the binomial mean and variance, in both regimes', () => {
    const r = seededRandom(11);
    for (const [n, p] of [
      [40, 0.1],
      [5000, 0.3],
      [1_000_000, 0.02],
    ]) {
      let s = 0;
      let s2 = 0;
      const k = 20_000;
      for (let i = 0; i < k; i++) {
        const x = binomial(n, p, r);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(n);
        s += x;
        s2 += x * x;
      }
      const mean = s / k;
      const variance = s2 / k - mean * mean;
      const sd = Math.sqrt(n * p * (1 - p));
      expect(Math.abs(mean - n * p)).toBeLessThan((5 * sd) / Math.sqrt(k));
      expect(Math.abs(variance / (n * p * (1 - p)) - 1)).toBeLessThan(0.06);
    }
  });

  it('a multinomial draw places every unit, and the same seed gives the same draws', () => {
    const p = [5, 0, 1, 30, 2, 2, 2, 2, 2, 2, 1];
    for (const n of [7, 100_000]) {
      const a = multinomial(n, p, seededRandom(3));
      const b = multinomial(n, p, seededRandom(3));
      expect([...a]).toEqual([...b]);
      expect(a.reduce((x, y) => x + y, 0)).toBe(n);
      expect(a[1]).toBe(0);
    }
  });
});

describe('bootstraps over patterns and clusters', () => {
  const d = randomData(5, 2, 400, 3, 0, false);
  const table = patternTable(d);
  const specs = coefficientSpecs(2);
  const L = layout(table, needsOf(specs, 2));

  it('the unit bootstrap is reproducible for a seed, brackets the estimate, and differs for another seed', () => {
    const a = patternBootstrap(table, specs, L, { replicates: 400, seed: 42 });
    expect(patternBootstrap(table, specs, L, { replicates: 400, seed: 42 })).toEqual(a);
    const other = patternBootstrap(table, specs, L, { replicates: 400, seed: 43 });
    expect(other.map((x) => x.lower)).not.toEqual(a.map((x) => x.lower));
    const s = stats(table, L);
    specs.forEach((spec, i) => {
      const v = finish(spec, table, L, s).value;
      expect(a[i].lower).toBeLessThan(v);
      expect(a[i].upper).toBeGreaterThan(v);
      expect(a[i].replicates).toBe(400);
      expect(a[i].method).toMatch(/multinomial over unit patterns/);
    });
  });

  it('resampling clusters of correlated units gives wider intervals than resampling the units', () => {
    // 40 "documents": within each, the coders agree on almost everything or on little.
    const r = seededRandom(8);
    const units: Cell[][] = [];
    const docOf: number[] = [];
    for (let doc = 0; doc < 40; doc++) {
      const agree = doc % 2 ? 0.95 : 0.55;
      for (let u = 0; u < 200; u++) {
        const t = r() < 0.4 ? 1 : 0;
        units.push([t, r() < agree ? t : 1 - t]);
        docOf.push(doc);
      }
    }
    const data: ReliabilityData = { coders: ['a', 'b'], units };
    const t = patternTable(data, [0, 1]);
    const key = (row: Cell[]) => row.join(',');
    const index = new Map<string, number>();
    t.weights.forEach((_, p) => index.set(`${t.cells[2 * p]},${t.cells[2 * p + 1]}`, p));
    const entries = new Map<string, number>();
    units.forEach((row, u) => {
      const k = `${docOf[u]}|${index.get(key(row))}`;
      entries.set(k, (entries.get(k) ?? 0) + 1);
    });
    const sorted = [...entries].map(([k, w]) => [...k.split('|').map(Number), w]).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    const start = new Int32Array(41);
    for (const [doc] of sorted) start[doc + 1]++;
    for (let i = 0; i < 40; i++) start[i + 1] += start[i];
    const clusters = { count: 40, start, pattern: Int32Array.from(sorted, (x) => x[1]), weight: Float64Array.from(sorted, (x) => x[2]) };
    const kappa = [coefficientSpecs(2)[1]];
    const L2 = layout(t, needsOf(kappa, 2));
    const draws = clusterDraws(40, 500, 7);
    const byCluster = clusterBootstrap(t, clusters, draws, kappa, L2)[0];
    expect(clusterBootstrap(t, clusters, clusterDraws(40, 500, 7), kappa, L2)[0]).toEqual(byCluster);
    const byUnit = patternBootstrap(t, kappa, L2, { replicates: 500, seed: 7 })[0];
    expect(byCluster.method).toMatch(/cluster bootstrap: whole documents resampled \(40\)/);
    expect(byCluster.upper - byCluster.lower).toBeGreaterThan(1.5 * (byUnit.upper - byUnit.lower));
  });
});
