import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { writeQdc } from '../../src/features/refi/write-qdc.ts';
import type { RefiCode } from '../../src/features/refi/model.ts';
import { tmpDir, tmpProject } from '../helpers/project.ts';
import { runCli } from '../helpers/cli.ts';
import { dbOf } from '../helpers/db.ts';

// Issue 15 item 3: the "name already taken" check scanned every root code per insert (quadratic;
// bench/refi-codes-bench.ts measures it). The set that replaced it must give the same names.

const c = (name: string, children: RefiCode[] = []): RefiCode => ({ guid: randomUUID(), name, isCodable: true, children });
const qdc = (codes: RefiCode[]) => Buffer.from(writeQdc({ origin: 'test', codes, sets: [] })).toString('base64');

describe('REFI code import: names already taken, and progress', () => {
  it('renames clashes the way SQLite NOCASE compares (ASCII case only), per parent, against the project and the file', async () => {
    const { service } = tmpProject();
    await service.call('codes.create', { name: 'Trust' });
    await service.call('codes.create', { name: 'Trust (2)' });
    const progress: number[] = [];
    await service.call(
      'refi.import',
      {
        fileName: 'cb.qdc',
        contentBase64: qdc([c('trust'), c('TRUST'), c('Ärger'), c('ärger'), c('Care', [c('trust'), c('Trust')]), c('Care')]),
      },
      {
        onProgress: (p) => {
          if (p.stage === 'codes') progress.push(p.done);
        },
      },
    );
    const rows = dbOf(service)
      .prepare('SELECT c.name, p.name AS parent FROM codes c LEFT JOIN codes p ON p.id = c.parent_id ORDER BY c.id')
      .all();
    expect(rows).toEqual([
      { name: 'Trust', parent: null },
      { name: 'Trust (2)', parent: null },
      { name: 'trust (3)', parent: null },
      { name: 'TRUST (4)', parent: null },
      { name: 'Ärger', parent: null },
      { name: 'ärger', parent: null }, // NOCASE folds ASCII only, as before
      { name: 'Care', parent: null },
      { name: 'trust', parent: 'Care' },
      { name: 'Trust (2)', parent: 'Care' },
      { name: 'Care (2)', parent: null },
    ]);
    expect(progress.at(-1)).toBe(8);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    service.close();
  });

  it('the CLI shows the progress of a large codebook import on stderr', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'cb.qdc');
    fs.writeFileSync(file, Buffer.from(qdc(Array.from({ length: 3000 }, (_, k) => c(`Code ${k % 1000}`))), 'base64'));
    const r = await runCli(['import', path.join(dir, 'p.thematic'), file]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^importing codes: 0 of 3000$/m);
    expect(r.err).toMatch(/^importing codes: 3000 of 3000$/m);
    expect(r.out).toMatch(/3,?000 codes/);
  });
});
