// The fast project path (store/agreement-units.ts) must give exactly what the engine's own
// pooling (agreement/aggregate.ts) gives, for every unit of analysis, with and without
// excluding uncoded text.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Service } from '../../src/api/service.ts';
import { agreementOverall, agreementPerCode, agreementPerDocument } from '../../src/core/agreement/index.ts';
import { loadProjectCodings, needsFor } from '../../src/features/agreement/data.ts';
import { computeAgreement } from '../../src/features/agreement/compute.ts';
import { summarize, unitTotal } from '../../src/core/agreement/summary.ts';
import { openSample } from '../helpers/project.ts';
import { dbOf } from '../helpers/db.ts';

const values = (list: { coefficient: string; value: number | null }[]) =>
  list.map((c) => [c.coefficient, c.value === null ? null : +c.value.toFixed(10)]);

describe('fast project units equal the engine', () => {
  let s: Service;
  beforeAll(async () => {
    s = await openSample();
  }, 60_000);
  afterAll(() => s.close());

  for (const unit of ['character', 'turn', 'sentence', 'document', 'segment'] as const) {
    for (const excludeUncoded of [false, true]) {
      it(`${unit}${excludeUncoded ? ', excluding uncoded text' : ''}`, () => {
        const coders = ['Amira', 'Ben'];
        const fast = computeAgreement(dbOf(s), { coders, unit, excludeUncoded, bootstrap: 0, unitizing: false });
        const docs = loadProjectCodings(dbOf(s), coders, needsFor(unit));
        const codes = fast.perCode.map((c) => String(c.codeId));
        const opts = { unit, coders, codes, excludeUncoded };
        const coef = (d: Parameters<typeof summarize>[0]) => summarize(d, { categories: [0, 1], bootstrap: 0 });
        const overall = agreementOverall(docs, opts, coef);
        expect(fast.overall.units).toBe(unitTotal(overall.data));
        expect(values(fast.overall.coefficients)).toEqual(values(overall.result));
        const perCode = new Map(agreementPerCode(docs, opts, coef).map((g) => [g.key, g.result]));
        for (const c of fast.perCode) expect(values(c.coefficients)).toEqual(values(perCode.get(String(c.codeId))!));
        const perDoc = new Map(agreementPerDocument(docs, opts, coef).map((g) => [g.key, g.result]));
        for (const d of fast.perDocument) expect(values(d.coefficients)).toEqual(values(perDoc.get(String(d.documentId))!));
      });
    }
  }
});
