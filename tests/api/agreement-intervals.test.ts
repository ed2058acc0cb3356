// Project-level intervals: a cluster bootstrap over documents (characters, sentences and turns of
// one transcript are not independent), reproducible with a seed; the unitizing alphas with
// Krippendorff's 2004 alpha_U and what overlapping codes leave out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../src/api/service.ts';
import { loadProjectCodings, needsFor } from '../../src/features/agreement/data.ts';
import { agreementOverall } from '../../src/core/agreement/index.ts';
import { summarize } from '../../src/core/agreement/summary.ts';
import { importText, openSample, tmpProject } from '../helpers/project.ts';
import { dbOf } from '../helpers/db.ts';

describe('agreement.compute intervals on the sample study', () => {
  let s: Service;
  beforeAll(async () => {
    s = await openSample();
  }, 60_000);
  afterAll(() => s.close());

  it('resamples whole documents, says so, and the same seed gives the same intervals', async () => {
    const run = (seed: number) =>
      s.call('agreement.compute', { coders: ['Amira', 'Ben'], unit: 'character', bootstrap: 300, seed, unitizing: false });
    const a = await run(7);
    expect(a.bootstrap).toEqual({ replicates: 300, seed: 7, method: expect.stringMatching(/^cluster bootstrap over documents \(14\)/) });
    expect(await run(7)).toEqual(a);
    const other = await run(8);
    expect(other.overall.coefficients[1].ci!.lower).not.toBe(a.overall.coefficients[1].ci!.lower);
    for (const c of [a.overall, ...a.perCode].flatMap((g) => g.coefficients)) {
      if (c.ci) expect(c.ci.method).toMatch(/whole documents resampled \(14\)/);
      // Independent-unit formulas would be too narrow for characters: none are given.
      expect(c.analytic).toBeNull();
    }
    for (const d of a.perDocument) for (const c of d.coefficients) expect(c.ci).toBeNull();
    const employer = a.perGroup.find((g) => g.group === 'employer')!;
    expect(employer.coefficients[1].ci!.note).toMatch(/only 1 document/);
  });

  it('character intervals are wider than a unit bootstrap of the same characters would make them', async () => {
    const a = await s.call('agreement.compute', { coders: ['Amira', 'Ben'], unit: 'character', bootstrap: 400, unitizing: false });
    const docs = loadProjectCodings(dbOf(s), ['Amira', 'Ben'], needsFor('character'));
    const codes = a.perCode.map((c) => String(c.codeId));
    const naive = agreementOverall(docs, { unit: 'character', coders: ['Amira', 'Ben'], codes }, (d) =>
      summarize(d, { categories: [0, 1], bootstrap: 400 }),
    ).result;
    const width = (c: { ci: { lower: number | null; upper: number | null } | null }) => c.ci!.upper! - c.ci!.lower!;
    const kappa = a.overall.coefficients.find((c) => c.coefficient === 'cohen_kappa')!;
    expect(kappa.value).toBeCloseTo(naive.find((c) => c.coefficient === 'cohen_kappa')!.value!, 12);
    expect(width(kappa)).toBeGreaterThan(3 * width(naive.find((c) => c.coefficient === 'cohen_kappa')!));
  });

  it("gives Krippendorff's 2004 alpha_U overall and per code, and the report's methods paragraph names the cluster bootstrap", async () => {
    const r = await s.call('agreement.compute', { coders: ['Amira', 'Ben'], unit: 'turn', bootstrap: 50 });
    const k = r.unitizing!.krippendorff2004;
    expect(k.overall.coefficient).toBe('krippendorff_2004_alpha_u');
    expect(k.overall.value).toBeGreaterThan(0.3);
    expect(k.overall.value).toBeLessThan(1);
    expect(k.perCode).toHaveLength(r.perCode.length);
    const used = k.perCode.filter((c) => c.value !== null);
    expect(used.length).toBeGreaterThan(10);
    // The overall value is 1 - mean D_o / mean D_e over the codes someone used.
    const mean = (f: (c: (typeof used)[number]) => number) => used.reduce((x, c) => x + f(c), 0) / used.length;
    expect(k.overall.value!).toBeCloseTo(1 - mean((c) => c.observedDisagreement!) / mean((c) => c.expectedDisagreement!), 12);
    const report = await s.call('agreement.report', { coders: ['Amira', 'Ben'], unit: 'turn', bootstrap: 50 });
    expect(report.methods).toMatch(
      /cluster bootstrap with 50 replicates \(seed 1\): whole documents \(14\) were resampled with replacement, because adjacent turns of one transcript are not independent/,
    );
    expect(report.methods).toMatch(/2004 αU/);
    expect(report.csv).toMatch(/krippendorff_2004_alpha_u/);
  });
});

describe('unitizing alphas when one coder’s codes overlap', () => {
  it('computes u-alpha and cu-alpha per group of sibling codes that never overlap, and names what was left out', async () => {
    const { service: s } = tmpProject();
    const doc = await importText(s, 'one.txt', 'P1: ' + 'word '.repeat(400));
    const parent = await s.call('codes.create', { name: 'Feelings' });
    const other = await s.call('codes.create', { name: 'Places' });
    const [joy, fear] = [
      await s.call('codes.create', { name: 'Joy', parentId: parent.id }),
      await s.call('codes.create', { name: 'Fear', parentId: parent.id }),
    ];
    const [home, work] = [
      await s.call('codes.create', { name: 'Home', parentId: other.id }),
      await s.call('codes.create', { name: 'Work', parentId: other.id }),
    ];
    const code = async (coder: string, codeId: number, start: number, end: number) =>
      s.call('codings.create', { documentId: doc.id, codeId, coder, start, end });
    for (const coder of ['A', 'B']) {
      await code(coder, joy.id, 0, 100);
      await code(coder, fear.id, 200, 300);
      // Home and Work overlap each other in A's codings only; Joy overlaps Home.
      await code(coder, home.id, 50, 150);
      await code(coder, work.id, coder === 'A' ? 120 : 160, 260);
    }
    const r = await s.call('agreement.compute', { coders: ['A', 'B'], unit: 'character', bootstrap: 0 });
    const u = r.unitizing!;
    expect(u.uAlpha.value).toBeNull();
    expect(u.uAlpha.note).toMatch(/"Joy" and "Home" overlap/);
    expect(u.domains.map((d) => d.domain)).toEqual(['Feelings']);
    expect(u.domains[0].codes.sort()).toEqual(['Fear', 'Joy']);
    expect(u.domains[0].uAlpha.value).toBe(1);
    expect(u.domains[0].cuAlpha.value).toBe(1);
    expect(u.leftOut.join('\n')).toMatch(/codes under "Places": "Home" and "Work" overlap in 1 place/);
    expect(u.leftOut.join('\n')).toMatch(/u-alpha and cu-alpha over all codes/);
    // alpha_U (2004) and |u-alpha take the codes one by one, so they are all there.
    expect(u.krippendorff2004.perCode.every((c) => c.value !== null)).toBe(true);
    expect(u.binaryUAlpha.value).not.toBeNull();
    s.close();
  });
});
