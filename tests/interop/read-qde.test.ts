import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RefiCode, RefiOtherSource, RefiTextSource } from '../../src/features/refi/model.ts';
import { readQde } from '../../src/features/refi/read-qde.ts';
import { resolveSourceText } from '../../src/features/refi/source-text.ts';

const corpus = fileURLToPath(new URL('../../../shared/interop/', import.meta.url));
const atlasFile = `${corpus}atlasti8_standard_project_REFI_vendor_set.qde`;

const allCodes = (codes: RefiCode[]): RefiCode[] => codes.flatMap((c) => [c, ...allCodes(c.children)]);

describe('ATLAS.ti 8.4 vendor project (.qde)', () => {
  it('is present in the shared corpus', () => {
    expect(existsSync(atlasFile), `missing conformance file ${atlasFile}`).toBe(true);
  });

  const project = () => readQde(readFileSync(atlasFile), { label: 'atlas.qde' });

  it('reads the project, its users, codes and sets', () => {
    const p = project();
    expect(p.name).toBe('ATLAS.ti standard project');
    expect(p.origin).toMatch(/^ATLAS\.ti 8\.4\.0/);
    expect(p.creatingUserGuid).toBe('AD68FBE7-E1EE-4A82-A279-23CC698C89EB');
    expect(p.users.map((u) => u.name)).toEqual(['ATLAS.ti', 'Friedrich Markgraf', 'Sebastian Petrausch']);
    expect(allCodes(p.codes)).toHaveLength(14);
    expect(p.codes.find((c) => c.name === 'cornflakes')).toEqual({
      guid: 'AE6D04CE-D987-4FC8-AF97-D72CA6FFD08F',
      name: 'cornflakes',
      color: '#DC0000',
      description: 'breakfast cereal made by Kellogg’s',
      isCodable: true,
      children: [],
    });
    expect(p.codes.find((c) => c.name === 'milk')?.color).toBeUndefined();
    expect(p.codes.map((c) => c.name)).toContain('"rushed"');
    expect(p.sets).toHaveLength(16);
    expect(p.sets.map((s) => s.name)).toContain('<3');
    const feelings = p.sets.find((s) => s.name === 'Feelings')!;
    expect(feelings.memberCodes).toHaveLength(6);
    expect(p.sets.find((s) => s.name === 'Mabel')!.memberSources).toEqual([
      '17FB9CB8-7858-4291-A162-65424B9942EC',
      'EC0A7242-65E1-457C-B7D1-310DAE603FAB',
    ]);
  });

  it('reads 6 text sources with their selections and codings, counting code points', async () => {
    const p = project();
    const texts = p.sources.filter((s): s is RefiTextSource => s.kind === 'text');
    expect(texts).toHaveLength(6);
    expect(texts.every((t) => t.offsetUnit === 'codepoint')).toBe(true);
    // The corpus README says 5 have inline PlainTextContent; in the file none does: all six name
    // internal:// files that the .qde alone does not carry (5 PlainTextContent elements are on
    // PDF selections and notes).
    expect(texts.filter((t) => t.plainTextContent !== undefined)).toHaveLength(0);
    expect(texts.every((t) => t.plainTextPath?.startsWith('internal://') && t.richTextPath?.endsWith('.docx'))).toBe(true);
    const simon = texts.find((t) => t.name === 'Simon.docx')!;
    expect(simon.selections.map((s) => [s.start, s.end, s.codings.length])).toEqual([
      [688, 907, 1],
      [215, 275, 1],
      [513, 907, 1],
    ]);
    expect(simon.selections[0].description).toBe('why does Simon feel the need to do this?');
    const mabel = texts.find((t) => t.name === 'Mabel.txt')!;
    expect(mabel.selections[0].codings.map((c) => c.codeGuid)).toEqual([
      'F9C6EAC0-8A66-4757-9D8A-9A6C8FEA3C44',
      'AE6D04CE-D987-4FC8-AF97-D72CA6FFD08F',
      '85D17F60-7BB0-481E-B742-B4861DD669DF',
    ]);
    const textSelections = texts.flatMap((t) => t.selections);
    expect(textSelections).toHaveLength(6);
    expect(textSelections.flatMap((s) => s.codings)).toHaveLength(7);
    // Without its archive the text cannot be found: reported missing, naming the path.
    expect(await resolveSourceText(simon, new Map())).toEqual({
      missing: expect.stringContaining('"internal://C1C745F7-8E4D-48B2-9710-655AFE7E54FA.txt" needs the .qdpx archive it came from'),
    });
  });

  it('lists PDF, picture, audio and video sources with their counts', () => {
    const p = project();
    const others = p.sources.filter((s): s is RefiOtherSource => s.kind !== 'text');
    expect(others.map((o) => [o.kind, o.name, o.selectionCount, o.codingCount, o.hasTextRepresentation])).toEqual([
      ['picture', 'cornflakes-n-milk.jpg', 1, 2, false],
      ['pdf', "Kellogg's Passion for Nutrition.pdf", 0, 0, true],
      // 4 PDFSelections + 2 PlainTextSelections on its text representation
      ['pdf', "Pay de Limo\u0301n con Base de Granola | Kellogg's ®.pdf", 6, 6, true], // decomposed, as written
      // Audio and video: their Transcripts are read as text (media-read.ts), counted apart.
      ['audio', "Jeanine's Breakfast.m4a", 0, 0, false],
      ['video', '1960s Coca Cola commercial.mp4', 0, 0, false],
      ['video', '1994 Diet Coke-Diet Coke Break.mp4', 2, 1, false],
    ]);
    expect(others[3].path).toBe('relative:///DF370983-F009-4D47-8615-711633FA9DE6.m4a');
    // 8 PlainTextSelections in all (6 on text sources, 2 on a PDF's text), 16 codings in all
    const texts = p.sources.filter((s): s is RefiTextSource => s.kind === 'text');
    expect(texts.flatMap((t) => t.selections).length + 2).toBe(8);
    expect(texts.flatMap((t) => t.selections.flatMap((s) => s.codings)).length + others.reduce((n, o) => n + o.codingCount, 0)).toBe(16);
  });

  it('reads notes, the link and the graph', () => {
    const p = project();
    expect(p.notes.map((n) => [n.name, n.text])).toEqual([
      ['Research Plan', 'This is a great project by a dynamic team of researcher-developers. '],
      ['My favorite Coke ad', 'This version is much better than the new Director’s cut '],
    ]);
    expect(p.noteRefs).toEqual([]);
    expect(p.links).toEqual([
      {
        guid: '7B56978E-9D9F-4D47-B4EC-436E2F6B8BE5',
        name: 'Memo-Quotation Relation',
        direction: 'OneWay',
        color: '#000000',
        originGuid: 'E41BE463-FDF3-4ED0-B668-119C53D8D687',
        targetGuid: '238965CB-E557-405D-B4F0-6F824B2F4570',
      },
    ]);
    expect(p.graphs).toHaveLength(1);
    const g = p.graphs[0];
    expect(g.name).toBe('Netzwerk');
    expect(g.vertices).toHaveLength(3);
    expect(g.vertices[0]).toEqual({
      guid: 'B169A012-304E-49AC-A753-2543F08987AF',
      representedGuid: 'ED105492-356D-4119-A1E2-716CF018AFED',
      name: '1994 Diet Coke-Diet Coke Break.mp4',
      firstX: 103,
      firstY: 26,
      secondX: 258,
      secondY: 72,
      shape: 'Rectangle',
    });
    expect(g.edges.map((e) => [e.sourceVertex, e.targetVertex, e.direction, e.lineStyle, e.representedGuid])).toEqual([
      ['B169A012-304E-49AC-A753-2543F08987AF', 'D8970236-3A5B-429F-9314-066343D012C3', 'Associative', 'dashed', undefined],
      [
        '41A2F94D-1832-4D50-BB62-B7E49ECDC509',
        'D8970236-3A5B-429F-9314-066343D012C3',
        'OneWay',
        'solid',
        '7B56978E-9D9F-4D47-B4EC-436E2F6B8BE5',
      ],
    ]);
  });
});

describe('a project with every part the reader maps', () => {
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Full" origin="QualCoder 3.5" creatingUserGUID="u1" creationDateTime="2024-01-02T03:04:05Z">
  <Users><User guid="u1" name="Ann" id="ann"/></Users>
  <CodeBook><Codes>
    <Code guid="c1" name="Theme" isCodable="false" color="#abc"><Description>grouping</Description><NoteRef targetGUID="n1"/>
      <Code guid="c2" name="Child" isCodable="true"/>
    </Code>
  </Codes></CodeBook>
  <Variables>
    <Variable guid="v1" name="age" typeOfVariable="Integer"><Description>years</Description></Variable>
    <Variable guid="v2" name="odd" typeOfVariable="Colour"/>
  </Variables>
  <Cases><Case guid="k1" name="Case 1"><Description>first</Description><CodeRef targetGUID="c2"/>
    <VariableValue><VariableRef targetGUID="v1"/><IntegerValue>042</IntegerValue></VariableValue>
    <VariableValue><VariableRef targetGUID="v2"/></VariableValue>
    <SourceRef targetGUID="s1"/><NoteRef targetGUID="n1"/></Case></Cases>
  <Sources>
    <TextSource guid="s1" name="Interview" creatingUser="u1"><Description>d</Description><PlainTextContent>a😀b&#xD;&#xA;c</PlainTextContent>
      <PlainTextSelection guid="t1" name="😀b" startPosition="1" endPosition="3" creatingUser="u1"><Description></Description>
        <Coding guid="g1" creatingUser="u2"><CodeRef targetGUID="c2"/><NoteRef targetGUID="n2"/></Coding><NoteRef targetGUID="n2"/>
      </PlainTextSelection>
      <Coding guid="g2"><CodeRef targetGUID="c1"/></Coding>
      <NoteRef targetGUID="n1"/>
      <VariableValue><VariableRef targetGUID="v1"/><TextValue> 7 </TextValue></VariableValue>
    </TextSource>
    <AudioSource guid="a1" name="rec" path="relative:///a.m4a"><Transcript guid="tr1"><TranscriptSelection guid="ts1"><Coding guid="g3"><CodeRef targetGUID="c2"/></Coding><NoteRef targetGUID="n2"/></TranscriptSelection></Transcript></AudioSource>
  </Sources>
  <Notes>
    <Note guid="n1" name="memo" creatingUser="u1"><PlainTextContent>inline</PlainTextContent></Note>
    <Note guid="n2" plainTextPath="internal://n2.txt"/>
  </Notes>
  <Links><Link guid="l1" originGUID="c1" targetGUID="c2" direction="Sideways" color="red"/></Links>
  <Sets><Set guid="set1" name="S"><MemberCode targetGUID="c1"/><MemberSource targetGUID="s1"/><MemberNote targetGUID="n1"/></Set></Sets>
  <Graphs><Graph guid="gr1"><Vertex guid="x1" firstX="1.5" firstY="-2"/></Graph></Graphs>
  <Description>about</Description>
  <NoteRef targetGUID="n1"/>
</Project>`;

  it('maps codes, variables, cases, sources, notes, note references, links, sets and graphs', () => {
    const p = readQde(xml);
    expect(p).toMatchObject({
      name: 'Full',
      origin: 'QualCoder 3.5',
      creatingUserGuid: 'u1',
      creationDateTime: '2024-01-02T03:04:05Z',
      description: 'about',
    });
    expect(p.users).toEqual([{ guid: 'u1', name: 'Ann', id: 'ann' }]);
    expect(p.codes).toEqual([
      {
        guid: 'c1',
        name: 'Theme',
        isCodable: false,
        color: '#aabbcc',
        description: 'grouping',
        children: [{ guid: 'c2', name: 'Child', isCodable: true, children: [] }],
      },
    ]);
    expect(p.variables).toEqual([
      { guid: 'v1', name: 'age', type: 'Integer', description: 'years' },
      { guid: 'v2', name: 'odd', type: 'Text' },
    ]);
    expect(p.cases).toEqual([
      {
        guid: 'k1',
        name: 'Case 1',
        description: 'first',
        sourceGuids: ['s1'],
        codeGuids: ['c2'],
        values: [
          { variableGuid: 'v1', value: '042' },
          { variableGuid: 'v2', value: '' },
        ],
      },
    ]);
    const s = p.sources[0] as RefiTextSource;
    expect(s).toMatchObject({
      kind: 'text',
      guid: 's1',
      name: 'Interview',
      description: 'd',
      creatingUser: 'u1',
      plainTextContent: 'a😀b\r\nc',
      offsetUnit: 'codepoint',
    });
    expect(s.values).toEqual([{ variableGuid: 'v1', value: ' 7 ' }]);
    expect(s.noteGuids).toEqual(['n1']);
    expect(s.codings).toEqual([{ guid: 'g2', codeGuid: 'c1' }]);
    expect(s.selections).toEqual([
      {
        guid: 't1',
        name: '😀b',
        start: 1,
        end: 3,
        creatingUser: 'u1',
        noteGuids: ['n2'],
        codings: [{ guid: 'g1', codeGuid: 'c2', creatingUser: 'u2' }],
      },
    ]);
    expect(p.sources[1]).toMatchObject({
      kind: 'audio',
      guid: 'a1',
      name: 'rec',
      path: 'relative:///a.m4a',
      selectionCount: 0,
      codingCount: 0,
      hasTextRepresentation: false,
    });
    // A TranscriptSelection without sync points cannot be placed: left out, and said why.
    expect((p.sources[1] as RefiOtherSource).transcripts).toMatchObject([
      { guid: 'tr1', selections: [], syncPoints: [], unplaced: ['<TranscriptSelection guid="ts1"> has no fromSyncPoint'] },
    ]);
    expect(p.notes).toEqual([
      { guid: 'n1', name: 'memo', text: 'inline', creatingUser: 'u1' },
      { guid: 'n2', text: '', plainTextPath: 'internal://n2.txt' },
    ]);
    expect(p.noteRefs).toEqual(
      expect.arrayContaining([
        { noteGuid: 'n1', targetGuid: 'c1' },
        { noteGuid: 'n1', targetGuid: 'k1' },
        { noteGuid: 'n1', targetGuid: 's1' },
        { noteGuid: 'n2', targetGuid: 't1' },
        { noteGuid: 'n2', targetGuid: 'g1' },
        { noteGuid: 'n2', targetGuid: 'ts1' },
      ]),
    );
    expect(p.noteRefs).toHaveLength(6); // the project-level NoteRef needs no target
    expect(p.links).toEqual([{ guid: 'l1', originGuid: 'c1', targetGuid: 'c2' }]); // unknown direction and colour dropped
    expect(p.sets).toEqual([{ guid: 'set1', name: 'S', memberCodes: ['c1'], memberSources: ['s1'], memberNotes: ['n1'] }]);
    expect(p.graphs).toEqual([{ guid: 'gr1', vertices: [{ guid: 'x1', firstX: 1.5, firstY: -2 }], edges: [] }]);
  });

  it('counts NVivo offsets as UTF-16 and everyone else as code points', () => {
    const unit = (origin: string) =>
      (readQde(`<Project name="p" origin="${origin}"><Sources><TextSource guid="s"/></Sources></Project>`).sources[0] as RefiTextSource)
        .offsetUnit;
    expect(unit('NVivo for Windows 12.6')).toBe('utf16');
    expect(unit('NVivo 14 (Mac)')).toBe('utf16');
    expect(unit('ATLAS.ti 8.4.0')).toBe('codepoint');
    expect(unit('MAXQDA 2022')).toBe('codepoint');
    expect(unit('Thematic 1.0')).toBe('codepoint');
  });

  it('refuses selections it cannot place, naming them', () => {
    const withSelection = (attrs: string, inner = '') =>
      `<Project name="p"><Sources><TextSource guid="s" name="S"><PlainTextSelection guid="t9" ${attrs}>${inner}</PlainTextSelection></TextSource></Sources></Project>`;
    const err = (xml: string) => {
      try {
        readQde(xml);
      } catch (e) {
        return (e as Error).message;
      }
      return 'no error';
    };
    expect(err(withSelection('startPosition="x" endPosition="2"'))).toBe(
      'project.qde: <PlainTextSelection guid="t9">: startPosition="x" is not a whole number of 0 or more',
    );
    expect(err(withSelection('startPosition="-1" endPosition="2"'))).toMatch(/startPosition="-1" is not a whole number/);
    expect(err(withSelection('startPosition="5" endPosition="2"'))).toBe(
      'project.qde: <PlainTextSelection guid="t9"> ends (2) before it starts (5)',
    );
    expect(err(withSelection('endPosition="2"'))).toBe(
      'project.qde: <PlainTextSelection guid="t9"> has no startPosition attribute, which REFI-QDA requires',
    );
    expect(err(withSelection('startPosition="1" endPosition="2"', '<Coding guid="g"/>'))).toBe(
      'project.qde: <Coding guid="g"> has no <CodeRef>, so it codes nothing',
    );
  });
});
