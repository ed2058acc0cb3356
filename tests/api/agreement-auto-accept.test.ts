import { describe, expect, it } from 'vitest';
import { importText, INTERVIEW, tmpProject } from '../helpers/project.ts';

describe('reconciliation puts agreed codings into the consensus automatically', () => {
  it('the first decision also accepts every agreed passage, in one undoable step', async () => {
    const { service } = tmpProject();
    const d = await importText(service, 'p4.txt', INTERVIEW, 'P4');
    const code = await service.call('codes.create', { name: 'Trust' });
    for (const coder of ['A', 'B']) await service.call('codings.create', { documentId: d.id, codeId: code.id, coder, start: 0, end: 10 });
    await service.call('codings.create', { documentId: d.id, codeId: code.id, coder: 'A', start: 40, end: 60 });
    const pair = { coderA: 'A', coderB: 'B', consensus: 'Consensus' };
    const list = await service.call('reconcile.list', { ...pair });
    expect(list.items).toHaveLength(1);
    await service.call('reconcile.decide', { ...pair, key: list.items[0].key, kind: 'keep-a' });
    const consensus = await service.call('codings.list', { coder: 'Consensus' });
    expect(consensus.map((c) => [c.start, c.end])).toEqual([
      [0, 10],
      [40, 60],
    ]);
    expect(await service.call('reconcile.acceptAgreed', { ...pair })).toEqual({ accepted: 0, codings: 0 });
    await service.call('history.undo', {});
    expect(await service.call('codings.list', { coder: 'Consensus' })).toEqual([]);
  });
});
