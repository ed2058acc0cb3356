// Issue 16: REFI-QDA with every program. One hand-made file per case the ten-program trial found
// (see CORPUS.md); each test imports or exports through the API against a real SQLite file.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Service } from '../../src/api/service.ts';
import { openSample, SHARED, snapshot, tmpDir, tmpProject } from '../helpers/project.ts';
import { strictRead } from './strict-reader.ts';
import { codeTree, flatten } from '../../renderer/src/model/codeTree.ts';
import { b64, codebook, g, notes, project, qdpx, sets, sources, users, variables } from './fixtures/programs.ts';
import { dbOf } from '../helpers/db.ts';

const XSD = path.join(SHARED, 'interop', 'Project-mrt2019.xsd');
type ImportIn = {
  fileName: string;
  contentBase64: string;
  mode?: 'study' | 'another-coder';
  coder?: string;
  identicalText?: 'separate' | 'merge';
  groupsAsAttributes?: boolean;
};
const importFile = (s: Service, fileName: string, bytes: Uint8Array | string, more: Partial<ImportIn> = {}) =>
  s.call('refi.import', { fileName, contentBase64: b64(bytes), ...more });
const exportQdpx = async (s: Service, target?: 'standard' | 'nvivo') => {
  const r = await s.call('refi.export', { format: 'qdpx', ...(target ? { target } : {}) });
  return { ...r, bytes: new Uint8Array(Buffer.from(r.contentBase64, 'base64')) };
};
const count = (s: Service, sql: string) => (dbOf(s).prepare(sql).get() as { n: number }).n;
/** Validates a project file against the REFI-QDA schema with xmllint; throws with its message if invalid. */
function xsdValid(qde: Uint8Array): void {
  const file = path.join(tmpDir('refi-xsd-'), 'project.qde');
  fs.writeFileSync(file, qde);
  execFileSync('xmllint', ['--noout', '--nonet', '--schema', XSD, file], { stdio: 'pipe' });
}

describe('1. a current ATLAS.ti archive (the project file named after the project) and 11. its system user', () => {
  const text = 'We met at the station.\nThen we walked home.';
  const file = () =>
    qdpx(
      'Trial.qde',
      project(
        'ATLAS.ti Windows 26.0.0',
        users([1, 'Ana'], [2, 'ATLAS.ti']) +
          codebook({ n: 10, name: 'Travel', color: '#112233' }) +
          sources({
            n: 20,
            name: 'Interview 1',
            path: `internal://${g(20)}.txt`,
            selections: [
              { n: 30, start: 0, end: 22, code: 10, user: 1 },
              { n: 31, start: 23, end: 43, code: 10, user: 2 },
            ],
          }),
      ),
      { [`sources/${g(20)}.txt`]: text },
    );

  it('imports Trial.qde from lowercase sources/; the user "ATLAS.ti" is no coder and its coding goes to the project creator', async () => {
    const { service } = tmpProject();
    const r = await importFile(service, 'Trial.qdpx', file());
    expect(r.counts).toMatchObject({ documents: 1, codes: 1, codings: 2, coders: 1 });
    expect(r.notCarried).toEqual([]);
    expect(r.notes.find((n) => n.kind === 'system-user')).toEqual({
      kind: 'system-user',
      name: 'user "ATLAS.ti"',
      detail: 'the program itself, not a person: not made a coder; what it created is credited to "Ana", the project\'s creator',
    });
    expect((await service.call('coders.list', {})).map((c) => [c.name, c.codingCount])).toEqual([['Ana', 2]]);
    expect((await service.call('codings.list', { includeText: true })).map((c) => c.text)).toEqual([
      'We met at the station.',
      'Then we walked home.',
    ]);
    service.close();
  });

  it('refuses an archive with two project files, naming both, and changes nothing', async () => {
    const { service } = tmpProject();
    const before = snapshot(service);
    const two = qdpx('Trial.qde', project('ATLAS.ti 26', ''), { 'Backup.QDE': project('ATLAS.ti 26', '') });
    await expect(importFile(service, 'two.qdpx', two)).rejects.toThrow(
      'two.qdpx: the archive has 2 project files at its top level ("Trial.qde", "Backup.QDE"); a .qdpx holds exactly one .qde, so it is unclear which to read',
    );
    expect(snapshot(service)).toEqual(before);
    service.close();
  });
});

describe('2. exports that strict readers read: sources/, project.qde, internal:// literally', () => {
  it('a strict, case-sensitive reader finds every text and every coded passage of the sample study', async () => {
    const sample = await openSample();
    const out = await exportQdpx(sample);
    const names = Object.keys(unzipSync(out.bytes));
    expect(names).toContain('project.qde');
    expect(names.filter((n) => /^sources\/.+\.txt$/.test(n))).toHaveLength(count(sample, 'SELECT COUNT(*) AS n FROM documents'));
    expect(names.filter((n) => n.startsWith('Sources/'))).toEqual([]);
    const strict = strictRead(out.bytes);
    const docs = await sample.call('documents.list', {});
    expect(strict.sources.map((s) => s.name).sort()).toEqual(docs.map((d) => d.name).sort());
    for (const s of strict.sources) expect(s.text.length, s.name).toBeGreaterThan(0);
    const codings = await sample.call('codings.list', { includeText: true });
    const textOf = new Map(codings.map((c) => [c.guid, c.text]));
    const seen = strict.sources.flatMap((s) => s.selections.flatMap((x) => x.codings.map((guid) => [guid, x.text])));
    expect(seen).toHaveLength(codings.length);
    for (const [guid, words] of seen) expect(words, guid).toBe(textOf.get(guid));
    sample.close();
  });

  it('the strict reader really is strict: it fails on the old Sources/ folder', async () => {
    const old = qdpx('project.qde', project('Thematic 0.1', sources({ n: 1, name: 'a', path: `internal://${g(1)}.txt` })), {
      [`Sources/${g(1)}.txt`]: 'x',
    });
    expect(() => strictRead(old)).toThrow(`KeyError 'sources/${g(1)}.txt'`);
  });
});

describe('3. duplicate sources: by GUID first; identical text is a separate document unless merged', () => {
  // NVivo for Mac 15: two empty sources, and two interviews with the same short answer.
  const file = () =>
    project(
      'NVivo for Mac 15.0',
      users([1, 'Ana']) +
        codebook({ n: 10, name: 'Agree', color: '#00AA00' }) +
        sources(
          { n: 20, name: 'Empty A', inline: '' },
          { n: 21, name: 'Empty B', inline: '' },
          { n: 22, name: 'P1', inline: 'Yes.', selections: [{ n: 30, start: 0, end: 4, code: 10, user: 1 }] },
          { n: 23, name: 'P2', inline: 'Yes.', selections: [{ n: 31, start: 0, end: 3, code: 10, user: 1 }] },
        ),
    );

  it('keeps every source and coding, and says which texts are identical', async () => {
    const { service } = tmpProject();
    const r = await importFile(service, 'mac15.qde', file());
    expect(r.counts).toMatchObject({ documents: 4, codings: 2 });
    expect(r.notCarried).toEqual([]);
    expect(r.notes.filter((n) => n.kind === 'identical-text').map((n) => n.name)).toEqual(['source "Empty B"', 'source "P2"']);
    expect((await service.call('documents.list', {})).map((d) => d.name)).toEqual(['Empty A', 'Empty B', 'P1', 'P2']);
    // The same file again: every source is known by its GUID; skipped in "Not carried", codings counted.
    const again = await importFile(service, 'mac15.qde', file());
    expect(again.counts).toMatchObject({ documents: 0, codings: 0 });
    expect(again.notCarried.map((n) => [n.kind, n.name, n.detail.replace(/^.*; /, '')])).toEqual([
      ['duplicate-source', 'source "Empty A"', 'its 0 codings not imported'],
      ['duplicate-source', 'source "Empty B"', 'its 0 codings not imported'],
      ['duplicate-source', 'source "P1"', 'its 1 coding not imported'],
      ['duplicate-source', 'source "P2"', 'its 1 coding not imported'],
    ]);
    service.close();
  });

  it('a GUID given twice in one file is one document; the second is skipped with its codings counted', async () => {
    const { service } = tmpProject();
    const twice = project(
      'qc 0.1',
      users([1, 'Ana']) +
        codebook({ n: 10, name: 'Agree', color: '#00AA00' }) +
        sources(
          { n: 20, name: 'First', inline: 'One text.' },
          { n: 20, name: 'Again', inline: 'Another text.', selections: [{ n: 30, start: 0, end: 7, code: 10, user: 1 }] },
        ),
    );
    const r = await importFile(service, 'twice.qde', twice);
    expect(r.counts).toMatchObject({ documents: 1, codings: 0 });
    expect(r.notCarried).toEqual([
      {
        kind: 'duplicate-source',
        name: 'source "Again"',
        detail: 'skipped: a document with the same GUID is already in the project ("First"); its 1 coding not imported',
      },
    ]);
    service.close();
  });

  it('merges identical texts when asked, bringing the codings onto the first document', async () => {
    const { service } = tmpProject();
    const r = await importFile(service, 'mac15.qde', file(), { identicalText: 'merge' });
    expect(r.counts).toMatchObject({ documents: 2, codings: 2, 'documents merged': 2 });
    const docs = await service.call('documents.list', {});
    expect(docs.map((d) => d.name)).toEqual(['Empty A', 'P1']);
    const codings = await service.call('codings.list', { includeText: true });
    expect(codings.map((c) => [c.documentId, c.text]).sort()).toEqual([
      [docs[1].id, 'Yes'],
      [docs[1].id, 'Yes.'],
    ]);
    service.close();
  });
});

describe('4. the same study from another coder', () => {
  // The same NVivo project exported on Mac (LF, no trailing newline) and on Windows (CRLF, one
  // more trailing newline per text, new code GUIDs), each coded by a different person.
  const t1 = 'I: How was the clinic?\nP: Busy, but the nurse listened.',
    t2 = 'I: And the wait?\nP: Two hours.  \nP: Too long.';
  const mac = () =>
    qdpx(
      'project.qde',
      project(
        'NVivo for Mac 12.7',
        users([1, 'Ana']) +
          codebook({
            n: 10,
            name: 'Care',
            children: [
              { n: 11, name: 'Listening', color: '#0000FF' },
              { n: 12, name: 'Waiting' },
            ],
          }) +
          sources(
            {
              n: 20,
              name: 'Clinic 1',
              path: `internal://${g(20)}.txt`,
              selections: [{ n: 30, start: t1.indexOf('the nurse'), end: t1.length, code: 11, user: 1 }],
            },
            {
              n: 21,
              name: 'Clinic 2',
              path: `internal://${g(21)}.txt`,
              selections: [{ n: 31, start: t2.indexOf('Two'), end: t2.indexOf('Two') + 9, code: 12, user: 1 }],
            },
          ),
      ),
      { [`sources/${g(20)}.txt`]: t1, [`sources/${g(21)}.txt`]: t2 },
    );
  const crlf = (s: string) => `${s.replace(/\n/g, '\r\n')}\r\n`;
  const w1 = crlf(t1),
    w2 = crlf(t2.replace('hours.  ', 'hours.'));
  const win = (third = false) =>
    qdpx(
      'project.qde',
      project(
        'NVivo for Windows 12.6',
        users([2, 'Ben'], [3, 'Ana']) +
          codebook({
            n: 110,
            name: 'Care',
            children: [
              { n: 111, name: 'Listening' },
              { n: 112, name: 'waiting ' },
              { n: 113, name: 'Cost' },
            ],
          }) +
          sources(
            // NVivo counts UTF-16 units; CRLF counts 2.
            {
              n: 120,
              name: 'Clinic 1',
              path: `internal://${g(120)}.txt`,
              selections: [
                { n: 130, start: w1.indexOf('the nurse'), end: w1.indexOf('listened.') + 9, code: 111, user: 3 }, // Ana coded the same on both
                { n: 131, start: w1.indexOf('Busy'), end: w1.indexOf('Busy') + 4, code: 113, user: 2 },
              ],
            },
            {
              n: 121,
              name: 'Clinic 2 (Windows)',
              path: `internal://${g(121)}.txt`,
              selections: [{ n: 132, start: w2.indexOf('Two'), end: w2.indexOf('Too long.') + 9, code: 112, user: 2 }],
            },
            ...(third
              ? [
                  {
                    n: 122,
                    name: 'Clinic 3',
                    inline: 'Not in the Mac project.',
                    selections: [{ n: 133, start: 0, end: 3, code: 111, user: 2 }],
                  },
                ]
              : []),
          ),
        g(2),
      ),
      { [`sources/${g(120)}.txt`]: `\uFEFF${w1}`, [`sources/${g(121)}.txt`]: w2 },
    );

  it('matches documents by text modulo trailing whitespace and line ends, codes by path and name, and adds the codings under their coder', async () => {
    const { service } = tmpProject();
    await importFile(service, 'mac.qdpx', mac());
    const before = snapshot(service);
    const r = await importFile(service, 'win.qdpx', win(true), { mode: 'another-coder' });
    expect(r.mode).toBe('another-coder');
    expect(r.counts).toMatchObject({
      'documents matched': 2,
      documents: 1,
      'codes matched': 3,
      codes: 1,
      codings: 3,
      'codings already there': 1,
    });
    expect(r.matched).toEqual([
      { kind: 'codes', name: '3 codes', detail: 'matched by GUID or by path and name; 1 code not in the project were added' },
      {
        kind: 'document',
        name: 'source "Clinic 1"',
        detail: 'matched "Clinic 1" (the same text but for trailing whitespace or line ends)',
      },
      {
        kind: 'document',
        name: 'source "Clinic 2 (Windows)"',
        detail: 'matched "Clinic 2" (the same text but for trailing whitespace or line ends)',
      },
      {
        kind: 'document-unmatched',
        name: 'source "Clinic 3"',
        detail: 'no document in the project has this text; added as a new document',
      },
    ]);
    const docs = await service.call('documents.list', {});
    expect(docs.map((d) => d.name)).toEqual(['Clinic 1', 'Clinic 2', 'Clinic 3']);
    expect((await service.call('codes.list', {})).map((c) => c.name).sort()).toEqual(['Care', 'Cost', 'Listening', 'Waiting']);
    const codings = await service.call('codings.list', { includeText: true });
    const ben = codings.filter((c) => c.coder === 'Ben').map((c) => [c.documentId, c.text]);
    expect(ben).toEqual([
      [docs[0].id, 'Busy'],
      [docs[1].id, 'Two hours.  \nP: Too long.'],
      [docs[2].id, 'Not'],
    ]);
    expect(codings.filter((c) => c.coder === 'Ana')).toHaveLength(2);
    // One undo takes the whole import back.
    await service.call('history.undo', {});
    expect(snapshot(service)).toEqual(before);
    service.close();
  });

  it('puts every coding under the coder named, and the same file twice adds nothing', async () => {
    const { service } = tmpProject();
    await importFile(service, 'mac.qdpx', mac());
    const r = await importFile(service, 'win.qdpx', win(), { mode: 'another-coder', coder: 'Bea' });
    expect(r.counts).toMatchObject({ 'documents matched': 2, documents: 0, codings: 3, coders: 1 });
    expect((await service.call('coders.list', {})).map((c) => [c.name, c.codingCount])).toEqual([
      ['Ana', 2],
      ['Bea', 3],
    ]);
    const again = await importFile(service, 'win.qdpx', win(), { mode: 'another-coder', coder: 'Bea' });
    expect(again.counts).toMatchObject({ documents: 0, codings: 0, codes: 0, 'codings already there': 3 });
    service.close();
  });

  it('without the mode, the second export gives copies (what the mode is for)', async () => {
    const { service } = tmpProject();
    await importFile(service, 'mac.qdpx', mac());
    const r = await importFile(service, 'win.qdpx', win());
    expect(r.counts).toMatchObject({ documents: 2, codes: 4 });
    service.close();
  });
});

describe('5. an export for NVivo: UTF-16 positions, and a warning for characters outside the BMP', () => {
  const text = 'Loved it 😀😀 really.\nNext 🎉 line here.';
  const file = project(
    'QualCoder 3.5',
    users([1, 'Ana']) +
      codebook({ n: 10, name: 'Joy', color: '#FFAA00' }) +
      sources({
        n: 20,
        name: 'Chat',
        inline: text,
        selections: [
          // QualCoder counts code points.
          {
            n: 30,
            start: [...text.slice(0, text.indexOf('really'))].length,
            end: [...text.slice(0, text.indexOf('really'))].length + 6,
            code: 10,
            user: 1,
          },
          { n: 31, start: 0, end: 5, code: 10, user: 1 },
          {
            n: 32,
            start: [...text.slice(0, text.indexOf('line'))].length,
            end: [...text.slice(0, text.indexOf('line'))].length + 4,
            code: 10,
            user: 1,
          },
        ],
      }),
  );

  it('writes UTF-16 offsets for NVivo, still valid, and Thematic reads its own NVivo export back exactly', async () => {
    const { service } = tmpProject();
    await importFile(service, 'chat.qde', file);
    const std = await exportQdpx(service);
    expect(std.report.target).toBe('standard');
    expect(std.report.notCarried.filter((n) => n.kind === 'outside-bmp')).toEqual([
      {
        kind: 'outside-bmp',
        name: 'source "Chat"',
        detail:
          '3 characters outside the BMP (emoji and the like): positions are written in characters, as the standard says; NVivo counts UTF-16 units and would shift 2 of its 3 selections: export "for NVivo" to take it there',
      },
    ]);
    const nv = await exportQdpx(service, 'nvivo');
    expect(nv.fileName).toMatch(/\(for NVivo\)\.qdpx$/);
    expect(nv.report.notCarried.find((n) => n.kind === 'outside-bmp')!.detail).toMatch(
      /written in UTF-16 units for NVivo; a program that counts characters, as the standard says, would shift 2 of its 3 selections/,
    );
    const files = unzipSync(nv.bytes);
    xsdValid(files['project.qde']);
    const qde = strFromU8(files['project.qde']);
    const onDisk = strFromU8(files[Object.keys(files).find((k) => k.startsWith('sources/'))!]);
    // Read as NVivo reads it: UTF-16 units of the text file.
    const spans = [...qde.matchAll(/startPosition="(\d+)" endPosition="(\d+)"/g)].map((m) => onDisk.slice(+m[1], +m[2]));
    expect(spans.sort()).toEqual(['Loved', 'line', 'really']);
    const { service: other } = tmpProject();
    await importFile(other, nv.fileName, nv.bytes);
    expect((await other.call('codings.list', { includeText: true })).map((c) => c.text).sort()).toEqual(['Loved', 'line', 'really']);
    service.close();
    other.close();
  });
});

describe('7. document variables (MAXQDA) and document groups (ATLAS.ti) become participant attributes', () => {
  const maxqda = project(
    'MAXQDA 24.7',
    users([1, 'Ana']) +
      variables([5, 'age', 'Integer'], [6, 'gender', 'Text']) +
      '<Cases><Case guid="' +
      g(40) +
      '" name="Maria"><SourceRef targetGUID="' +
      g(22) +
      '"/></Case></Cases>' +
      sources(
        {
          n: 20,
          name: 'Interview Tom.docx',
          inline: 'Tom speaks.',
          values: [
            [5, 'IntegerValue', '34'],
            [6, 'TextValue', 'male'],
          ],
        },
        {
          n: 21,
          name: 'Interview Lea.txt',
          inline: 'Lea speaks.',
          values: [
            [5, 'IntegerValue', '29'],
            [6, 'TextValue', 'female'],
          ],
        },
        { n: 22, name: 'Maria', inline: 'Maria speaks.', values: [[6, 'TextValue', 'female']] },
        { n: 23, name: 'Field notes', inline: 'No variables here.' },
      ),
  );

  it('one participant per document when no case says otherwise; the case when one does; the report says so', async () => {
    const { service } = tmpProject();
    const r = await importFile(service, 'maxqda.qde', maxqda);
    expect(r.notCarried).toEqual([]);
    expect(r.counts).toMatchObject({ documents: 4, participants: 3 });
    const people = await service.call('participants.list', {});
    expect(people.map((p) => [p.label, p.attributes])).toEqual([
      ['Interview Lea', { age: '29', gender: 'female' }],
      ['Interview Tom', { age: '34', gender: 'male' }],
      ['Maria', { gender: 'female' }],
    ]);
    expect((await service.call('documents.list', {})).map((d) => [d.name, d.participant ?? null])).toEqual([
      ['Field notes', null],
      ['Interview Lea.txt', 'Interview Lea'],
      ['Interview Tom.docx', 'Interview Tom'],
      ['Maria', 'Maria'],
    ]);
    expect(r.notes.find((n) => n.name === 'source "Interview Tom.docx"')).toEqual({
      kind: 'document-participant',
      name: 'source "Interview Tom.docx"',
      detail: 'its 2 attributes (age: 34, gender: male) went to participant "Interview Tom", made for this document (no case names one)',
    });
    expect(r.notes.find((n) => n.name === 'source "Maria"')!.kind).toBe('document-attributes');
    service.close();
  });

  const atlas = project(
    'ATLAS.ti 23.2',
    users([1, 'Ana']) +
      sources({ n: 20, name: 'Simon.txt', inline: 'Simon speaks.' }, { n: 21, name: 'Mabel.txt', inline: 'Mabel speaks.' }) +
      sets([50, 'gender: male', [20]], [51, 'gender: female', [21]], [52, 'age: 67', [21]], [53, 'Text files', [20, 21]]),
  );

  it('ATLAS.ti groups "gender: male" become attributes on request, and are only named otherwise', async () => {
    const { service } = tmpProject();
    const plain = await importFile(service, 'atlas.qde', atlas);
    expect(plain.counts.participants).toBe(0);
    expect(plain.notes.find((n) => n.kind === 'groups-like-attributes')!.detail).toMatch(
      /^"gender: male", "gender: female", "age: 67" look like attributes; kept as groups/,
    );
    const { service: asked } = tmpProject();
    const r = await importFile(asked, 'atlas.qde', atlas, { groupsAsAttributes: true });
    expect(r.counts).toMatchObject({ participants: 2, 'kept sets/links/graphs': 4 });
    expect((await asked.call('participants.list', {})).map((p) => [p.label, p.attributes])).toEqual([
      ['Mabel', { age: '67', gender: 'female' }],
      ['Simon', { gender: 'male' }],
    ]);
    service.close();
    asked.close();
  });
});

describe('8. notes anchored on a coding or on a selection without a code', () => {
  const text = 'The bus was late again. We waited in the rain.';
  const file = project(
    'NVivo for Windows 14',
    users([1, 'Ana']) +
      codebook({ n: 10, name: 'Transport', color: '#123456' }) +
      sources({
        n: 20,
        name: 'Diary',
        inline: text,
        selections: [
          { n: 30, start: 0, end: 23, code: 10, user: 1, codingNote: 60 },
          { n: 31, start: 24, end: 46, note: 61 },
        ],
      }) +
      notes([60, 'why I coded this'], [61, 'rain matters'], [62, 'loose']) +
      `<NoteRef targetGUID="${g(62)}"/>`,
  );

  it("hangs a Coding's note on that coding, and an uncoded selection's note on its document with a report line", async () => {
    const { service } = tmpProject();
    const r = await importFile(service, 'diary.qde', file);
    const memos = await service.call('memos.list', {});
    const [coding] = await service.call('codings.list', {});
    const [doc] = await service.call('documents.list', {});
    const on = (body: string) => {
      const m = memos.find((x) => x.body === body)!;
      return [m.targetType, m.targetId];
    };
    expect(on('why I coded this')).toEqual(['coding', coding.id]);
    expect(on('rain matters')).toEqual(['document', doc.id]);
    expect(on('loose')).toEqual(['project', null]);
    expect(r.notes.filter((n) => n.kind === 'note-anchor')).toEqual([
      {
        kind: 'note-anchor',
        name: 'note "note 61"',
        detail:
          'it was on a selection without a code ("We waited in the rain.", characters 24-46), which Thematic cannot keep; it is now a memo on its document "Diary"',
      },
    ]);
    service.close();
  });
});

describe('9. a bare relative plainTextPath (the qc library) and a source without a name', () => {
  const minutes = 'Board minutes 2017. Budget approved.';
  const file = () =>
    qdpx(
      'project.qde',
      project(
        'qc 0.1',
        users([1, 'Ana']) +
          codebook({ n: 10, name: 'Budget', color: '#ABCDEF' }) +
          sources(
            {
              n: 20,
              name: 'board_2017',
              path: 'board_2017.txt',
              selections: [
                { n: 30, start: 20, end: 36, code: 10, user: 1 },
                { n: 31, start: 0, end: 13, code: 10, user: 1 },
              ],
            },
            { n: 21, path: `internal://${g(21)}.txt`, selections: [{ n: 32, start: 0, end: 4, code: 10, user: 1 }] },
            { n: 22, path: 'missing.txt' },
          ),
      ),
      { 'sources/board_2017.txt': minutes, [`sources/${g(21)}.txt`]: 'Unnamed text.' },
    );

  it('resolves the bare path inside the archive and names a nameless source by its GUID', async () => {
    const { service } = tmpProject();
    const r = await importFile(service, 'qc.qdpx', file());
    expect(r.counts).toMatchObject({ documents: 2, codings: 3 });
    expect((await service.call('codings.list', { includeText: true })).map((c) => c.text)).toEqual([
      'Board minutes',
      'Budget approved.',
      'Unna',
    ]);
    expect((await service.call('documents.list', {})).map((d) => d.name).sort()).toEqual([g(21), 'board_2017']);
    expect(r.notCarried).toEqual([
      {
        kind: 'missing-source',
        name: `source "${g(22)}"`,
        detail: 'no text: "missing.txt" is not in the archive (no missing.txt or sources/missing.txt); 0 selections on it not imported',
      },
    ]);
    service.close();
  });
});

describe('10. code order and colours survive the round trip', () => {
  const file = project(
    'MAXQDA 24.7',
    users([1, 'Ana']) +
      codebook(
        {
          n: 10,
          name: 'Topics',
          children: [
            { n: 11, name: '2. Severity', color: '#FF0000' },
            { n: 12, name: '10. Values' },
            { n: 13, name: '1. Onset', color: '#00FF00' },
          ],
        },
        { n: 14, name: 'Another' },
      ),
  );

  it("siblings keep the file's order and codes without a colour stay uncoloured, until one is chosen", async () => {
    const { service } = tmpProject();
    await importFile(service, 'order.qde', file);
    const read = () => exportQdpx(service).then((x) => strictRead(x.bytes).codes);
    const codes = await read();
    expect([...codes.values()].map((c) => [c.path, c.color])).toEqual([
      ['Topics', undefined],
      ['Topics/2. Severity', '#FF0000'],
      ['Topics/10. Values', undefined],
      ['Topics/1. Onset', '#00FF00'],
      ['Another', undefined],
    ]);
    const values = (await service.call('codes.list', {})).find((c) => c.name === '10. Values')!;
    await service.call('codes.update', { id: values.id, color: '#0000AA' });
    expect([...(await read()).values()].find((c) => c.path === 'Topics/10. Values')!.color).toBe('#0000AA');
    // The codebook panel sorts by name with numbers as numbers.
    expect(flatten(codeTree(await service.call('codes.list', {}))).map((n) => n.code.name)).toEqual([
      'Another',
      'Topics',
      '1. Onset',
      '2. Severity',
      '10. Values',
    ]);
    service.close();
  });
});

describe('11. typed variables keep their type, or the export says it was lost', () => {
  const file = project(
    'MAXQDA 24.7',
    users([1, 'Ana']) +
      variables([5, 'age', 'Integer'], [6, 'interviewed', 'Date'], [7, 'consent', 'Boolean'], [8, 'site', 'Text']) +
      `<Cases><Case guid="${g(40)}" name="P1">` +
      `<VariableValue><VariableRef targetGUID="${g(5)}"/><IntegerValue>44</IntegerValue></VariableValue>` +
      `<VariableValue><VariableRef targetGUID="${g(6)}"/><DateValue>2024-03-01</DateValue></VariableValue>` +
      `<VariableValue><VariableRef targetGUID="${g(7)}"/><BooleanValue>true</BooleanValue></VariableValue>` +
      `<VariableValue><VariableRef targetGUID="${g(8)}"/><TextValue>North</TextValue></VariableValue></Case></Cases>`,
  );

  it('an Integer, a Date and a Boolean go out typed again; a value that no longer fits is written as Text and reported', async () => {
    const { service } = tmpProject();
    const r = await importFile(service, 'typed.qde', file);
    expect(r.notes.find((n) => n.kind === 'variable-types')!.detail).toMatch(/type is kept for the export/);
    let out = await exportQdpx(service);
    xsdValid(unzipSync(out.bytes)['project.qde']);
    let strict = strictRead(out.bytes);
    expect(Object.fromEntries([...strict.variables.values()].map((v) => [v.name, v.type]))).toEqual({
      age: 'Integer',
      interviewed: 'Date',
      consent: 'Boolean',
      site: 'Text',
    });
    expect(strict.cases[0].values).toEqual({
      age: 'Integer:44',
      interviewed: 'Date:2024-03-01',
      consent: 'Boolean:true',
      site: 'Text:North',
    });
    const [p1] = await service.call('participants.list', {});
    await service.call('participants.update', { id: p1.id, attributes: { age: 'about 40' } });
    out = await exportQdpx(service);
    strict = strictRead(out.bytes);
    expect([...strict.variables.values()].find((v) => v.name === 'age')!.type).toBe('Text');
    expect(out.report.notCarried.map((n) => n.detail)).toContain(
      'variable "age": 1 value (e.g. "about 40") not Integer; written as a Text variable',
    );
    service.close();
  });
});
