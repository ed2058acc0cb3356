// Writers against the readers: what Thematic writes, read back, is what it wrote.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RefiProject, RefiSource, RefiTextSource } from '../../src/features/refi/model.ts';
import { readQde } from '../../src/features/refi/read-qde.ts';
import { readQdpx } from '../../src/features/refi/read-qdpx.ts';
import { resolveSourceText, selectionsInUtf16 } from '../../src/features/refi/source-text.ts';
import { writeQde } from '../../src/features/refi/write-qde.ts';
import { writeQdpx } from '../../src/features/refi/write-qdpx.ts';

const INTEROP = resolve('../shared/interop');
const haveShared = existsSync(INTEROP);
if (!haveShared) console.warn(`skipping the ATLAS.ti round trip: ${INTEROP} is missing`);

const g = (n: number) => `0000000${n % 10}-ABCD-4bbb-8ccc-${String(n).padStart(12, '0')}`;
const TEXT = 'Grüße 😀 aus\r\nKöln 👩🏽‍⚕️ & <Bonn>\n';

/** A project with nothing the writer has to change: it must come back as it went out. */
function clean(): RefiProject {
  const at = (s: string) => TEXT.indexOf(s);
  return {
    name: 'Round & "trip"',
    origin: 'Thematic 0.1.0',
    creatingUserGuid: g(1),
    creationDateTime: '2024-05-01T10:00:00Z',
    description: 'd\r\ne',
    users: [
      { guid: g(1), name: 'Ana', id: 'a' },
      { guid: g(2), name: "O'Brien" },
    ],
    codes: [
      {
        guid: g(10),
        name: 'Theme',
        isCodable: false,
        color: '#AABBCC',
        description: 'grouping',
        children: [
          { guid: g(11), name: 'joy 🙂', isCodable: true, color: '#010203', children: [] },
          { guid: g(12), name: 'place', isCodable: true, children: [{ guid: g(13), name: 'city', isCodable: true, children: [] }] },
        ],
      },
    ],
    variables: [
      { guid: g(20), name: 'role', type: 'Text', description: 'job' },
      { guid: g(21), name: 'ok', type: 'Boolean' },
      { guid: g(22), name: 'age', type: 'Integer' },
      { guid: g(23), name: 'score', type: 'Float' },
      { guid: g(24), name: 'born', type: 'Date' },
      { guid: g(25), name: 'seen', type: 'DateTime' },
    ],
    cases: [
      {
        guid: g(30),
        name: 'P1',
        description: 'first',
        values: [
          { variableGuid: g(20), value: ' nurse ' },
          { variableGuid: g(21), value: 'false' },
          { variableGuid: g(22), value: '-3' },
          { variableGuid: g(23), value: '2.50' },
          { variableGuid: g(24), value: '1970-01-01' },
          { variableGuid: g(25), value: '2024-05-01T10:00:00+02:00' },
        ],
        sourceGuids: [g(40)],
        codeGuids: [g(11)],
      },
    ],
    sources: [
      {
        kind: 'text',
        guid: g(40),
        name: 'Interview',
        description: 'i',
        creatingUser: g(1),
        creationDateTime: '2024-05-01T09:00:00Z',
        selections: [
          {
            guid: g(50),
            name: 'Köln',
            start: at('Köln'),
            end: at('Köln') + 4,
            creatingUser: g(2),
            creationDateTime: '2024-05-02T00:00:00Z',
            description: 'city',
            codings: [
              { guid: g(60), codeGuid: g(13), creatingUser: g(1), creationDateTime: '2024-05-02T00:00:00Z' },
              { guid: g(61), codeGuid: g(11) },
            ],
            noteGuids: [g(71)],
          },
          { guid: g(51), start: at('<Bonn>'), end: TEXT.length, codings: [{ guid: g(62), codeGuid: g(12) }], noteGuids: [] },
        ],
        noteGuids: [g(70)],
        values: [{ variableGuid: g(20), value: 'transcript' }],
      },
      { kind: 'text', guid: g(41), name: 'Empty', selections: [], noteGuids: [], values: [] },
    ],
    notes: [
      {
        guid: g(70),
        name: 'on source',
        text: 'n\r\n1',
        creatingUser: g(1),
        creationDateTime: '2024-05-03T00:00:00Z',
        modifiedDateTime: '2024-05-04T00:00:00Z',
      },
      { guid: g(71), name: 'on selection', text: 'n2' },
      { guid: g(72), name: 'on code', text: 'n3' },
      { guid: g(73), name: 'on coding', text: 'n4' },
      { guid: g(74), name: 'on link', text: 'n5' },
      { guid: g(75), text: 'project note' },
    ],
    noteRefs: [
      { noteGuid: g(70), targetGuid: g(40) },
      { noteGuid: g(71), targetGuid: g(50) },
      { noteGuid: g(72), targetGuid: g(12) },
      { noteGuid: g(73), targetGuid: g(60) },
      { noteGuid: g(74), targetGuid: g(80) },
    ],
    sets: [{ guid: g(90), name: 'S', description: 's', memberCodes: [g(11)], memberSources: [g(40)], memberNotes: [g(75)] }],
    links: [{ guid: g(80), name: 'l', direction: 'OneWay', color: '#123456', originGuid: g(11), targetGuid: g(13) }],
    graphs: [
      {
        guid: g(100),
        name: 'G',
        vertices: [
          {
            guid: g(101),
            representedGuid: g(11),
            name: 'v',
            firstX: 1,
            firstY: 2,
            secondX: 3,
            secondY: 4,
            shape: 'Oval',
            color: '#00FF00',
          },
          { guid: g(102), firstX: -5, firstY: 0 },
        ],
        edges: [
          {
            guid: g(103),
            representedGuid: g(80),
            name: 'e',
            sourceVertex: g(101),
            targetVertex: g(102),
            color: '#000000',
            direction: 'Associative',
            lineStyle: 'solid',
          },
        ],
      },
    ],
  };
}
const TEXTS = new Map([
  [g(40), TEXT],
  [g(41), ''],
]);

/** The read model with texts resolved and offsets back in UTF-16, as the store layer sees it. */
async function normalise(p: RefiProject, files: Map<string, Uint8Array>): Promise<RefiProject> {
  const sources: RefiSource[] = [];
  for (const s of p.sources) {
    if (s.kind !== 'text') {
      sources.push(s);
      continue;
    }
    const r = await resolveSourceText(s, files);
    if (!('text' in r)) throw new Error(r.missing);
    const { offsetUnit: _u, plainTextPath: _p, plainTextContent: _c, ...rest } = s;
    sources.push({ ...rest, selections: selectionsInUtf16(s, r.text) } as RefiTextSource);
  }
  return { ...p, sources, noteRefs: [...p.noteRefs].sort((a, b) => a.noteGuid.localeCompare(b.noteGuid)) };
}

describe('REFI-QDA write -> read', () => {
  it('a .qdpx of a clean project reads back as the same model', async () => {
    const warnings: string[] = [];
    const { project, files } = readQdpx(writeQdpx(clean(), TEXTS, undefined, { warnings }));
    expect(warnings).toEqual([]);
    const back = await normalise(project, files);
    for (const s of project.sources)
      if (s.kind === 'text') expect(((await resolveSourceText(s, files)) as { text: string }).text).toBe(TEXTS.get(s.guid));
    const want = clean();
    // Reader conventions: a source's and a selection's NoteRefs are listed in noteRefs too.
    want.noteRefs.sort((a, b) => a.noteGuid.localeCompare(b.noteGuid));
    expect(back).toEqual(want);
  });

  it('a standalone .qde (texts inline) reads back as the same model', async () => {
    const p = clean();
    for (const s of p.sources) if (s.kind === 'text') s.plainTextContent = TEXTS.get(s.guid);
    const back = await normalise(readQde(writeQde(p)), new Map());
    const want = clean();
    want.noteRefs.sort((a, b) => a.noteGuid.localeCompare(b.noteGuid));
    expect(back).toEqual(want);
  });

  it.skipIf(!haveShared)('the ATLAS.ti vendor project survives read -> write -> validate -> read', () => {
    const qde = join(INTEROP, 'atlasti8_standard_project_REFI_vendor_set.qde');
    const first = readQde(readFileSync(qde));
    const warnings: string[] = [];
    const xml = writeQde(first, { texts: 'inline', warnings });
    const file = join(mkdtempSync(join(tmpdir(), 'write-rt-')), 'atlas.qde');
    writeFileSync(file, xml);
    execFileSync('xmllint', ['--noout', '--nonet', '--schema', join(INTEROP, 'Project-mrt2019.xsd'), file], { stdio: 'pipe' });
    const second = readQde(xml);
    // Not carried: what is inside PDF/picture/audio/video sources (Thematic holds text only);
    // they go out bare, with name and path (audio and video with their Transcripts).
    const bare = (p: RefiProject): RefiProject => ({
      ...p,
      sources: p.sources.map((s) => (s.kind === 'text' ? s : { ...s, selectionCount: 0, codingCount: 0, hasTextRepresentation: false })),
    });
    expect(second).toEqual(bare(first));
    expect(second.sources.filter((s) => s.kind === 'text')).toHaveLength(6);
    expect(warnings.filter((w) => w.includes('are not carried'))).toHaveLength(3);
    // Its text sources' and 3 transcripts' texts are in archive files this .qde does not have: their paths stay.
    expect(warnings.filter((w) => w.includes('its text is not available'))).toHaveLength(9);
    const transcripts = second.sources.flatMap((s) => (s.kind === 'text' ? [] : (s.transcripts ?? [])));
    expect(transcripts.map((t) => t.syncPoints.length)).toEqual([1, 1, 11]);
  });

  it.skipIf(!haveShared)('the NVivo project (UTF-16 offsets, 892 emoji) comes back with the same spans', async () => {
    const { project, files } = readQdpx(readFileSync(join(INTEROP, 'nvivo12.6_win_oltas0517.qdpx')));
    const texts = new Map<string, string>();
    for (const s of project.sources) {
      if (s.kind !== 'text') continue;
      const r = await resolveSourceText(s, files);
      if ('text' in r) texts.set(s.guid, r.text);
    }
    // Written by Thematic: code points, and an origin readers do not take for NVivo.
    const warnings: string[] = [];
    const out = writeQdpx({ ...project, origin: 'Thematic test' }, texts, undefined, { warnings });
    expect(warnings).toEqual([]);
    const again = readQdpx(out);
    const spans = async (p: RefiProject, f: Map<string, Uint8Array>) => {
      const all: string[] = [];
      for (const s of p.sources) {
        if (s.kind !== 'text') continue;
        const r = await resolveSourceText(s, f);
        if (!('text' in r)) throw new Error(r.missing);
        for (const sel of selectionsInUtf16(s, r.text))
          all.push(`${sel.guid} ${sel.codings.map((c) => c.codeGuid).join()} ${JSON.stringify(r.text.slice(sel.start, sel.end))}`);
      }
      return all;
    };
    const before = await spans(project, files);
    expect(before).toHaveLength(303);
    expect(await spans(again.project, again.files)).toEqual(before);
    // The positions in the file really are code points now.
    const qde = new TextDecoder().decode(again.files.get('project.qde'));
    const file = join(mkdtempSync(join(tmpdir(), 'write-rt-')), 'nvivo.qde');
    writeFileSync(file, qde);
    execFileSync('xmllint', ['--noout', '--nonet', '--schema', join(INTEROP, 'Project-mrt2019.xsd'), file], { stdio: 'pipe' });
    const src = again.project.sources.find((s) => s.kind === 'text' && s.selections.length > 0) as RefiTextSource;
    const text = texts.get(src.guid)!;
    const last = src.selections.reduce((a, b) => (b.start > a.start ? b : a));
    const orig = (project.sources.find((s) => s.guid === src.guid) as RefiTextSource).selections.find((x) => x.guid === last.guid)!;
    expect(qde).toContain(`startPosition="${[...text.slice(0, orig.start)].length}"`);
    expect([...text.slice(0, orig.start)].length).toBeLessThan(orig.start);
  });
});
