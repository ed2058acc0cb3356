import { describe, expect, it } from 'vitest';
import type { Service } from '../../src/api/service.ts';
import { runOperation } from '../../src/store/operations.ts';
import { importRefi } from '../../src/features/refi/to-store.ts';
import type { ResolvedText } from '../../src/features/refi/model.ts';
import type { RefiProject, RefiTextSource } from '../../src/features/refi/model.ts';
import { tmpProject } from '../helpers/project.ts';
import { dbOf } from '../helpers/db.ts';

const g = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const source = (n: number, name: string, over: Partial<RefiTextSource> = {}): RefiTextSource => ({
  kind: 'text',
  guid: g(n),
  name,
  selections: [],
  noteGuids: [],
  values: [],
  ...over,
});

function project(): RefiProject {
  return {
    name: 'Other tool',
    origin: 'SomeQDA 1',
    creatingUserGuid: g(3),
    description: 'A study of bridges.',
    users: [
      { guid: g(1), name: 'Ann' },
      { guid: g(2), name: 'Ann' },
      { guid: g(3), name: 'Owner' },
    ],
    codes: [
      {
        guid: g(10),
        name: 'Group',
        isCodable: false,
        children: [
          { guid: g(11), name: 'Trust', isCodable: true, color: '#aabbcc', description: 'about trust', children: [] },
          { guid: g(12), name: 'trust', isCodable: true, children: [] },
        ],
      },
    ],
    variables: [
      { guid: g(20), name: 'group', type: 'Text' },
      { guid: g(21), name: 'age', type: 'Integer' },
    ],
    cases: [
      {
        guid: g(30),
        name: 'P1',
        description: 'first',
        values: [
          { variableGuid: g(20), value: 'patient' },
          { variableGuid: g(21), value: '44' },
        ],
        sourceGuids: [g(40)],
        codeGuids: [g(11)],
      },
      { guid: g(31), name: 'P2', values: [], sourceGuids: [g(40), g(41)], codeGuids: [] },
    ],
    sources: [
      source(40, 'one.txt', {
        description: 'first interview',
        noteGuids: [g(60)],
        selections: [
          {
            guid: g(50),
            start: 0,
            end: 5,
            codings: [{ guid: g(70), codeGuid: g(11), creatingUser: g(2) }],
            noteGuids: [g(61)],
            description: 'why',
          },
          { guid: g(51), start: 7, end: 12, creatingUser: g(1), codings: [{ guid: g(71), codeGuid: g(12) }], noteGuids: [] },
          { guid: g(52), start: 0, end: 3, codings: [{ guid: g(72), codeGuid: g(11) }], noteGuids: [] },
          { guid: g(53), start: 5, end: 99, codings: [{ guid: g(73), codeGuid: g(11) }], noteGuids: [] },
          { guid: g(54), start: 0, end: 2, codings: [], noteGuids: [] },
          { guid: g(55), start: 0, end: 2, codings: [{ guid: g(74), codeGuid: g(99) }], noteGuids: [] },
        ],
      }),
      source(41, 'two.txt'),
      { kind: 'video', guid: g(42), name: 'clip.mp4', selectionCount: 4, codingCount: 3, hasTextRepresentation: false },
    ],
    notes: [
      { guid: g(60), text: 'on the source' },
      { guid: g(61), text: 'on a selection' },
      { guid: g(62), text: 'on a code' },
      { guid: g(63), text: 'on a case' },
      { guid: g(64), name: 'loose', text: 'on nothing', creatingUser: g(3) },
    ],
    noteRefs: [
      { noteGuid: g(62), targetGuid: g(11) },
      { noteGuid: g(63), targetGuid: g(31) },
    ],
    sets: [],
    links: [],
    graphs: [],
  };
}

function run(s: Service, texts: Map<string, ResolvedText>) {
  return runOperation(dbOf(s), { actor: 't', method: 'refi.import', summary: 's' }, (tx) =>
    importRefi(tx, { fileName: 'x.qde', kind: 'qde', project: project(), texts }),
  );
}

describe('REFI-QDA project -> Thematic rows (from other programs)', () => {
  const texts = new Map<string, ResolvedText>([
    [g(40), { text: 'Hello\r\nworld, again', from: 'inline' }],
    [g(41), { missing: 'no text file' }],
  ]);

  it('maps users, codes, cases, selections and notes, and names everything it could not carry', async () => {
    const { service } = tmpProject();
    const r = run(service, texts);
    expect(r.counts).toMatchObject({ codes: 3, documents: 1, codings: 3, participants: 2 });
    // users with the same name are told apart; codings take the Coding's user, then the selection's, then the project's
    const codings = await service.call('codings.list', { includeText: true });
    expect(codings.map((c) => [c.text, c.coder])).toEqual([
      ['Hel', 'Owner'],
      ['Hello', 'Ann (2)'],
      ['world', 'Ann'],
    ]);
    // a name clash among siblings is renamed, a non-codable code is a parent code
    const codes = await service.call('codes.list', {});
    expect(codes.map((c) => c.name).sort()).toEqual(['Group', 'Trust', 'trust (2)']);
    expect(codes.find((c) => c.name === 'Trust')).toMatchObject({ color: '#AABBCC', definition: 'about trust' });
    expect(r.notes.map((n) => n.kind)).toEqual(
      expect.arrayContaining(['grouping-codes', 'code-renamed', 'variable-types', 'several-cases', 'uncoded-selection']),
    );
    expect(r.notCarried.map((n) => n.kind).sort()).toEqual([
      'case-codes',
      'missing-source',
      'selection-out-of-range',
      'unknown-code',
      'video-source',
    ]);
    expect(r.notCarried.find((n) => n.kind === 'video-source')!.detail).toMatch(/4 selections and 3 codings/);
    // cases: attributes as text, the source goes to its first case
    const people = await service.call('participants.list', {});
    expect(people.map((p) => [p.label, p.attributes])).toEqual([
      ['P1', { age: '44', group: 'patient' }],
      ['P2', {}],
    ]);
    const [doc] = await service.call('documents.list', {});
    expect(doc).toMatchObject({ name: 'one.txt', participant: 'P1', charLength: 18 });
    // notes hang where their NoteRef points; descriptions become memos too
    const memos = await service.call('memos.list', {});
    const on = (body: string) => memos.find((m) => m.body === body)!.targetType;
    expect([on('on the source'), on('on a selection'), on('on a code'), on('on a case'), on('on nothing')]).toEqual([
      'document',
      'coding',
      'code',
      'participant',
      'project',
    ]);
    expect(memos.find((m) => m.body === 'on nothing')).toMatchObject({ title: 'loose', author: 'Owner' });
    expect(
      memos
        .filter((m) => /description/i.test(m.title))
        .map((m) => m.targetType)
        .sort(),
    ).toEqual(['coding', 'document', 'participant', 'project']);
    expect(memos.find((m) => m.body === 'why')!.targetType).toBe('coding');
    service.close();
  });
});
