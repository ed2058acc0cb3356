import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Service } from '../../src/api/service.ts';
import { main } from '../../src/cli/main.ts';
import { importText, INTERVIEW, tmpDir } from '../helpers/project.ts';

const quiet = { out: () => {}, err: () => {} };

describe("merging a coder copy brings the coder's memos", () => {
  it('attaches memos to the matching document, code and coding; the rest are counted, and a second merge adds nothing', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'main.thematic'),
      copy = path.join(dir, 'copy.thematic');
    const s = Service.open(file, { create: true });
    const d = await importText(s, 'p4.txt', INTERVIEW, 'P4');
    const code = await s.call('codes.create', { name: 'Trust' });
    s.close();
    expect(await main(['coder-copy', file, '--coder', 'Ben', '--out', copy], quiet)).toBe(0);
    const c = Service.open(copy);
    const coding = await c.call('codings.create', { documentId: d.id, codeId: code.id, coder: 'Ben', start: 3, end: 20 });
    await c.call('memos.create', { targetType: 'document', targetId: d.id, title: 'doc note', body: 'b', author: 'Ben' });
    await c.call('memos.create', { targetType: 'code', targetId: code.id, title: 'code note', body: 'b', author: 'Ben' });
    await c.call('memos.create', { targetType: 'coding', targetId: coding.id, title: 'coding note', body: 'b', author: 'Ben' });
    const extra = await importText(c, 'only-in-copy.txt', 'P9: text only Ben has.');
    await c.call('memos.create', { targetType: 'document', targetId: extra.id, title: 'orphan', body: 'b', author: 'Ben' });
    c.close();

    const out: string[] = [];
    expect(await main(['merge', file, copy, '--json'], { out: (x) => out.push(x), err: () => {} })).toBe(0);
    expect(JSON.parse(out.join(''))).toMatchObject({ merged: 1, memosMerged: 3, memosNotMerged: 1 });
    const m = Service.open(file);
    const memos = await m.call('memos.list', {});
    const merged = (await m.call('codings.list', { coder: 'Ben' }))[0];
    expect(memos.map((x) => [x.title, x.targetType, x.targetId])).toEqual([
      ['doc note', 'document', d.id],
      ['code note', 'code', code.id],
      ['coding note', 'coding', merged.id],
    ]);
    m.close();
    const again: string[] = [];
    await main(['merge', file, copy, '--json'], { out: (x) => again.push(x), err: () => {} });
    expect(JSON.parse(again.join(''))).toMatchObject({ merged: 0, memosMerged: 0 });
  });
});
