import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Service } from '../../src/api/service.ts';
import { buildSample } from '../../src/api/sample.ts';
import { tmpDir } from '../helpers/project.ts';
import { runCli } from '../helpers/cli.ts';

const run = runCli;

describe('thematic coder-copy', () => {
  const dir = tmpDir();
  const file = path.join(dir, 'sample.thematic');
  beforeAll(() => buildSample(file, { force: true }), 60_000);

  it("keeps documents, participants and codebook, and only the named coder's codings", async () => {
    const copy = path.join(dir, 'ben.thematic');
    const r = await run(['coder-copy', file, '--coder', 'Ben', '--out', copy, '--json']);
    expect(r.code).toBe(0);
    const src = Service.open(file, {});
    const dst = Service.open(copy, {});
    try {
      expect((await dst.call('documents.list', {})).map((d) => d.name)).toEqual((await src.call('documents.list', {})).map((d) => d.name));
      expect((await dst.call('codes.list', {})).map((c) => [c.guid, c.name])).toEqual(
        (await src.call('codes.list', {})).map((c) => [c.guid, c.name]),
      );
      expect((await dst.call('participants.list', {})).length).toBe((await src.call('participants.list', {})).length);
      expect((await dst.call('coders.list', {})).map((c) => c.name)).toEqual(['Ben']);
      const ben = await src.call('codings.list', { coder: 'Ben' });
      expect((await dst.call('codings.list', {})).map((c) => c.guid)).toEqual(ben.map((c) => c.guid));
      expect(JSON.parse(r.out)).toMatchObject({ coder: 'Ben', codings: ben.length });
      expect((await dst.call('history.list', {})).operations).toEqual([]);
    } finally {
      src.close();
      dst.close();
    }
  });

  it('gives a new coder an uncoded copy, and never overwrites a file', async () => {
    const copy = path.join(dir, 'chris.thematic');
    expect((await run(['coder-copy', file, '--coder', 'Chris', '--out', copy])).out).toMatch(/0 of Chris's own codings/);
    const again = await run(['coder-copy', file, '--coder', 'Chris', '--out', copy]);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/already exists/);
    expect((await run(['coder-copy', file, '--coder', 'Chris'])).code).toBe(2);
  });
});
