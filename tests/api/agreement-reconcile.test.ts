import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Service } from '../../src/api/service.ts';
import { parseCsv } from '../../src/lib/csv.ts';
import { importText, openSample, snapshot, tmpProject } from '../helpers/project.ts';

const pair = { coderA: 'Amira', coderB: 'Ben' };
const consensusCodings = (s: Service, coder = 'Consensus') => s.call('codings.list', { coder });
const kappa = (r: { overall: { coefficients: { coefficient: string; value: number | null }[] } }) =>
  r.overall.coefficients.find((c) => c.coefficient === 'cohen_kappa')!.value;

describe('reconciliation on the sample study', () => {
  let s: Service;
  beforeAll(async () => {
    s = await openSample();
  }, 60_000);
  afterAll(() => s.close());

  it('lists every disagreement with its text, grouped by code and document, with progress', async () => {
    const r = await s.call('reconcile.list', { ...pair });
    expect(r.progress.total).toBeGreaterThan(20);
    expect(r.progress).toEqual({ total: r.items.length, resolved: 0, open: r.items.length });
    const kinds = new Set(r.items.map((i) => i.kind));
    expect(kinds.has('a-only') && kinds.has('b-only')).toBe(true);
    expect(r.agreed.passages).toBeGreaterThan(250);
    expect(r.groups.reduce((n, g) => n + g.total, 0)).toBe(r.progress.total);
    for (const i of r.items) {
      const doc = await s.call('documents.get', { id: i.documentId });
      expect(i.text).toBe(doc.text.slice(i.start, i.end));
      if (i.kind === 'a-only') expect(i.b).toEqual([]);
      if (i.kind === 'b-only') expect(i.a).toEqual([]);
      if (i.kind === 'boundaries') expect(i.a.length && i.b.length).toBeTruthy();
    }
  });

  it('accepts agreed passages into the consensus once, then decides every disagreement; agreement before and after', async () => {
    const before = await s.call('agreement.compute', { coders: ['Amira', 'Ben'], unit: 'character', bootstrap: 0, unitizing: false });
    const listed = await s.call('reconcile.list', { ...pair });
    const first = await s.call('reconcile.acceptAgreed', { ...pair });
    expect(first.accepted).toBe(listed.agreed.passages);
    expect((await consensusCodings(s)).length).toBe(first.codings);
    expect(await s.call('reconcile.acceptAgreed', { ...pair })).toEqual({ accepted: 0, codings: 0 });
    expect((await s.call('coders.list', {})).find((c) => c.name === 'Consensus')!.isConsensus).toBe(true);

    for (const item of listed.items) {
      await s.call('reconcile.decide', {
        ...pair,
        key: item.key,
        kind: item.kind === 'b-only' ? 'keep-b' : 'keep-a',
        rationale: 'discussed',
      });
    }
    const after = await s.call('reconcile.list', { ...pair });
    expect(after.progress).toEqual({ total: listed.progress.total, resolved: listed.progress.total, open: 0 });
    expect((await s.call('reconcile.list', { ...pair, status: 'open' })).items).toEqual([]);
    // Each coder against the consensus: both agree with it better than with each other.
    const a = await s.call('agreement.compute', { coders: ['Amira', 'Consensus'], unit: 'character', bootstrap: 0, unitizing: false });
    const b = await s.call('agreement.compute', { coders: ['Ben', 'Consensus'], unit: 'character', bootstrap: 0, unitizing: false });
    expect(kappa(a)!).toBeGreaterThan(kappa(before)!);
    expect(kappa(b)!).toBeGreaterThan(kappa(before)!);
    const log = await s.call('reconcile.log', {});
    expect(log.decisions).toHaveLength(listed.agreed.passages + listed.progress.total);
    const rows = parseCsv(log.csv);
    expect(rows[0]).toContain('rationale');
    expect(rows).toHaveLength(log.decisions.length + 1);
  });
});

describe('reconciliation decisions by hand', () => {
  async function project() {
    const { service } = tmpProject();
    const doc = await importText(service, 'd.txt', 'P4: She talked to the nurses for me, every single day.');
    const x = await service.call('codes.create', { name: 'Advocacy' });
    const y = await service.call('codes.create', { name: 'Language' });
    await service.call('codings.create', { documentId: doc.id, codeId: x.id, coder: 'Amira', start: 4, end: 20 });
    await service.call('codings.create', { documentId: doc.id, codeId: x.id, coder: 'Ben', start: 10, end: 25 });
    await service.call('codings.create', { documentId: doc.id, codeId: x.id, coder: 'Amira', start: 32, end: 40 });
    await service.call('codings.create', { documentId: doc.id, codeId: y.id, coder: 'Ben', start: 30, end: 45 });
    return { service, doc, x, y };
  }
  const spans = async (s: Service) => (await consensusCodings(s)).map((c) => [c.codeId, c.start, c.end]);

  it('union, intersection, edited, both and neither write the right consensus spans; re-deciding supersedes', async () => {
    const { service: s, doc, x, y } = await project();
    const r = await s.call('reconcile.list', { ...pair });
    expect(r.items.map((i) => [i.kind, i.start, i.end])).toEqual([
      ['boundaries', 4, 25],
      ['different-codes', 30, 45],
    ]);
    const [bound, diff] = r.items;
    expect(diff.code).toBe('Advocacy');
    expect(diff.otherCode).toBe('Language');

    await s.call('reconcile.decide', { ...pair, key: bound.key, kind: 'union' });
    expect(await spans(s)).toEqual([[x.id, 4, 25]]);
    await s.call('reconcile.decide', { ...pair, key: bound.key, kind: 'intersection', rationale: 'narrower' });
    expect(await spans(s)).toEqual([[x.id, 10, 20]]);
    await s.call('reconcile.decide', { ...pair, key: bound.key, kind: 'edited', spans: [{ start: 8, end: 22 }] });
    expect(await spans(s)).toEqual([[x.id, 8, 22]]);
    await expect(s.call('reconcile.decide', { ...pair, key: bound.key, kind: 'edited', spans: [{ start: 8, end: 999 }] })).rejects.toThrow(
      /not inside/,
    );
    await s.call('reconcile.decide', { ...pair, key: bound.key, kind: 'neither' });
    expect(await spans(s)).toEqual([]);

    await expect(s.call('reconcile.decide', { ...pair, key: diff.key, kind: 'union' })).rejects.toThrow(/different codes/);
    await s.call('reconcile.decide', { ...pair, key: diff.key, kind: 'both' });
    expect(await spans(s)).toEqual([
      [y.id, 30, 45],
      [x.id, 32, 40],
    ]);

    const log = await s.call('reconcile.log', {});
    expect(log.decisions.map((d) => [d.kind, d.supersededAt === null])).toEqual([
      ['union', false],
      ['intersection', false],
      ['edited', false],
      ['neither', true],
      ['both', true],
    ]);
    expect(log.decisions[1].rationale).toBe('narrower');
    expect((await s.call('reconcile.log', { includeSuperseded: false })).decisions).toHaveLength(2);
    expect((await s.call('reconcile.list', { ...pair })).progress).toEqual({ total: 2, resolved: 2, open: 0 });
    await expect(s.call('reconcile.decide', { ...pair, key: `${doc.id}:${x.id}:0-1`, kind: 'keep-a' })).rejects.toThrow(/no disagreement/);
    await expect(s.call('reconcile.decide', { ...pair, consensus: 'Ben', key: bound.key, kind: 'keep-a' })).rejects.toThrow(
      /three different/,
    );
    s.close();
  });

  it('a decision is one undoable operation, and deleting a document keeps its decisions for undo', async () => {
    const { service: s, doc } = await project();
    const [item] = (await s.call('reconcile.list', { ...pair })).items;
    const before = snapshot(s);
    await s.call('reconcile.decide', { ...pair, key: item.key, kind: 'keep-b' });
    const decided = snapshot(s);
    await s.call('history.undo', {});
    expect(snapshot(s)).toEqual(before);
    await s.call('history.redo', {});
    expect(snapshot(s)).toEqual(decided);
    await s.call('documents.delete', { id: doc.id });
    expect((await s.call('reconcile.log', {})).decisions).toEqual([]);
    await s.call('history.undo', {});
    expect(snapshot(s)).toEqual(decided);
    s.close();
  });
});
