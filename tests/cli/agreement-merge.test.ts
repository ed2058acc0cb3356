import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Service } from '../../src/api/service.ts';
import { buildSample } from '../../src/api/sample.ts';
import { tmpDir } from '../helpers/project.ts';
import { runCli } from '../helpers/cli.ts';

const run = runCli;

describe('thematic merge (a coder copy back into the project)', () => {
  const dir = tmpDir();
  const file = path.join(dir, 'sample.thematic');
  const copy = path.join(dir, 'chris.thematic');
  beforeAll(async () => {
    await buildSample(file, { force: true });
    await run(['coder-copy', file, '--coder', 'Chris', '--out', copy]);
    // Chris codes in the copy: two codings on an existing code, renames a code, adds a code with a coding.
    const c = Service.open(copy, {});
    const [doc] = await c.call('documents.list', {});
    const codes = await c.call('codes.list', {});
    await c.call('codings.create', { documentId: doc.id, codeId: codes[0].id, coder: 'Chris', start: 0, end: 20 });
    await c.call('codings.create', { documentId: doc.id, codeId: codes[1].id, coder: 'Chris', start: 30, end: 60 });
    await c.call('codes.update', { id: codes[1].id, name: 'Renamed by Chris' });
    const added = await c.call('codes.create', { name: "Chris's new code" });
    await c.call('codings.create', { documentId: doc.id, codeId: added.id, coder: 'Chris', start: 5, end: 15 });
    c.close();
  }, 60_000);

  it('lists conflicts, merges what matches, adds new codes only when asked, and a second merge changes nothing', async () => {
    const dry = JSON.parse((await run(['merge', file, copy, '--dry-run', 'yes', '--json'])).out);
    expect(dry.merged).toBe(0);
    expect(dry.conflicts.map((c: { kind: string }) => c.kind).sort()).toEqual(['code-added', 'code-renamed']);
    const first = JSON.parse((await run(['merge', file, copy, '--json'])).out);
    expect(first).toMatchObject({ coders: ['Chris'], merged: 2, skipped: 1, duplicates: 0 });
    const s = Service.open(file, {});
    expect((await s.call('codings.list', { coder: 'Chris' })).map((c) => [c.start, c.end])).toEqual([
      [0, 20],
      [30, 60],
    ]);
    expect((await s.call('codes.list', {})).some((c) => c.name === 'Renamed by Chris')).toBe(false);
    s.close();
    const second = JSON.parse((await run(['merge', file, copy, '--new-codes', 'add', '--json'])).out);
    expect(second).toMatchObject({ merged: 1, duplicates: 2, skipped: 0 });
    const third = await run(['merge', file, copy, '--new-codes', 'add']);
    expect(third.out).toMatch(/Merged 0 codings of no coder; 3 already here, 0 left out/);
    const t = Service.open(file, {});
    expect(await t.call('codings.list', { coder: 'Chris' })).toHaveLength(3);
    expect((await t.call('codes.list', {})).filter((c) => c.name === "Chris's new code")).toHaveLength(1);
    t.close();
  });

  it('refuses a file that is not a project', async () => {
    const r = await run(['merge', file, path.join(import.meta.dirname, 'agreement-merge.test.ts')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not a Thematic project/);
  });
});
