import { describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../src/api/contract.ts';
import type { Service } from '../../src/api/service.ts';
import { coderCopyBase64 } from '../../src/features/reconcile/coder-copy.ts';
import fs from 'node:fs';
import path from 'node:path';
import { b64, importText, INTERVIEW, snapshot, tmpDir, tmpProject } from '../helpers/project.ts';
import { dbOf } from '../helpers/db.ts';
import { recordingIn } from '../media/fixture.ts';

let recording: string | undefined;
const recordingBase64 = () => fs.readFileSync((recording ??= recordingIn(tmpDir(), 'P4.opus'))).toString('base64');

/** A project with a bit of everything, so every mutation has something to act on. */
async function seeded() {
  const { service } = tmpProject();
  const doc = await importText(service, 'p4.txt', INTERVIEW, 'P4');
  const parent = await service.call('codes.create', { name: 'Trust' });
  const code = await service.call('codes.create', { name: 'Language', parentId: parent.id });
  const other = await service.call('codes.create', { name: 'Return visits' });
  const coding = await service.call('codings.create', { documentId: doc.id, codeId: code.id, coder: 'Amira', start: 10, end: 30 });
  await service.call('codings.create', { documentId: doc.id, codeId: other.id, coder: 'Ben', start: 5, end: 25 });
  await service.call('codings.create', { documentId: doc.id, codeId: code.id, coder: 'Ben', start: 10, end: 30 });
  const memo = await service.call('memos.create', { targetType: 'code', targetId: code.id, title: 'why', body: 'b', author: 'Amira' });
  const p = (await service.call('participants.list', {}))[0];
  const core = await service.call('themes.create', { kind: 'core', name: 'Bridge' });
  const group = await service.call('themes.create', { kind: 'group', parentId: core.id, name: 'Functions' });
  const theme = await service.call('themes.create', { kind: 'theme', parentId: group.id, name: 'Advocacy', codeIds: [code.id, other.id] });
  const candidate = await service.call('themes.create', {
    kind: 'theme',
    parentId: group.id,
    name: 'Trust',
    status: 'candidate',
    codeIds: [other.id],
  });
  await service.call('memos.create', { targetType: 'theme', targetId: theme.id, title: 'theme memo', body: 'b' });
  const link = await service.call('themes.addLink', { fromId: theme.id, toId: candidate.id, label: 'feeds' });
  await service.call('map.savePositions', { positions: { [theme.guid]: { x: 1, y: 2 } } });
  await service.call('map.saveVersion', { name: 'initial thematic map' });
  await service.call('media.attach', { documentId: doc.id, fileName: 'P4.opus', contentBase64: recordingBase64() });
  return { service, doc, parent, code, other, coding, memo, p, core, group, theme, candidate, link };
}

type Ctx = Awaited<ReturnType<typeof seeded>>;

// One representative call per mutating method: undo must restore the state exactly, redo must reapply it.
const MUTATIONS: { [M in MethodName]?: (c: Ctx) => unknown } = {
  'documents.import': () => ({
    files: [{ name: 'new.txt', contentBase64: b64('P9: a new transcript about the nurses.') }],
    participant: 'P9',
    attributes: { group: 'HCP' },
  }),
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
  'reconcile.decide': (c) => ({
    coderA: 'Amira',
    coderB: 'Ben',
    key: `${c.doc.id}:${c.other.id}:5-25`,
    kind: 'keep-b',
    rationale: 'B saw it',
  }),
  'reconcile.acceptAgreed': () => ({ coderA: 'Amira', coderB: 'Ben' }),
  'reconcile.mergeCopy': (c) => ({
    addNewCodes: true,
    contentBase64: coderCopyBase64(dbOf(c.service), 'Chris', (d) =>
      d.exec(
        `INSERT INTO codes (guid, name, color, created_at) VALUES ('new-code', 'New', '#123456', 'now'); INSERT INTO codings (guid, document_id, code_id, coder_id, start, end, created_at) SELECT 'chris-1', ${c.doc.id}, id, (SELECT id FROM coders WHERE name = 'Chris'), 0, 8, 'now' FROM codes WHERE guid = 'new-code'`,
      ),
    ),
  }),
  'search.autocode': (c) => ({ query: 'nurses', codeId: c.other.id, coder: 'Amira', scope: 'sentence' }),
  'themes.create': (c) => ({ kind: 'theme', parentId: c.group.id, name: 'Boundaries', codeIds: [c.code.id], why: 'new pattern' }),
  'themes.update': (c) => ({ id: c.theme.id, name: 'Speaking up', definition: 'd', color: '#0072b2' }),
  'themes.move': (c) => ({ id: c.candidate.id, parentId: c.theme.id }),
  'themes.delete': (c) => ({ id: c.group.id }),
  'themes.attachCode': (c) => ({ themeId: c.candidate.id, codeId: c.code.id }),
  'themes.detachCode': (c) => ({ themeId: c.theme.id, codeId: c.code.id }),
  'themes.promote': (c) => ({ id: c.candidate.id, why: 'seen in 9 of 14 interviews' }),
  'themes.discard': (c) => ({ id: c.theme.id, why: 'thin' }),
  'themes.merge': (c) => ({ sourceId: c.candidate.id, targetId: c.theme.id, why: 'same idea' }),
  'themes.split': (c) => ({ id: c.theme.id, into: [{ name: 'Language', codeIds: [c.code.id] }] }),
  'themes.addLink': (c) => ({ fromId: c.candidate.id, toId: c.theme.id, label: 'back' }),
  'themes.removeLink': (c) => ({ id: c.link.id }),
  'themes.updateLink': (c) => ({ id: c.link.id, label: 'builds on' }),
  'map.saveFigureSettings': () => ({ fontSize: 9.5, title: 'Figure 1. Thematic map' }),
  'map.savePositions': (c) => ({ positions: { [c.candidate.guid]: { x: 5, y: 6 } }, replace: true }),
  'map.saveVersion': () => ({ name: 'developed' }),
  'map.deleteVersion': () => ({ name: 'initial thematic map' }),
  'media.attach': (c) => ({ documentId: c.doc.id, fileName: 'P4 again.opus', contentBase64: recordingBase64() }),
  'media.detach': (c) => ({ documentId: c.doc.id }),
  'media.relink': (c) => {
    const dir = path.dirname(c.service.path);
    fs.renameSync(path.join(dir, 'study-media', 'P4.opus'), path.join(dir, 'P4.opus'));
    return { documentId: c.doc.id };
  },
  'media.setSyncPoints': (c) => ({
    documentId: c.doc.id,
    points: [
      { turnIdx: 0, time: 0.5 },
      { turnIdx: 2, time: 6 },
    ],
  }),
  'refi.import': () => ({
    fileName: 'x.qde',
    contentBase64: b64(
      '<Project xmlns="urn:QDA-XML:project:1.0" name="x"><Users><User guid="a0000000-0000-4000-8000-000000000001" name="Dana"/></Users><CodeBook><Codes><Code guid="a0000000-0000-4000-8000-000000000002" name="Care" isCodable="true"/></Codes></CodeBook><Variables><Variable guid="a0000000-0000-4000-8000-000000000007" name="site" typeOfVariable="Text"/></Variables><Cases><Case guid="a0000000-0000-4000-8000-000000000006" name="P20"><VariableValue><VariableRef targetGUID="a0000000-0000-4000-8000-000000000007"/><TextValue>B</TextValue></VariableValue><SourceRef targetGUID="a0000000-0000-4000-8000-000000000003"/></Case></Cases><Sources><TextSource guid="a0000000-0000-4000-8000-000000000003" name="t"><PlainTextContent>Nurses cared.\r\nThey did.</PlainTextContent><PlainTextSelection guid="a0000000-0000-4000-8000-000000000004" startPosition="0" endPosition="6"><Coding guid="a0000000-0000-4000-8000-000000000005" creatingUser="a0000000-0000-4000-8000-000000000001"><CodeRef targetGUID="a0000000-0000-4000-8000-000000000002"/></Coding></PlainTextSelection><NoteRef targetGUID="a0000000-0000-4000-8000-000000000008"/></TextSource></Sources><Notes><Note guid="a0000000-0000-4000-8000-000000000008" name="n"><PlainTextContent>memo</PlainTextContent></Note></Notes></Project>',
    ),
  }),
};

const logged = (s: Service) => (dbOf(s).prepare(`SELECT COUNT(*) AS n FROM operations WHERE kind = 'change'`).get() as { n: number }).n;

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
