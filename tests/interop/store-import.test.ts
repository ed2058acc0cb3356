import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Service } from '../../src/api/service.ts';
import { runOperation } from '../../src/store/operations.ts';
import { loadRefi } from '../../src/features/refi/store-load.ts';
import { importRefi } from '../../src/features/refi/to-store.ts';
import { b64, importText, INTERVIEW, openSample, SHARED, snapshot, tmpProject } from '../helpers/project.ts';
import { dbOf } from '../helpers/db.ts';

const CORPUS = path.join(SHARED, 'interop');
const NVIVO = 'nvivo12.6_win_oltas0517.qdpx';
const ATLAS = 'atlasti8_standard_project_REFI_vendor_set.qde';
const QDC = 'atlasti_win23.4_codebook_from_requal_test.qdc';
const bytes = (f: string) => fs.readFileSync(path.join(CORPUS, f));
const importFile = (s: Service, f: string) => s.call('refi.import', { fileName: f, contentBase64: bytes(f).toString('base64') });
const count = (s: Service, sql: string) => (dbOf(s).prepare(sql).get() as { n: number }).n;

describe.skipIf(!fs.existsSync(CORPUS))('REFI-QDA import of real files', () => {
  it('NVivo .qdpx: 152 codes in their tree, 2 coders, 303 codings each covering exactly the text NVivo coded', async () => {
    const { service } = tmpProject();
    const r = await importFile(service, NVIVO);
    expect(r.counts).toMatchObject({ codes: 152, documents: 2, codings: 303, coders: 2 });
    expect(r.notCarried).toEqual([]);
    expect(count(service, 'SELECT COUNT(*) AS n FROM codes WHERE parent_id IS NULL')).toBe(12);
    expect(count(service, 'SELECT COUNT(*) AS n FROM codes WHERE parent_id IS NOT NULL')).toBe(140);
    const withDescription = count(service, "SELECT COUNT(*) AS n FROM codes WHERE definition <> ''");
    expect(withDescription).toBeGreaterThan(0);

    // The reference: NVivo's own text file and offsets (UTF-16 units, CRLF = 2, BOM dropped).
    const zip = unzipSync(new Uint8Array(bytes(NVIVO)));
    const qde = new TextDecoder().decode(zip['project.qde']);
    const expected = new Map<string, string>();
    const sel = /<PlainTextSelection\b[^>]*\bstartPosition="(\d+)"[^>]*\bendPosition="(\d+)"[^>]*>([\s\S]*?)<\/PlainTextSelection>/g;
    const source = /<TextSource\b[^>]*\bplainTextPath="internal:\/\/([^"]+)"[^>]*>([\s\S]*?)<\/TextSource>/g;
    for (const [, file, body] of qde.matchAll(source)) {
      const original = new TextDecoder().decode(zip[`Sources/${file}`]).replace(/^\uFEFF/, '');
      for (const [, start, end, inner] of body.matchAll(sel)) {
        for (const [, guid] of inner.matchAll(/<Coding\b[^>]*\bguid="([^"]+)"/g))
          expected.set(guid, original.slice(+start, +end).replace(/\r\n/g, '\n'));
      }
    }
    expect(expected.size).toBe(303);
    const codings = await service.call('codings.list', { includeText: true });
    expect(codings).toHaveLength(303);
    for (const c of codings) expect(c.text, c.guid).toBe(expected.get(c.guid));
    // Coders are the Codings' creatingUsers (not the selections'), named by the users' names.
    const users = new Map([...qde.matchAll(/<User\b[^>]*\bguid="([^"]+)"[^>]*\bname="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    const coderOf = new Map(
      [...qde.matchAll(/<Coding\b[^>]*\bguid="([^"]+)"[^>]*\bcreatingUser="([^"]+)"/g)].map((m) => [m[1], users.get(m[2])]),
    );
    const differ = [
      ...qde.matchAll(
        /<PlainTextSelection\b[^>]*\bcreatingUser="([^"]+)"[^>]*>\s*(?:<Description\s*\/>)?\s*<Coding\b[^>]*\bcreatingUser="([^"]+)"/g,
      ),
    ].filter((m) => m[1] !== m[2]).length;
    expect(differ).toBeGreaterThan(0);
    for (const c of codings) expect(c.coder).toBe(coderOf.get(c.guid));
    const coders = await service.call('coders.list', {});
    expect(coders.map((c) => c.codingCount).reduce((a, b) => a + b, 0)).toBe(303);
    expect(coders.every((c) => c.name && !/^User /.test(c.name))).toBe(true);
    // Turns: one per non-empty line, no speakers.
    const docs = await service.call('documents.list', {});
    const txt = docs.find((d) => d.codingsByCoder && Object.keys(d.codingsByCoder).length)!;
    const doc = await service.call('documents.get', { id: txt.id });
    expect(doc.text).not.toContain('\r');
    expect(doc.turns.length).toBe(doc.text.split('\n').filter((l) => l.trim()).length);
    expect(doc.turns.every((t) => t.speaker === null)).toBe(true);
  });

  it('ATLAS.ti .qde: codes, users as coders (not the user "ATLAS.ti"), notes as memos; missing and non-text sources named; sets, links and graph kept', async () => {
    const { service } = tmpProject();
    const r = await importFile(service, ATLAS);
    expect(r.counts).toMatchObject({ codes: 14, coders: 2, memos: 2, documents: 0 });
    expect(r.notes.find((n) => n.kind === 'system-user')).toMatchObject({ name: 'user "ATLAS.ti"' });
    const missing = r.notCarried
      .filter((i) => i.kind === 'missing-source')
      .map((i) => i.name.normalize('NFC'))
      .sort();
    expect(missing).toEqual([
      'source "1960s Coca Cola commercial - Audio.docx"',
      'source "1960s Coca Cola commercial - Visual.docx"',
      'source "1994 Diet Coke-Diet Coke Break.docx"',
      'source "Mabel.txt"',
      'source "Mabêl 2ième.txt"',
      'source "Simon.docx"',
    ]);
    expect(r.notCarried.find((i) => i.name === 'source "Simon.docx"')!.detail).toMatch(/3 selections on it not imported/);
    const pdf = r.notCarried.find((i) => i.kind === 'pdf-source' && i.name.includes('Pay de Lim'))!;
    expect(pdf.detail).toMatch(/6 selections and 6 codings/);
    expect(r.notCarried.filter((i) => /^(pdf|picture|audio|video)-source$/.test(i.kind))).toHaveLength(6);
    expect(count(service, "SELECT COUNT(*) AS n FROM refi_extras WHERE kind = 'set'")).toBe(16);
    expect(count(service, "SELECT COUNT(*) AS n FROM refi_extras WHERE kind = 'link'")).toBe(1);
    expect(count(service, "SELECT COUNT(*) AS n FROM refi_extras WHERE kind = 'graph'")).toBe(1);
    const memos = await service.call('memos.list', {});
    expect(memos).toHaveLength(2);
    expect(memos.every((m) => m.body.length > 0)).toBe(true);
    expect((await service.call('coders.list', {})).map((c) => c.name).sort()).toEqual(['Friedrich Markgraf', 'Sebastian Petrausch']);
  });

  it('a .qdc codebook adds its codes (colour, description) to an existing project and keeps its set', async () => {
    const service = await openSample();
    const docsBefore = snapshot(service).documents;
    const codesBefore = count(service, 'SELECT COUNT(*) AS n FROM codes');
    const r = await importFile(service, QDC);
    expect(r.kind).toBe('qdc');
    expect(r.counts).toMatchObject({ codes: 1, sets: 1 });
    expect(count(service, 'SELECT COUNT(*) AS n FROM codes')).toBe(codesBefore + 1);
    const code = dbOf(service).prepare('SELECT * FROM codes ORDER BY id DESC LIMIT 1').get() as { color: string; definition: string };
    expect(code.color).toMatch(/^#[0-9A-F]{6}$/);
    expect(code.definition).not.toBe('');
    expect(snapshot(service).documents).toEqual(docsBefore);
    service.close();
  });

  it('importing the same file again reuses codes by GUID and skips documents with the same GUID, counting their codings', async () => {
    const { service } = tmpProject();
    await importFile(service, NVIVO);
    const r = await importFile(service, NVIVO);
    expect(r.counts).toMatchObject({ codes: 0, documents: 0, codings: 0 });
    expect(
      r.notCarried
        .filter((n) => n.kind === 'duplicate-source')
        .map((n) => n.detail.replace(/^.*; /, ''))
        .sort(),
    ).toEqual(['its 0 codings not imported', 'its 303 codings not imported']);
    expect(r.notes.find((n) => n.kind === 'codes-reused')!.name).toBe('152 codes');
    expect(count(service, 'SELECT COUNT(*) AS n FROM codes')).toBe(152);
    expect(count(service, 'SELECT COUNT(*) AS n FROM codings')).toBe(303);
  });

  for (const f of [NVIVO, ATLAS, QDC]) {
    it(`undo takes a whole import back, redo brings it again (${f})`, async () => {
      const { service } = tmpProject();
      await importText(service, 'p4.txt', INTERVIEW, 'P4');
      const before = snapshot(service);
      await importFile(service, f);
      const after = snapshot(service);
      expect(after).not.toEqual(before);
      await service.call('history.undo', {});
      expect(snapshot(service)).toEqual(before);
      await service.call('history.redo', {});
      expect(snapshot(service)).toEqual(after);
    });
  }
});

describe('REFI-QDA import is all-or-nothing', () => {
  it('a file that is not REFI-QDA changes nothing', async () => {
    const { service } = tmpProject();
    await importText(service, 'p4.txt', INTERVIEW, 'P4');
    const before = snapshot(service);
    await expect(service.call('refi.import', { fileName: 'broken.qdpx', contentBase64: b64('not a zip') })).rejects.toThrow(/broken\.qdpx/);
    await expect(service.call('refi.import', { fileName: 'broken.qde', contentBase64: b64('<Project') })).rejects.toThrow();
    expect(snapshot(service)).toEqual(before);
  });

  it('a failure half-way through the import rolls every row back', async () => {
    const { service } = tmpProject();
    await importText(service, 'p4.txt', INTERVIEW, 'P4');
    const before = snapshot(service);
    const input = await loadRefi(NVIVO, new Uint8Array(bytes(NVIVO)));
    expect(() =>
      runOperation(dbOf(service), { actor: 't', method: 'refi.import', summary: 's' }, (tx) => {
        importRefi(tx, input);
        expect(count(service, 'SELECT COUNT(*) AS n FROM codings')).toBe(303);
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    expect(snapshot(service)).toEqual(before);
  });
});
