import path from 'node:path';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { Service } from '../../src/api/service.ts';
import { buildSample } from '../../src/api/sample.ts';
import { importText, tmpDir, tmpProject } from '../helpers/project.ts';
import { dbOf } from '../helpers/db.ts';

const coef = (g: { coefficients: { coefficient: string; value: number | null }[] }, name: string) =>
  g.coefficients.find((c) => c.coefficient === name)!.value;

describe('agreement.compute on the sample study (Amira and Ben)', () => {
  let s: Service;
  beforeAll(async () => {
    const file = path.join(tmpDir(), 'sample.thematic');
    await buildSample(file, { force: true });
    s = Service.open(file, {});
    // A third coder who copies Amira exactly: perfect agreement.
    for (const c of await s.call('codings.list', { coder: 'Amira' })) {
      await s.call('codings.create', { documentId: c.documentId, codeId: c.codeId, coder: 'Copy', start: c.start, end: c.end });
    }
  }, 60_000);
  afterAll(() => s.close());

  for (const unit of ['character', 'turn', 'sentence', 'document'] as const) {
    it(`${unit}: coefficients between 0 and 1 with intervals around them, at every level`, async () => {
      const r = await s.call('agreement.compute', { coders: ['Amira', 'Ben'], unit, bootstrap: 100 });
      expect(r.perGroup.map((g) => g.group)).toEqual(['employer', 'HCP', 'patient', 'peer worker']);
      expect(r.perDocument).toHaveLength(14);
      expect(r.perCode.length).toBeGreaterThan(10);
      for (const g of [r.overall, ...r.perGroup]) {
        expect(g.coefficients.map((c) => c.coefficient)).toEqual([
          'percent_agreement',
          'cohen_kappa',
          'scott_pi',
          'fleiss_kappa',
          'krippendorff_alpha_nominal',
          'gwet_ac1',
          'brennan_prediger',
        ]);
        for (const c of g.coefficients) {
          expect(c.value).toBeGreaterThan(0.5);
          expect(c.value).toBeLessThan(1);
          expect(c.ci!.lower! - 1e-9).toBeLessThanOrEqual(c.value!);
          expect(c.ci!.upper! + 1e-9).toBeGreaterThanOrEqual(c.value!);
          expect(c.observedDisagreement).toBeGreaterThan(0);
          expect(c.expectedDisagreement).toBeGreaterThan(c.observedDisagreement!);
        }
      }
      expect(r.overall.units).toBe(r.perCode.reduce((n, c) => n + c.units, 0));
      expect(r.overall.units).toBe(r.perDocument.reduce((n, c) => n + c.units, 0));
    });

    it(`${unit}: a coder who copies Amira agrees perfectly`, async () => {
      const r = await s.call('agreement.compute', { coders: ['Amira', 'Copy'], unit, bootstrap: 20 });
      for (const c of r.overall.coefficients) expect(c.value).toBe(1);
      for (const g of r.perCode) expect(coef(g, 'percent_agreement')).toBe(1);
      expect(r.unitizing!.uAlpha.value).toBe(1);
      expect(r.unitizing!.binaryUAlpha.value).toBe(1);
    });
  }

  it('is symmetric in the coders', async () => {
    const ab = await s.call('agreement.compute', { coders: ['Amira', 'Ben'], unit: 'turn', bootstrap: 0 });
    const ba = await s.call('agreement.compute', { coders: ['Ben', 'Amira'], unit: 'turn', bootstrap: 0 });
    for (const name of ['cohen_kappa', 'krippendorff_alpha_nominal', 'gwet_ac1'])
      expect(coef(ba.overall, name)).toBeCloseTo(coef(ab.overall, name)!, 12);
    expect(ba.unitizing!.uAlpha.value).toBeCloseTo(ab.unitizing!.uAlpha.value!, 12);
  });

  it('gives the unitizing alphas, overall and per code, between 0 and 1', async () => {
    const r = await s.call('agreement.compute', { coders: ['Amira', 'Ben'], unit: 'character', bootstrap: 0 });
    const u = r.unitizing!;
    for (const x of [u.uAlpha, u.binaryUAlpha, u.cuAlpha]) {
      expect(x.value).toBeGreaterThan(0.5);
      expect(x.value).toBeLessThan(1);
    }
    expect(u.perCode).toHaveLength(r.perCode.length);
    expect(u.uAlpha.length).toBe((dbOf(s).prepare('SELECT SUM(char_length) AS n FROM documents').get() as { n: number }).n);
  });

  it('restricts to chosen codes, and "exclude uncoded" drops text no coder coded', async () => {
    const code = (await s.call('codes.list', {})).find((c) => c.codingCount > 0)!;
    const one = await s.call('agreement.compute', {
      coders: ['Amira', 'Ben'],
      unit: 'character',
      codeIds: [code.id],
      bootstrap: 0,
      unitizing: false,
    });
    expect(one.perCode.map((c) => c.code)).toEqual([code.name]);
    expect(one.unitizing).toBeNull();
    const all = await s.call('agreement.compute', { coders: ['Amira', 'Ben'], unit: 'turn', bootstrap: 0 });
    const ex = await s.call('agreement.compute', { coders: ['Amira', 'Ben'], unit: 'turn', bootstrap: 0, excludeUncoded: true });
    expect(ex.excludeUncoded).toBe(true);
    expect(ex.overall.units).toBeLessThan(all.overall.units);
    // Fewer agreed absences: kappa barely moves, raw agreement drops.
    expect(coef(ex.overall, 'percent_agreement')!).toBeLessThan(coef(all.overall, 'percent_agreement')!);
  });

  it('segments match by overlap with a threshold', async () => {
    const strict = await s.call('agreement.compute', { coders: ['Amira', 'Ben'], unit: 'segment', threshold: 1, bootstrap: 0 });
    const loose = await s.call('agreement.compute', { coders: ['Amira', 'Ben'], unit: 'segment', threshold: 0.1, bootstrap: 0 });
    expect(strict.threshold).toBe(1);
    expect(coef(loose.overall, 'percent_agreement')!).toBeGreaterThanOrEqual(coef(strict.overall, 'percent_agreement')!);
  });

  it('refuses an unknown coder or code', async () => {
    await expect(s.call('agreement.compute', { coders: ['Amira', 'Nobody'] })).rejects.toThrow(/Nobody/);
    await expect(s.call('agreement.compute', { coders: ['Amira', 'Ben'], codeIds: [99999] })).rejects.toThrow(/99999/);
    await expect(s.call('agreement.compute', { coders: ['Amira', 'Amira'] })).rejects.toThrow(/two different coders/);
  });
});

describe('agreement.compute by hand', () => {
  it('character units: A codes [0,10), B codes [5,15) of 20 characters -> 50% agreement, kappa 0', async () => {
    const { service } = tmpProject();
    const doc = await importText(service, 'd.txt', 'abcdefghijklmnopqrst');
    const code = await service.call('codes.create', { name: 'X' });
    await service.call('codings.create', { documentId: doc.id, codeId: code.id, coder: 'A', start: 0, end: 10 });
    await service.call('codings.create', { documentId: doc.id, codeId: code.id, coder: 'B', start: 5, end: 15 });
    const r = await service.call('agreement.compute', { coders: ['A', 'B'], unit: 'character', bootstrap: 0 });
    expect(r.overall.units).toBe(20);
    expect(coef(r.overall, 'percent_agreement')).toBe(0.5);
    expect(coef(r.overall, 'cohen_kappa')).toBeCloseTo(0, 12);
    expect(r.overall.coefficients.find((c) => c.coefficient === 'cohen_kappa')!.expectedAgreement).toBeCloseTo(0.5, 12);
    const ex = await service.call('agreement.compute', { coders: ['A', 'B'], unit: 'character', excludeUncoded: true, bootstrap: 0 });
    expect(ex.overall.units).toBe(15);
    expect(coef(ex.overall, 'percent_agreement')).toBeCloseTo(5 / 15, 12);
    // Document level: both applied the code, one unit, no variation: kappa undefined -> null.
    const d = await service.call('agreement.compute', { coders: ['A', 'B'], unit: 'document', bootstrap: 0 });
    expect(coef(d.overall, 'percent_agreement')).toBe(1);
    expect(coef(d.overall, 'cohen_kappa')).toBeNull();
    service.close();
  });
});
