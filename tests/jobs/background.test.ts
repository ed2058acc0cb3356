import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { Service } from '../../src/api/service.ts';
import { writeQdc } from '../../src/features/refi/write-qdc.ts';
import { startServer } from '../../src/server/server.ts';
import { BACKGROUND } from '../../src/jobs/background.ts';
import { INTERVIEW, importText, tmpProject } from '../helpers/project.ts';
import { dbOf } from '../helpers/db.ts';
import { AGREEMENT_WORKER_FROM } from '../../src/jobs/background.ts';
import { computeAgreement } from '../../src/features/agreement/compute.ts';
import { contract } from '../../src/api/contract.ts';

/** A REFI-QDA codebook of n codes (in groups of 10), as base64. */
function codebook(n: number): string {
  const codes = Array.from({ length: n / 10 }, (_, g) => ({
    guid: randomUUID(),
    name: `group ${g}`,
    isCodable: true,
    children: Array.from({ length: 9 }, (_, k) => ({
      guid: randomUUID(),
      name: `code ${g}.${k}`,
      isCodable: true,
      description: 'what it means',
      children: [],
    })),
  }));
  return Buffer.from(writeQdc({ codes, sets: [] })).toString('base64');
}

const open: Service[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});
function project() {
  const p = tmpProject();
  open.push(p.service);
  return p;
}

describe('long work runs off the main thread', () => {
  it('answers project.info while a REFI import runs, and never shows half an import', async () => {
    const { service } = project();
    const content = codebook(1000);
    let importDone = false;
    const importing = service.call('refi.import', { fileName: 'big.qdc', contentBase64: content }).then((r) => {
      importDone = true;
      return r;
    });
    const seen: { codes: number; phase: string | null }[] = [];
    while (!importDone) {
      const [info, jobs] = await Promise.all([service.call('project.info', {}), service.call('jobs.list', {})]);
      if (!importDone) seen.push({ codes: info.counts.codes, phase: jobs.find((j) => j.method === 'refi.import')?.phase ?? null });
      await sleep(5);
    }
    const report = await importing;
    expect(report.counts.codes).toBe(1000);
    // Quick calls were answered while the worker was at work on the import (not only before it began).
    const during = seen.filter((s) => s.phase !== null && s.phase !== 'starting');
    expect(during.length).toBeGreaterThan(0);
    expect(during.some((s) => s.phase === 'reading the file')).toBe(true);
    // A read sees the project before the import or after it: the import commits as one transaction.
    for (const s of seen) expect([0, 1000]).toContain(s.codes);
    expect((await service.call('project.info', {})).counts.codes).toBe(1000);
    expect(await service.call('jobs.list', {})).toEqual([]);
  });

  it('lets writes made during an import wait their turn: all saved, the import still one undoable step', async () => {
    const { service } = project();
    const doc = await importText(service, 'i.txt', INTERVIEW, 'P4');
    const code = await service.call('codes.create', { name: 'Before' });
    const importing = service.call('refi.import', { fileName: 'big.qdc', contentBase64: codebook(1000) });
    let done = false;
    void importing.finally(() => {
      done = true;
    });
    const writes: Promise<unknown>[] = [];
    for (let k = 0; !done && k < 200; k++) {
      writes.push(service.call('codings.create', { documentId: doc.id, codeId: code.id, coder: 'A', start: k % 50, end: (k % 50) + 5 }));
      await sleep(2);
    }
    const settled = await Promise.allSettled([importing, ...writes]);
    expect(settled.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(writes.length).toBeGreaterThan(0);
    const history = (await service.call('history.list', { limit: 10_000 })).operations;
    expect(history.filter((o) => o.method === 'refi.import')).toHaveLength(1);
    expect(history.filter((o) => o.method === 'codings.create')).toHaveLength(writes.length);
    // Undo every step: the import's 1,000 codes leave in exactly one of them.
    const drops: number[] = [];
    let codes = (await service.call('project.info', {})).counts.codes;
    expect(codes).toBe(1001);
    for (let k = 0; k < writes.length + 1; k++) {
      await service.call('history.undo', {});
      const now = (await service.call('project.info', {})).counts.codes;
      drops.push(codes - now);
      codes = now;
    }
    expect(drops.filter((d) => d !== 0)).toEqual([1000]);
    expect((await service.call('codings.list', { documentId: doc.id })).length).toBe(0);
  });

  it('stops a job when the project closes: its write is rolled back', async () => {
    const { service, file } = project();
    const importing = service.call('refi.import', { fileName: 'big.qdc', contentBase64: codebook(1000) });
    while (!(await service.call('jobs.list', {})).some((j) => j.phase === 'reading the file')) await sleep(5);
    service.close();
    open.length = 0;
    await expect(importing).rejects.toMatchObject({ code: 'closed' });
    const { Service } = await import('../../src/api/service.ts');
    const again = Service.open(file);
    open.push(again);
    expect((await again.call('project.info', {})).counts.codes).toBe(0);
  });

  it('reports progress and fails cleanly in the worker, with the same error as before', async () => {
    const { service } = project();
    await expect(service.call('refi.export', { format: 'qdc' })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/no codes yet/),
    });
    await expect(
      service.call('refi.import', { fileName: 'x.qdpx', contentBase64: Buffer.from('not a zip').toString('base64') }),
    ).rejects.toMatchObject({ code: 'import_failed' });
    expect(await service.call('jobs.list', {})).toEqual([]);
    expect(Object.keys(BACKGROUND).sort()).toEqual([
      'agreement.compute',
      'agreement.report',
      'anonymise.export',
      'anonymise.report',
      'reconcile.coderCopy',
      'refi.export',
      'refi.import',
      'reports.export',
    ]);
  });

  it('serves the web mode while an export runs in the worker', async () => {
    const { service } = project();
    await service.call('refi.import', { fileName: 'big.qdc', contentBase64: codebook(1000) });
    const server = await startServer({ service, staticDir: '/nonexistent' });
    try {
      const post = (method: string, body: unknown = {}) =>
        fetch(`${server.origin}/api/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
          body: JSON.stringify(body),
        }).then((r) => r.json() as Promise<{ result: unknown }>);
      const order: string[] = [];
      const exporting = post('refi.export', { format: 'qdpx' }).then((r) => {
        order.push('export');
        return r;
      });
      while (!((await post('jobs.list')).result as unknown[]).length) await sleep(5);
      const info = await post('project.info');
      order.push('info');
      expect(info.result).toMatchObject({ counts: { codes: 1000 } });
      expect((await exporting).result).toMatchObject({ fileName: 'study.qdpx' });
      expect(order).toEqual(['info', 'export']);
    } finally {
      await server.close();
    }
  });

  it('computes agreement on a large project in the worker, with the same result as on the main thread', async () => {
    const { service } = project();
    const doc = await importText(service, 'i.txt', INTERVIEW.repeat(20), 'P4');
    const codes = [(await service.call('codes.create', { name: 'A' })).id, (await service.call('codes.create', { name: 'B' })).id];
    for (const coder of ['Amira', 'Ben']) await service.call('coders.create', { name: coder });
    const db = dbOf(service);
    const coder = (name: string) => (db.prepare('SELECT id FROM coders WHERE name = ?').get(name) as { id: number }).id;
    const ins = db.prepare(
      `INSERT INTO codings (guid, document_id, code_id, coder_id, start, end, created_at) VALUES (?, ?, ?, ?, ?, ?, 'now')`,
    );
    db.transaction(() => {
      for (let k = 0; k < AGREEMENT_WORKER_FROM; k++) {
        const start = (k * 37) % (doc.charLength - 40);
        ins.run(randomUUID(), doc.id, codes[k % 2], coder(k % 3 ? 'Amira' : 'Ben'), start, start + 10 + (k % 25));
      }
    })();
    const input = { coders: ['Amira', 'Ben'], unit: 'turn' as const, bootstrap: 0, unitizing: false };
    let settled = false;
    const computing = service.call('agreement.compute', input).finally(() => {
      settled = true;
    });
    let listed = false;
    while (!listed && !settled) {
      listed = (await service.call('jobs.list', {})).some((j) => j.method === 'agreement.compute');
      await sleep(5);
    }
    expect(listed).toBe(true);
    const spec = contract['agreement.compute'];
    expect(await computing).toEqual(spec.output.parse(computeAgreement(db, spec.input.parse(input))));
  });
});
