import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSample } from '../../src/api/sample.ts';
import { parseCsv } from '../../src/lib/csv.ts';
import { tmpDir } from '../helpers/project.ts';
import { runCli } from '../helpers/cli.ts';

const run = runCli;

describe('thematic reconcile / accept-agreed', () => {
  const dir = tmpDir();
  const file = path.join(dir, 'sample.thematic');
  beforeAll(() => buildSample(file, { force: true }), 60_000);

  it('shows progress and open disagreements, accepts agreed passages, writes the decision log', async () => {
    const first = await run(['reconcile', file, '--coders', 'Amira,Ben', '--json']);
    expect(first.code).toBe(0);
    const json = JSON.parse(first.out);
    expect(json.progress.resolved).toBe(0);
    expect(json.open).toHaveLength(json.progress.total);
    const log = path.join(dir, 'log.csv');
    const acc = await run(['accept-agreed', file, '--coders', 'Amira,Ben', '--log', log]);
    expect(acc.code).toBe(0);
    expect(acc.out).toMatch(new RegExp(`Accepted ${json.agreed.passages} agreed passages`));
    expect(acc.out).toMatch(
      new RegExp(`0 of ${json.progress.total} disagreements resolved; ${json.agreed.passages} of ${json.agreed.passages} agreed`),
    );
    expect(parseCsv(fs.readFileSync(log, 'utf8'))).toHaveLength(json.agreed.passages + 1);
    expect((await run(['reconcile', file, '--coders', 'Amira'])).code).toBe(2);
  });
});
