import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RefiProject } from '../../src/features/refi/model.ts';
import { writeQde } from '../../src/features/refi/write-qde.ts';

const INTEROP = resolve('../shared/interop');
const XSD = join(INTEROP, 'Project-mrt2019.xsd');
const haveShared = existsSync(INTEROP);
if (!haveShared) console.warn(`skipping schema validation: ${INTEROP} is missing`);
const dir = mkdtempSync(join(tmpdir(), 'write-qde-'));
let n = 0;

/** Runs xmllint; throws (so the test fails) if xmllint is missing or the file is invalid. */
function validate(xml: string, xsd = XSD): string {
  const file = join(dir, `p${n++}.qde`);
  writeFileSync(file, xml);
  try {
    execFileSync('xmllint', ['--noout', '--nonet', '--schema', xsd, file], { stdio: 'pipe' });
  } catch (e) {
    const err = e as { stderr?: Buffer; message: string };
    throw new Error(`xmllint: ${err.stderr?.toString() ?? err.message}`);
  }
  return file;
}

/** XPath string value, through xmllint (a real XML parser). */
function xpath(file: string, expr: string): string {
  return execFileSync('xmllint', ['--nonet', '--xpath', `string(${expr})`, file])
    .toString()
    .replace(/\n$/, '');
}
const q = (name: string) => `*[local-name()="${name}"]`;

const g = (n: number) => `0000000${n % 10}-aaaa-4bbb-8ccc-${String(n).padStart(12, '0')}`;
const NAUGHTY = `Tom & Jerry <"quoted"> 'single' 🙂 bell\u0007`;
const TEXT = 'Hi 😀 there & <friends>\r\nSecond line 👩🏽‍⚕️ end';

function richProject(): RefiProject {
  const there = TEXT.indexOf('there');
  const end = TEXT.lastIndexOf('end');
  return {
    name: NAUGHTY,
    origin: 'Thematic 0.1.0',
    creatingUserGuid: g(1),
    creationDateTime: '2024-05-01 10:00:00',
    description: 'A project\r\nwith two lines',
    users: [
      { guid: g(1), name: 'Ana', id: 'ana@example.org' },
      { guid: g(2).toUpperCase(), name: NAUGHTY },
    ],
    codes: [
      {
        guid: g(10),
        name: 'Theme: feelings',
        isCodable: false,
        color: '#aabbcc',
        description: NAUGHTY,
        children: [
          { guid: g(11), name: 'joy', isCodable: true, color: '#F00', children: [] },
          {
            guid: `{${g(12)}}`,
            name: NAUGHTY,
            isCodable: true,
            color: 'not a colour',
            description: 'sad',
            children: [{ guid: g(13), name: 'deep', isCodable: true, children: [] }],
          },
        ],
      },
      { guid: g(14), name: 'other', isCodable: true, children: [] },
    ],
    variables: [
      { guid: g(20), name: 'role', type: 'Text', description: 'job' },
      { guid: g(21), name: 'consented', type: 'Boolean' },
      { guid: g(22), name: 'age', type: 'Integer' },
      { guid: g(23), name: 'score', type: 'Float' },
      { guid: g(24), name: 'born', type: 'Date' },
      { guid: g(25), name: 'interviewed', type: 'DateTime' },
      { guid: g(26), name: 'children', type: 'Integer' },
    ],
    cases: [
      {
        guid: g(30),
        name: 'P01',
        description: 'first participant',
        values: [
          { variableGuid: g(20), value: NAUGHTY },
          { variableGuid: g(21), value: 'TRUE' },
          { variableGuid: g(22), value: '42' },
          { variableGuid: g(23), value: '1.5e3' },
          { variableGuid: g(24), value: '1980-02-29' },
          { variableGuid: g(25), value: '2024-05-01T10:00:00Z' },
          { variableGuid: g(26), value: 'n/a' },
        ],
        sourceGuids: [g(40)],
        codeGuids: [g(11)],
      },
      {
        guid: g(31),
        name: 'P02',
        values: [
          { variableGuid: g(22), value: '' },
          { variableGuid: g(26), value: '3' },
        ],
        sourceGuids: [],
        codeGuids: [],
      },
    ],
    sources: [
      {
        kind: 'text',
        guid: g(40),
        name: 'Interview 1 & <2>',
        description: 'transcript',
        creatingUser: g(1),
        creationDateTime: '2024-05-01T09:00:00Z',
        plainTextContent: TEXT,
        plainTextPath: 'C:\\old\\path.txt',
        selections: [
          {
            guid: g(50),
            name: 'there',
            start: there,
            end: there + 5,
            creatingUser: g(2).toUpperCase(),
            creationDateTime: '2024-05-02T09:00:00+01:00',
            description: 'greeting',
            codings: [
              { guid: g(60), codeGuid: g(11), creatingUser: g(1), creationDateTime: '2024-05-02T09:00:00Z' },
              { guid: g(61), codeGuid: `{${g(12)}}`, creatingUser: g(2) },
            ],
            noteGuids: [g(70)],
          },
          {
            guid: g(51),
            start: end,
            end: end + 3,
            codings: [{ guid: g(62), codeGuid: g(13) }],
            noteGuids: [],
          },
        ],
        noteGuids: [g(71)],
        values: [{ variableGuid: g(20), value: 'transcript' }],
      },
      {
        kind: 'pdf',
        guid: g(41),
        name: 'scan.pdf',
        path: 'internal://scan.pdf',
        selectionCount: 0,
        codingCount: 0,
        hasTextRepresentation: false,
      },
    ],
    notes: [
      {
        guid: g(70),
        name: 'on the selection',
        text: 'memo\r\nline 2 & more',
        creatingUser: g(1),
        creationDateTime: '2024-05-03T00:00:00Z',
        modifiedDateTime: '2024-05-04T00:00:00Z',
      },
      { guid: g(71), name: 'on the source', text: 'source memo' },
      { guid: g(72), name: 'on a code', text: `code memo ${NAUGHTY}` },
      { guid: g(73), name: 'on a case', text: 'case memo' },
      { guid: g(74), name: 'on the project', text: 'project memo' },
      { guid: g(75), text: 'free-standing memo' },
      { guid: g(76), name: 'on a coding', text: 'coding memo' },
      { guid: g(77), name: 'on a link', text: 'link memo' },
    ],
    noteRefs: [
      { noteGuid: g(70), targetGuid: g(50) }, // also in noteGuids: written once
      { noteGuid: g(72), targetGuid: g(12) },
      { noteGuid: g(73), targetGuid: g(30) },
      { noteGuid: g(74), targetGuid: '' },
      { noteGuid: g(76), targetGuid: g(60) },
      { noteGuid: g(77), targetGuid: g(80) },
    ],
    sets: [
      { guid: g(90), name: 'Set & co', description: 'grouped', memberCodes: [g(11), g(13)], memberSources: [g(40)], memberNotes: [g(75)] },
    ],
    links: [{ guid: g(80), name: 'joy -> deep', direction: 'OneWay', color: '#112233', originGuid: g(11), targetGuid: g(13) }],
    graphs: [
      {
        guid: g(100),
        name: 'Map',
        vertices: [
          {
            guid: g(101),
            representedGuid: g(11),
            name: 'joy',
            firstX: 10.4,
            firstY: -3.6,
            secondX: 110.5,
            secondY: 50,
            shape: 'Oval',
            color: '#00ff00',
          },
          { guid: g(102), representedGuid: g(13), name: 'deep', firstX: 200, firstY: 0, shape: 'Blob' },
        ],
        edges: [
          {
            guid: g(103),
            representedGuid: g(80),
            name: 'e',
            sourceVertex: g(101),
            targetVertex: g(102),
            color: '#000000',
            direction: 'Bidirectional',
            lineStyle: 'dashed',
          },
        ],
      },
    ],
  };
}

function minimal(): RefiProject {
  return {
    name: 'Empty',
    users: [],
    codes: [],
    variables: [],
    cases: [],
    sources: [],
    notes: [],
    noteRefs: [],
    sets: [],
    links: [],
    graphs: [],
  };
}

describe('writeQde', () => {
  it.skipIf(!haveShared)('writes a rich project that validates, with everything where the schema wants it', () => {
    const warnings: string[] = [];
    const xml = writeQde(richProject(), { warnings });
    const f = validate(xml);
    // Offsets in code points: the emoji before "there" is one character, not two UTF-16 units.
    expect(xpath(f, `//${q('PlainTextSelection')}[1]/@startPosition`)).toBe('5');
    expect(xpath(f, `//${q('PlainTextSelection')}[1]/@endPosition`)).toBe('10');
    // Three surrogate pairs (😀, and 👩 🏽 in 👩🏽‍⚕️) come before it; CRLF counts 2 either way.
    const end = [...TEXT.slice(0, TEXT.lastIndexOf('end'))].length;
    expect(TEXT.lastIndexOf('end') - end).toBe(3);
    expect(xpath(f, `//${q('PlainTextSelection')}[2]/@startPosition`)).toBe(String(end));
    // Text survives a real parser exactly, CRLF included; the bell became U+FFFD.
    expect(xpath(f, `//${q('TextSource')}/${q('PlainTextContent')}`)).toBe(TEXT);
    expect(xpath(f, `/${q('Project')}/@name`)).toBe(NAUGHTY.replace('\u0007', '\uFFFD'));
    expect(xpath(f, `/${q('Project')}/${q('Description')}`)).toBe('A project\r\nwith two lines');
    expect(xpath(f, `//${q('Note')}[1]/${q('PlainTextContent')}`)).toBe('memo\r\nline 2 & more');
    // Only one of PlainTextContent / plainTextPath.
    expect(xpath(f, `//${q('TextSource')}/@plainTextPath`)).toBe('');
    // Codes: explicit isCodable, nesting, colours, braces dropped from guids.
    expect(xpath(f, `//${q('Code')}[@name="Theme: feelings"]/@isCodable`)).toBe('false');
    expect(xpath(f, `//${q('Code')}[@name="joy"]/@color`)).toBe('#FF0000');
    expect(xpath(f, `count(//${q('Code')}[@name="Theme: feelings"]/${q('Code')})`)).toBe('2');
    expect(xpath(f, `//${q('Code')}[@name="deep"]/../@guid`)).toBe(g(12));
    expect(xpath(f, `//${q('Coding')}[2]/${q('CodeRef')}/@targetGUID`)).toBe(g(12));
    // Variables typed; "n/a" made "children" a Text variable.
    expect(xpath(f, `//${q('Variable')}[@name="children"]/@typeOfVariable`)).toBe('Text');
    expect(xpath(f, `//${q('Variable')}[@name="age"]/@typeOfVariable`)).toBe('Integer');
    expect(xpath(f, `//${q('Case')}[@name="P01"]//${q('FloatValue')}`)).toBe('1500');
    expect(xpath(f, `//${q('Case')}[@name="P01"]//${q('BooleanValue')}`)).toBe('true');
    expect(xpath(f, `//${q('Case')}[@name="P01"]//${q('DateValue')}`)).toBe('1980-02-29');
    expect(xpath(f, `count(//${q('Case')}[@name="P02"]/${q('VariableValue')})`)).toBe('1');
    expect(xpath(f, `//${q('Case')}[@name="P02"]//${q('TextValue')}`)).toBe('3');
    expect(xpath(f, `//${q('Case')}[@name="P01"]/${q('SourceRef')}/@targetGUID`)).toBe(g(40));
    // Notes hang where the schema allows, once each.
    expect(xpath(f, `count(//${q('PlainTextSelection')}[1]/${q('NoteRef')})`)).toBe('1');
    expect(xpath(f, `//${q('TextSource')}/${q('NoteRef')}/@targetGUID`)).toBe(g(71));
    expect(xpath(f, `//${q('Code')}[@guid="${g(12)}"]/${q('NoteRef')}/@targetGUID`)).toBe(g(72));
    expect(xpath(f, `//${q('Coding')}[@guid="${g(60)}"]/${q('NoteRef')}/@targetGUID`)).toBe(g(76));
    expect(xpath(f, `//${q('Link')}/${q('NoteRef')}/@targetGUID`)).toBe(g(77));
    expect(xpath(f, `/${q('Project')}/${q('NoteRef')}/@targetGUID`)).toBe(g(74));
    expect(xpath(f, `count(//${q('Note')})`)).toBe('8');
    // Graph positions are integers; the unknown shape is left out.
    expect(xpath(f, `//${q('Vertex')}[1]/@firstX`)).toBe('10');
    expect(xpath(f, `//${q('Vertex')}[1]/@firstY`)).toBe('-4');
    expect(xpath(f, `//${q('Vertex')}[1]/@secondX`)).toBe('111');
    expect(xpath(f, `//${q('Vertex')}[2]/@shape`)).toBe('');
    expect(xpath(f, `//${q('Set')}/${q('MemberNote')}/@targetGUID`)).toBe(g(75));
    expect(xpath(f, `/${q('Project')}/@creationDateTime`)).toBe('2024-05-01T10:00:00');
    expect(xpath(f, `//${q('PDFSource')}/@path`)).toBe('internal://scan.pdf');

    expect(warnings).toContain('project name: 1 character XML cannot carry replaced with U+FFFD');
    expect(warnings.some((w) => w.startsWith('note "on a case" is attached to case "P01"'))).toBe(true);
    expect(warnings).toContain('variable "children": 1 value (e.g. "n/a") not Integer; written as a Text variable');
    expect(warnings.some((w) => w.includes('colour "not a colour"'))).toBe(true);
    expect(warnings.some((w) => w.includes('shape "Blob"'))).toBe(true);
  });

  it.skipIf(!haveShared)('keeps the schema sequence order at every level', () => {
    const xml = writeQde(richProject());
    const top = [...xml.matchAll(/^ {2}<(\w+)/gm)].map((m) => m[1]);
    expect(top).toEqual([
      'Users',
      'CodeBook',
      'Variables',
      'Cases',
      'Sources',
      'Notes',
      'Links',
      'Sets',
      'Graphs',
      'Description',
      'NoteRef',
    ]);
    validate(xml);
  });

  it.skipIf(!haveShared)('with texts "files" points to internal://<guid>.txt and embeds no text', () => {
    const p = richProject();
    const xml = writeQde(p, { texts: 'files' });
    const f = validate(xml);
    expect(xpath(f, `//${q('TextSource')}/@plainTextPath`)).toBe(`internal://${g(40)}.txt`);
    expect(xpath(f, `count(//${q('TextSource')}/${q('PlainTextContent')})`)).toBe('0');
    expect(xpath(f, `//${q('PlainTextSelection')}[1]/@startPosition`)).toBe('5');
    // The text the selections count in may come from outside the model.
    const s = p.sources[0];
    if (s.kind !== 'text') throw new Error('fixture');
    const text = '😀😀' + TEXT;
    s.plainTextContent = undefined;
    s.selections[0].start += 4;
    s.selections[0].end += 4;
    const f2 = validate(writeQde(p, { texts: 'files', sourceTexts: new Map([[g(40), text]]) }));
    expect(xpath(f2, `//${q('PlainTextSelection')}[1]/@startPosition`)).toBe('7');
  });

  it.skipIf(!haveShared)('keeps a source whose text is unknown by its own path, and says so', () => {
    const p = richProject();
    const s = p.sources[0];
    if (s.kind !== 'text') throw new Error('fixture');
    s.plainTextContent = undefined;
    const warnings: string[] = [];
    const f = validate(writeQde(p, { warnings }));
    expect(xpath(f, `//${q('TextSource')}/@plainTextPath`)).toBe('C:\\old\\path.txt');
    expect(warnings).toContain('source "Interview 1 & <2>": its text is not available; only its original path is written');
  });

  it.skipIf(!haveShared)('writes a minimal project (no codes, no sources) that validates', () => {
    const xml = writeQde(minimal());
    validate(xml);
    expect(xml).toBe('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="Empty"/>\n');
  });

  it.skipIf(!haveShared)('maps identifiers that are not GUIDs consistently, so references still meet', () => {
    const p = minimal();
    p.codes = [{ guid: 'code-1', name: 'a', isCodable: true, children: [] }];
    p.sets = [{ guid: 'set-1', name: 's', memberCodes: ['code-1'], memberSources: [], memberNotes: [] }];
    const f = validate(writeQde(p));
    expect(xpath(f, `//${q('Code')}/@guid`)).toBe(xpath(f, `//${q('MemberCode')}/@targetGUID`));
  });

  it.skipIf(!haveShared)('writes offsets a reader left in code points as they are, codings of whole sources, and note paths', () => {
    const p = minimal();
    p.codes = [{ guid: g(1), name: 'c', isCodable: true, children: [] }];
    p.sources = [
      {
        kind: 'text',
        guid: g(2),
        name: 's',
        plainTextContent: '😀😀 abc',
        offsetUnit: 'codepoint',
        selections: [{ guid: g(3), start: 3, end: 6, codings: [{ guid: g(4), codeGuid: g(1) }], noteGuids: [] }],
        codings: [{ guid: g(5), codeGuid: g(1), creatingUser: g(9) }],
        noteGuids: [],
        values: [],
      },
    ];
    p.notes = [
      { guid: g(6), text: '', plainTextPath: 'internal://n.txt' },
      { guid: g(7), text: 'on the whole-source coding' },
    ];
    p.noteRefs = [{ noteGuid: g(7), targetGuid: g(5) }];
    const f = validate(writeQde(p));
    expect(xpath(f, `//${q('PlainTextSelection')}/@startPosition`)).toBe('3');
    expect(xpath(f, `//${q('PlainTextSelection')}/@endPosition`)).toBe('6');
    expect(xpath(f, `//${q('TextSource')}/${q('Coding')}/${q('CodeRef')}/@targetGUID`)).toBe(g(1));
    expect(xpath(f, `//${q('TextSource')}/${q('Coding')}/${q('NoteRef')}/@targetGUID`)).toBe(g(7));
    expect(xpath(f, `//${q('Note')}[1]/@plainTextPath`)).toBe('internal://n.txt');
    expect(xpath(f, `count(//${q('Note')}[1]/${q('PlainTextContent')})`)).toBe('0');
  });

  it('says when an NVivo origin would make readers miscount the positions', () => {
    const warnings: string[] = [];
    writeQde({ ...minimal(), origin: 'NVivo 12.6' }, { warnings });
    expect(warnings).toEqual(['origin "NVivo 12.6" names NVivo, but positions are written as code points, not NVivo\'s UTF-16 units']);
  });

  it('reports references it cannot write', () => {
    const p = minimal();
    p.notes = [{ guid: g(1), text: 'x' }];
    p.noteRefs = [
      { noteGuid: g(1), targetGuid: g(9) },
      { noteGuid: g(2), targetGuid: '' },
    ];
    p.cases = [{ guid: g(3), name: 'c', values: [{ variableGuid: g(4), value: '1' }], sourceGuids: [], codeGuids: [] }];
    const warnings: string[] = [];
    const xml = writeQde(p, { warnings });
    expect(xml).not.toContain('NoteRef');
    expect(xml).not.toContain('VariableValue');
    expect(warnings).toEqual([
      `note "${g(1)}" is attached to ${g(9)}, which is not in the project; written without that link`,
      `a note reference points to ${g(2)}, which is no note in the project; left out`,
      `case "c": a value for variable ${g(4)}, which is not in the project; left out`,
    ]);
  });
});
