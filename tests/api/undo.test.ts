import { describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../src/api/contract.ts';
import type { Service } from '../../src/api/service.ts';
import { b64, importText, INTERVIEW, snapshot, tmpProject } from '../helpers/project.ts';

/** A project with a bit of everything, so every mutation has something to act on. */
async function seeded() {
  const { service } = tmpProject();
  const doc = await importText(service, 'p4.txt', INTERVIEW, 'P4');
  const parent = await service.call('codes.create', { name: 'Trust' });
  const code = await service.call('codes.create', { name: 'Language', parentId: parent.id });
  const other = await service.call('codes.create', { name: 'Return visits' });
  const coding = await service.call('codings.create', { documentId: doc.id, codeId: code.id, coder: 'Amira', start: 10, end: 30 });
  await service.call('codings.create', { documentId: doc.id, codeId: other.id, coder: 'Ben', start: 5, end: 25 });
  const memo = await service.call('memos.create', { targetType: 'code', targetId: code.id, title: 'why', body: 'b', author: 'Amira' });
  const p = (await service.call('participants.list', {}))[0];
  return { service, doc, parent, code, other, coding, memo, p };
}

type Ctx = Awaited<ReturnType<typeof seeded>>;

// One representative call per mutating method: undo must restore the state exactly, redo must reapply it.
const MUTATIONS: { [M in MethodName]?: (c: Ctx) => unknown } = {
  'documents.import': () => ({ files: [{ name: 'new.txt', contentBase64: b64('P9: a new transcript about the nurses.') }], participant: 'P9', attributes: { group: 'HCP' } }),
  'documents.delete': (c) => ({ id: c.doc.id }),
  'documents.setParticipant': (c) => ({ documentId: c.doc.id, participantId: null }),
  'speakers.link': (c) => ({ documentId: c.doc.id, speaker: 'Interviewer', participantId: c.p.id }),
  'participants.create': () => ({ label: 'P10', attributes: { group: 'HCP' } }),
  'participants.update': (c) => ({ id: c.p.id, label: 'P4b', attributes: { group: 'patient', site: null } }),
  'participants.delete': (c) => ({ id: c.p.id }),
  'participants.importCsv': () => ({ csv: 'participant,group\nP4,patient\nP11,HCP\n' }),
  'coders.create': () => ({ name: 'Chris' }),
  'codes.create': () => ({ name: 'Advocacy', color: '#112233' }),
  'codes.update': (c) => ({ id: c.code.id, name: 'Shared language', definition: 'd', color: '#abcdef' }),
  'codes.move': (c) => ({ id: c.code.id, parentId: null }),
  'codes.merge': (c) => ({ sourceId: c.other.id, targetId: c.code.id }),
  'codes.delete': (c) => ({ id: c.parent.id, withCodings: true }),
  'codings.create': (c) => ({ documentId: c.doc.id, codeId: c.other.id, coder: 'Amira', start: 0, end: 8 }),
  'codings.remove': (c) => ({ id: c.coding.id }),
  'codings.resize': (c) => ({ id: c.coding.id, start: 12, end: 40 }),
  'codings.inVivo': (c) => ({ documentId: c.doc.id, coder: 'Ben', start: 58, end: 80 }),
  'memos.create': (c) => ({ targetType: 'document', targetId: c.doc.id, title: 't', body: 'b' }),
  'memos.update': (c) => ({ id: c.memo.id, body: 'changed' }),
  'memos.delete': (c) => ({ id: c.memo.id }),
  'search.autocode': (c) => ({ query: 'nurses', codeId: c.other.id, coder: 'Amira', scope: 'sentence' }),
};

const logged = (s: Service) => (s.db.prepare(`SELECT COUNT(*) AS n FROM operations WHERE kind = 'change'`).get() as { n: number }).n;

describe('undo and redo cover every mutation', () => {
  const mutating = (Object.keys(contract) as MethodName[]).filter((m) => contract[m].mutates);

  it('has a case for every mutating method in the contract', () => {
    expect(mutating.filter((m) => !MUTATIONS[m])).toEqual([]);
  });

  for (const method of mutating) {
    it(`${method}: one log entry; undo restores, redo reapplies`, async () => {
      const c = await seeded();
      const before = snapshot(c.service);
      const ops = logged(c.service);
      await c.service.call(method, MUTATIONS[method]!(c) as never, { actor: 'tester' });
      const after = snapshot(c.service);
      expect(after).not.toEqual(before);
      expect(logged(c.service)).toBe(ops + 1);
      await c.service.call('history.undo', {});
      expect(snapshot(c.service)).toEqual(before);
      await c.service.call('history.redo', {});
      expect(snapshot(c.service)).toEqual(after);
      await c.service.call('history.undo', {});
      expect(snapshot(c.service)).toEqual(before);
      c.service.close();
    });
  }

  it('a new change after undo discards the redo stack, and the audit trail keeps everything', async () => {
    const c = await seeded();
    await c.service.call('codes.create', { name: 'A' });
    await c.service.call('history.undo', {});
    await c.service.call('codes.create', { name: 'B' });
    await expect(c.service.call('history.redo', {})).rejects.toThrow(/nothing to redo/);
    const h = await c.service.call('history.list', { limit: 50 });
    const summaries = h.operations.map((o) => `${o.state}:${o.summary}`);
    expect(summaries).toContain('discarded:Create code "A"');
    expect(summaries).toContain('record:Undo: Create code "A"');
    expect(summaries[0]).toBe('done:Create code "B"');
    expect(h.operations.every((o) => o.actor && o.at)).toBe(true);
  });

  it('undo walks back several operations in order, including an import', async () => {
    const { service } = tmpProject();
    const empty = snapshot(service);
    const d = await importText(service, 'x.txt', INTERVIEW);
    const code = await service.call('codes.create', { name: 'X' });
    await service.call('codings.create', { documentId: d.id, codeId: code.id, coder: 'A', start: 0, end: 5 });
    for (let k = 0; k < 3; k++) await service.call('history.undo', {});
    expect(snapshot(service)).toEqual(empty);
    expect((await service.call('search.query', { query: 'nurses' })).total).toBe(0);
    for (let k = 0; k < 3; k++) await service.call('history.redo', {});
    expect((await service.call('codings.list', {})).length).toBe(1);
    expect((await service.call('search.query', { query: 'nurses' })).total).toBe(1);
    await expect(service.call('history.redo', {})).rejects.toThrow(/nothing to redo/);
  });
});
