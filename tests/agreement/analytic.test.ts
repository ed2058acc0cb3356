// Analytic standard errors: Cohen's kappa against R's psych::cohen.kappa run here (r-base-core and
// r-cran-psych are installed by .ci/run; without Rscript this test fails, it does not skip),
// Krippendorff's alpha against irrCAC's published figures, and every coefficient's analytic SE
// against the spread of its own bootstrap on a large sample.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  fromObserversByUnits,
  krippendorffBootstrap,
  coefficientSpecs,
  patternTable,
  seededRandom,
  type Cell,
  type ReliabilityData,
} from '../../src/core/agreement/index.ts';
import { summarize } from '../../src/core/agreement/summary.ts';
import { tmpDir } from '../helpers/project.ts';

const KRIPPENDORFF_2011 = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
];

function skewed(seed: number, coders: number, units: number): ReliabilityData {
  const r = seededRandom(seed);
  const rows: Cell[][] = [];
  for (let u = 0; u < units; u++) {
    const x = r();
    const truth = x < 0.5 ? 'a' : x < 0.75 ? 'b' : x < 0.9 ? 'c' : x < 0.97 ? 'd' : 'e';
    rows.push(Array.from({ length: coders }, () => (r() < 0.75 ? truth : 'abcde'[Math.floor(r() * 5)])));
  }
  return { coders: Array.from({ length: coders }, (_, i) => `r${i + 1}`), units: rows };
}

describe("Cohen's kappa and its Fleiss-Cohen-Everitt SE equal psych::cohen.kappa", () => {
  it('on 3,000 units of two coders with five skewed categories', () => {
    const d = skewed(21, 2, 3000);
    const file = path.join(tmpDir(), 'two.csv');
    fs.writeFileSync(file, ['r1,r2', ...d.units.map((u) => u.map((v) => 'abcde'.indexOf(v as string) + 1).join(','))].join('\n'));
    const script = `suppressMessages(library(psych)); d <- read.csv(${JSON.stringify(file)}); k <- cohen.kappa(d);
      cat(sprintf("%.17g", c(k$kappa, sqrt(k$var.kappa), k$confid[1, 1], k$confid[1, 3], k$weighted.kappa)), "\\n")`;
    const r = execFileSync('Rscript', ['-e', script], { encoding: 'utf8' }).trim().split(/\s+/).map(Number);
    const ours = summarize(
      { ...d, units: d.units.map((u) => u.map((v) => 'abcde'.indexOf(v as string) + 1)) },
      { bootstrap: 0, level: 'interval' },
    );
    const kappa = ours.find((c) => c.coefficient === 'cohen_kappa')!;
    expect(Math.abs(kappa.value! - r[0])).toBeLessThan(1e-9);
    expect(Math.abs(kappa.analytic!.se - r[1])).toBeLessThan(1e-9);
    expect(Math.abs(kappa.analytic!.lower - r[2])).toBeLessThan(1e-6);
    expect(Math.abs(kappa.analytic!.upper - r[3])).toBeLessThan(1e-6);
    expect(kappa.analytic!.method).toMatch(/Fleiss, Cohen & Everitt \(1969\)/);
    // psych's weighted kappa uses quadratic weights over the category positions, as ours does.
    expect(Math.abs(ours.find((c) => c.coefficient === 'cohen_kappa_quadratic')!.value! - r[4])).toBeLessThan(1e-9);
  });
});

describe("Krippendorff's alpha SE as irrCAC computes it", () => {
  it("Krippendorff's (2011) 4 x 12 data: se 0.146, interval (0.419, 1) as irrCAC's krippen.alpha.raw prints", () => {
    const alpha = summarize(fromObserversByUnits(KRIPPENDORFF_2011), { bootstrap: 0 }).find(
      (c) => c.coefficient === 'krippendorff_alpha_nominal',
    )!;
    expect(alpha.value).toBeCloseTo(0.743, 3);
    expect(Math.abs(alpha.analytic!.se - 0.146)).toBeLessThan(0.0005);
    expect(Math.abs(alpha.analytic!.lower - 0.419)).toBeLessThan(0.0005);
    expect(alpha.analytic!.upper).toBe(1);
    expect(alpha.analytic!.method).toMatch(/irrCAC krippen\.alpha\.raw/);
  });
});

describe('analytic SEs agree with the bootstrap on a large sample', () => {
  for (const coders of [2, 4]) {
    it(`${coders} coders, 2,000 units: every analytic SE within 12% of the bootstrap's`, () => {
      const d = skewed(coders, coders, 2000);
      for (const level of ['nominal', 'interval'] as const) {
        const numeric: ReliabilityData =
          level === 'nominal' ? d : { ...d, units: d.units.map((u) => u.map((v) => 'abcde'.indexOf(v as string) + 1)) };
        const list = summarize(numeric, { bootstrap: 2000, seed: 5, level });
        for (const c of list) {
          expect(c.analytic, c.coefficient).not.toBeNull();
          const bootSe = (c.ci!.upper! - c.ci!.lower!) / (2 * 1.96);
          expect(
            Math.abs(c.analytic!.se / bootSe - 1),
            `${level} ${c.coefficient}: analytic ${c.analytic!.se}, bootstrap ${bootSe}`,
          ).toBeLessThan(0.12);
        }
      }
    });
  }
});

describe("Krippendorff's bootstrap for alpha (Hayes & Krippendorff 2007)", () => {
  const d = fromObserversByUnits(KRIPPENDORFF_2011);
  const spec = coefficientSpecs(4).find((s) => s.kind === 'krippendorff_alpha')!;
  it('draws the data’s pairs of values, brackets alpha, gives q(alpha < min), and is reproducible', () => {
    const a = krippendorffBootstrap(patternTable(d), spec, { replicates: 5000, seed: 9, min: 0.667 })!;
    // Pairs of values: 8 units with 4 values (6 pairs each), 2 with 3 (3 each), 1 with 2.
    expect(a.pairs).toBe(55);
    expect(a).toEqual(krippendorffBootstrap(patternTable(d), spec, { replicates: 5000, seed: 9, min: 0.667 }));
    expect(a.lower).toBeLessThan(0.743);
    expect(a.upper).toBeGreaterThan(0.743);
    expect(a.upper).toBeLessThanOrEqual(1);
    expect(a.qBelow!.q).toBeGreaterThan(0.05);
    expect(a.qBelow!.q).toBeLessThan(0.6);
    expect(a.method).toMatch(/Hayes & Krippendorff 2007/);
  });
  it('is offered by summarize when asked for, and not otherwise', () => {
    const list = summarize(d, { bootstrap: 500, krippendorff: { min: 0.8 } });
    const alpha = list.find((c) => c.coefficient === 'krippendorff_alpha_nominal')!;
    expect(alpha.krippendorffBootstrap!.qBelow!.min).toBe(0.8);
    expect(
      summarize(d, { bootstrap: 10 }).find((c) => c.coefficient === 'krippendorff_alpha_nominal')!.krippendorffBootstrap,
    ).toBeUndefined();
  });
});
