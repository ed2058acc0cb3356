import { describe, expect, it } from 'vitest';
import { bootstrapInterval, cohenKappa, krippendorffAlpha, seededRandom } from '../../src/core/agreement/index.ts';
import type { Cell, ReliabilityData } from '../../src/core/agreement/index.ts';

function data(): ReliabilityData {
  const r = seededRandom(3);
  const units: Cell[][] = [];
  for (let i = 0; i < 80; i++) {
    const t = r() < 0.5 ? 1 : 0;
    units.push([t, r() < 0.85 ? t : 1 - t]);
  }
  return { coders: ['a', 'b'], units };
}

describe('bootstrap interval', () => {
  it('is reproducible for a seed and brackets the estimate', () => {
    const d = data();
    const stat = (s: ReliabilityData) => krippendorffAlpha(s).value;
    const a = bootstrapInterval(d, stat, { n: 300, seed: 42 });
    const b = bootstrapInterval(d, stat, { n: 300, seed: 42 });
    expect(a).toEqual(b);
    expect(a.method).toBe('unit-bootstrap-percentile');
    const est = stat(d);
    expect(a.lower).toBeLessThan(est);
    expect(a.upper).toBeGreaterThan(est);
    expect(bootstrapInterval(d, stat, { n: 300, seed: 43 }).lower).not.toBe(a.lower);
  });

  it('weighted units use the Poisson bootstrap and give a similar interval', () => {
    const d = data();
    const stat = (s: ReliabilityData) => cohenKappa(s).value;
    const plain = bootstrapInterval(d, stat, { n: 1000, seed: 5 });
    const keys = new Map<string, number>();
    for (const row of d.units) keys.set(JSON.stringify(row), (keys.get(JSON.stringify(row)) ?? 0) + 1);
    const weighted: ReliabilityData = { coders: d.coders, units: [...keys.keys()].map((k) => JSON.parse(k)), weights: [...keys.values()] };
    const poisson = bootstrapInterval(weighted, stat, { n: 1000, seed: 5 });
    expect(poisson.method).toBe('poisson-unit-bootstrap-percentile');
    expect(Math.abs(poisson.lower - plain.lower)).toBeLessThan(0.08);
    expect(Math.abs(poisson.upper - plain.upper)).toBeLessThan(0.08);
  });
});
