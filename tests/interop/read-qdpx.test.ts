import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RefiCode, RefiProject, RefiTextSource } from '../../src/features/refi/model.ts';
import { readQdpx } from '../../src/features/refi/read-qdpx.ts';
import { coderOf, resolveSourceText, selectionsInUtf16 } from '../../src/features/refi/source-text.ts';

const corpus = fileURLToPath(new URL('../../../shared/interop/', import.meta.url));
const allCodes = (codes: RefiCode[]): RefiCode[] => codes.flatMap((c) => [c, ...allCodes(c.children)]);

const GERGO = '29518289-d0e3-447b-b7dd-ae1d8cd880a0';
const FLORIAN = 'eaac2cd0-f7f0-415a-abdd-ae1d8f6762de';

describe('NVivo 12.6 project (.qdpx)', () => {
  let project: RefiProject;
  let files: Map<string, Uint8Array>;
  beforeAll(() => {
    ({ project, files } = readQdpx(readFileSync(`${corpus}nvivo12.6_win_oltas0517.qdpx`), { label: 'oltas.qdpx' }));
  });
  const coded = () => project.sources.find((s): s is RefiTextSource => s.kind === 'text' && s.selections.length > 0)!;

  it('returns the archive entries by their names', () => {
    expect([...files.keys()].sort()).toEqual([
      'Sources/68bbdc14-c361-4432-b4dd-ae1dbfc12890.docx',
      'Sources/68bbdc14-c361-4432-b4dd-ae1dbfc12890.txt',
      'Sources/ddbebe1b-306f-4271-acdd-ae1da7c06fcd.docx',
      'Sources/ddbebe1b-306f-4271-acdd-ae1da7c06fcd.txt',
      'project.qde',
    ]);
  });

  it('reads 2 users and 152 nested codes with descriptions', () => {
    expect(project.origin).toBe('NVivo for Windows 12.6');
    expect(project.users.map((u) => u.name).sort()).toEqual(['Gergo', 'floriansipos']);
    expect(project.codes).toHaveLength(12);
    expect(allCodes(project.codes)).toHaveLength(152);
    const first = project.codes[0];
    expect(first.name).toBe('1. Oltás típusa');
    expect(first.description).toBe('COVID vay nem COVID');
    expect(first.children.map((c) => c.name)).toEqual(['COVID', 'Nem COVID']);
    expect(project.codes[1].description).toBe('Erősen szkeptikus (piros)\nEnyhén szkeptikus, kétkedő (sárga)\nElfogadó (zöld)');
    expect(allCodes(project.codes).filter((c) => c.description).length).toBeGreaterThan(1);
  });

  it('reads 2 text sources and 303 selections, each with one coding', () => {
    const texts = project.sources.filter((s): s is RefiTextSource => s.kind === 'text');
    expect(texts.map((t) => [t.name, t.selections.length, t.offsetUnit])).toEqual([
      ['videos_selection', 0, 'utf16'],
      ['videos_10_selected', 303, 'utf16'],
    ]);
    expect(coded().selections.every((s) => s.codings.length === 1)).toBe(true);
    // NVivo writes one selection per span and code: 188 distinct spans
    expect(new Set(coded().selections.map((s) => `${s.start}-${s.end}`)).size).toBe(188);
  });

  it('resolves both texts from Sources/, and the .docx when only it is there', async () => {
    for (const source of project.sources as RefiTextSource[]) {
      const resolved = await resolveSourceText(source, files);
      expect(resolved).toMatchObject({ from: 'plain-text-file' });
      if (!('text' in resolved)) throw new Error('unreachable');
      expect(resolved.text.startsWith('video_id\r\nvideo_title\r\n')).toBe(true); // BOM dropped, CRLF kept
    }
    // mammoth takes seconds on these 0.5 MB documents: one is enough here
    const source = coded();
    const docx = await resolveSourceText({ ...source, plainTextPath: undefined }, files);
    if (!('text' in docx)) throw new Error(docx.missing);
    expect(docx.from).toBe('docx');
    expect(docx.text.startsWith('video_id\n\nvideo_title\n\n')).toBe(true);
    expect(docx.text).toContain('tudatos hal äl reklám, hatalmas árulás');
  });

  it('places selections on whole comments when offsets count UTF-16 units (274 of 303), not code points (14)', async () => {
    const source = coded();
    const resolved = await resolveSourceText(source, files);
    if (!('text' in resolved)) throw new Error(resolved.missing);
    const text = resolved.text;
    const whole = (sels: { start: number; end: number }[]) =>
      sels.filter(
        (s) => (s.start === 0 || text[s.start - 1] === '\n') && (s.end === text.length || text[s.end] === '\r' || text[s.end] === '\n'),
      ).length;
    const utf16 = selectionsInUtf16(source, text);
    expect(whole(utf16)).toBe(274);
    expect(whole(selectionsInUtf16({ ...source, offsetUnit: 'codepoint' }, text))).toBe(14);
    const span = (guid: string) => {
      const s = utf16.find((x) => x.guid === guid)!;
      return text.slice(s.start, s.end);
    };
    expect(span('7154a758-6873-4134-badd-ae1dc04d3086')).toBe(
      'Senkit nem lehet kötelezni oltásra, ilyet csak ostoba korlátolt agyi kapacitással rendelkező emberhulladék hozhat aki nem szaporodhat és nem élhet.',
    );
    expect(span('a9504413-3306-4dbc-a6dd-ae1dc06dbff2')).toBe('tudatos hal äl reklám, hatalmas árulás');
    expect(span('6dcb4546-d316-45a0-b5dd-ae1dc074c056').startsWith('--------------------- Oltás-fasizmus, kovid-vallás')).toBe(true);
  });

  it('takes the Coding’s creatingUser as the coder, not the selection’s', () => {
    const sels = coded().selections;
    // 297 selections name the source's creator, yet every coding was made by the other user
    expect(sels.filter((s) => s.creatingUser === FLORIAN)).toHaveLength(297);
    expect(sels.every((s) => s.codings[0].creatingUser === GERGO)).toBe(true);
    expect(new Set(sels.map((s) => coderOf(s, s.codings[0])))).toEqual(new Set([GERGO]));
    expect(coderOf({ ...sels[0] }, { ...sels[0].codings[0], creatingUser: undefined })).toBe(FLORIAN);
  });
});

describe('hostile and broken .qdpx archives', () => {
  const qde = strToU8('<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="z"/>');
  const message = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      expect((e as { code?: string }).code).toBe('import_failed');
      return (e as Error).message;
    }
    throw new Error('expected a refusal');
  };

  it('reads a minimal archive', () => {
    const { project, files } = readQdpx(zipSync({ 'project.qde': qde, Sources: { 'a.txt': strToU8('x') } }));
    expect(project.name).toBe('z');
    expect(files.has('Sources/a.txt')).toBe(true);
  });

  it('refuses ../evil.txt and /etc/x entries', () => {
    expect(message(() => readQdpx(zipSync({ 'project.qde': qde, '../evil.txt': strToU8('x') }), { label: 'e.qdpx' }))).toBe(
      'e.qdpx: the entry "../evil.txt" points outside the archive (".."); refused',
    );
    expect(message(() => readQdpx(zipSync({ 'project.qde': qde, '/etc/x': strToU8('x') }), { label: 'e.qdpx' }))).toBe(
      'e.qdpx: the entry "/etc/x" has an absolute path; refused',
    );
  });

  it('says so when there is no .qde at the top level, or several', () => {
    expect(message(() => readQdpx(zipSync({ 'Sources/a.txt': strToU8('x') }), { label: 'm.qdpx' }))).toBe(
      'm.qdpx: the archive has no .qde project file at its top level (it holds "Sources/a.txt")',
    );
    expect(message(() => readQdpx(zipSync({ 'sub/project.qde': qde })))).toMatch(/no \.qde project file at its top level/);
    expect(message(() => readQdpx(zipSync({ 'A.qde': qde, 'project.QDE': qde }), { label: 'two.qdpx' }))).toBe(
      'two.qdpx: the archive has 2 project files at its top level ("A.qde", "project.QDE"); a .qdpx holds exactly one .qde, so it is unclear which to read',
    );
  });

  it('reads the single .qde whatever its name (ATLAS.ti 26 writes Trial.qde), in any letter case', () => {
    expect(readQdpx(zipSync({ 'Trial.qde': qde, sources: { 'a.txt': strToU8('x') } })).project.name).toBe('z');
    expect(readQdpx(zipSync({ 'TRIAL.QDE': qde })).project.name).toBe('z');
    expect(message(() => readQdpx(zipSync({ 'Trial.qde': strToU8('<Project') }), { label: 't.qdpx' }))).toMatch(/^t\.qdpx: Trial\.qde: /);
  });

  it('refuses a .qdpx that is not a zip, hinting at .qde when it is XML', () => {
    expect(message(() => readQdpx(qde, { label: 'p.qdpx' }))).toBe(
      'p.qdpx: not a .qdpx archive (a .qdpx is a zip file); it looks like XML: is it a .qde project?',
    );
    expect(message(() => readQdpx(new Uint8Array([1, 2, 3]), { label: 'p.qdpx' }))).toBe(
      'p.qdpx: not a .qdpx archive (a .qdpx is a zip file)',
    );
  });

  it('names project.qde when its XML is hostile', () => {
    const evil = strToU8('<!DOCTYPE p [<!ENTITY e SYSTEM "file:///etc/passwd">]><Project name="&e;"/>');
    expect(message(() => readQdpx(zipSync({ 'project.qde': evil }), { label: 'x.qdpx' }))).toMatch(
      /^x\.qdpx: project\.qde: line 1: the XML declares a DOCTYPE/,
    );
  });

  it('applies the zip limits it is given', () => {
    const zip = zipSync({ 'project.qde': qde, 'Sources/big.txt': new Uint8Array(3 * 1024 * 1024).fill(65) });
    expect(message(() => readQdpx(zip))).toMatch(/"Sources\/big\.txt" claims to unpack .* \(over 100:1\)/);
    expect(message(() => readQdpx(zip, { limits: { maxEntryBytes: 1024 * 1024, maxRatio: 1e6 } }))).toMatch(
      /would unpack to 3 MiB; more than 1 MiB per file/,
    );
  });
});
