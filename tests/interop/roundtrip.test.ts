import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Service } from '../../src/api/service.ts';
import { openSample, SHARED, snapshot, tmpDir, tmpProject } from '../helpers/project.ts';
import { dumpProject } from './refi-dump.ts';
import { dbOf } from '../helpers/db.ts';

const XSD = path.join(SHARED, 'interop');
const exportQdpx = async (s: Service) => s.call('refi.export', { format: 'qdpx' });
const entries = (b64: string) => unzipSync(new Uint8Array(Buffer.from(b64, 'base64')));

/** xmllint against a REFI-QDA schema; fails (never skips) when xmllint is missing. */
function validate(xml: Uint8Array | string, schema: string): void {
  const file = path.join(tmpDir(), 'file.xml');
  fs.writeFileSync(file, xml);
  execFileSync('xmllint', ['--noout', '--schema', path.join(XSD, schema), file], { stdio: 'pipe' });
}

/** What the sample lacks but a round trip must carry: links, positions, versions, every memo target, a code in two themes. */
async function enrich(s: Service): Promise<void> {
  const { themes } = await s.call('themes.list', {});
  const leaf = themes.filter((t) => t.kind === 'theme');
  const [a, b] = leaf;
  await s.call('themes.addLink', { fromId: a.id, toId: b.id, label: 'feeds' });
  await s.call('themes.attachCode', { themeId: b.id, codeId: a.codes[0].id });
  await s.call('map.savePositions', { positions: { [a.guid]: { x: 10.5, y: -3 }, [b.guid]: { x: 200, y: 40 } } });
  await s.call('map.saveVersion', { name: 'phase 4', note: 'candidate map' });
  await s.call('themes.discard', { id: leaf[leaf.length - 1].id, why: 'thin' });
  const p = (await s.call('participants.list', {}))[0];
  const coding = (await s.call('codings.list', {}))[0];
  await s.call('memos.create', { targetType: 'participant', targetId: p.id, title: 'about P', body: 'b', author: 'Amira' });
  await s.call('memos.create', { targetType: 'coding', targetId: coding.id, title: 'on a coding', body: 'c', author: 'Ben' });
  await s.call('memos.create', { targetType: 'theme', targetId: a.id, title: 'on a theme', body: 't', author: 'Someone else' });
  await s.call('memos.create', { targetType: 'phase', targetId: 3, title: 'phase 3', body: 'p', author: 'Amira' });
  const open = (await s.call('reconcile.list', { coderA: 'Amira', coderB: 'Ben', status: 'open' })).items;
  await s.call('reconcile.decide', { coderA: 'Amira', coderB: 'Ben', key: open[0].key, kind: 'union', rationale: 'both right' });
  await s.call('reconcile.decide', { coderA: 'Amira', coderB: 'Ben', key: open[1].key, kind: 'keep-a', rationale: 'A saw it' });
}

describe('REFI-QDA round trip of the sample study', () => {
  it('export then import into a new project gives the same project', async () => {
    const sample = await openSample();
    await enrich(sample);
    const out = await exportQdpx(sample);
    const { service: copy } = tmpProject();
    const r = await copy.call('refi.import', { fileName: out.fileName, contentBase64: out.contentBase64 });
    expect(r.thematicExtensions).toBe(true);
    expect(r.notCarried).toEqual([]);
    const a = dumpProject(sample),
      b = dumpProject(copy);
    expect(a.codings.length).toBeGreaterThan(100);
    expect(a.themes.length).toBeGreaterThan(5);
    expect(a.decisions.length).toBeGreaterThan(2);
    expect(a.decisions.some((d) => d.codings.length > 0 && d.other)).toBe(true);
    expect(a.links).toHaveLength(1);
    expect(a.positions).toHaveLength(2);
    expect(b).toEqual(a);
    // and the copy exports the same documents, codes, codings and themes under the same GUIDs
    const again = await exportQdpx(copy);
    const guids = (b64: string) =>
      [...new TextDecoder().decode(entries(b64)['project.qde']).matchAll(/<(TextSource|Code|Coding|Case|User)\b[^>]*\bguid="([^"]+)"/g)]
        .map((m) => `${m[1]}:${m[2]}`)
        .sort();
    expect(guids(again.contentBase64)).toEqual(guids(out.contentBase64));
    sample.close();
    copy.close();
  });

  it('exports the same bytes (and GUIDs) twice, as a pure read', async () => {
    const sample = await openSample();
    const ops = () => (dbOf(sample).prepare('SELECT COUNT(*) AS n FROM operations').get() as { n: number }).n;
    const before = ops();
    const one = await exportQdpx(sample),
      two = await exportQdpx(sample);
    expect(two.contentBase64).toBe(one.contentBase64);
    expect(ops()).toBe(before);
    const qde = new TextDecoder().decode(entries(one.contentBase64)['project.qde']);
    expect(qde).toMatch(/<Graph\b/);
    expect(qde).toMatch(/isCodable="false"/);
    expect(qde).toMatch(/name="Theme: /);
    sample.close();
  });

  it('keeps every GUID when the project changes between exports', async () => {
    const sample = await openSample();
    const guids = (b64: string) =>
      new Set(
        [
          ...new TextDecoder()
            .decode(entries(b64)['project.qde'])
            .matchAll(/<(TextSource|Code|Coding|PlainTextSelection|Case|User|Note)\b[^>]*\bguid="([^"]+)"/g),
        ].map((m) => `${m[1]}:${m[2]}`),
      );
    const one = guids((await exportQdpx(sample)).contentBase64);
    const doc = (
      await sample.call('documents.import', {
        files: [{ name: 'new.txt', contentBase64: Buffer.from('P20: something new').toString('base64') }],
        participant: 'P20',
      })
    ).documents[0];
    const code = await sample.call('codes.create', { name: 'Brand new' });
    await sample.call('codings.create', { documentId: doc.id, codeId: code.id, coder: 'Amira', start: 0, end: 9 });
    const two = guids((await exportQdpx(sample)).contentBase64);
    expect([...one].filter((g) => !two.has(g))).toEqual([]);
    expect(two.size).toBeGreaterThan(one.size + 4);
    sample.close();
  });

  it('the exported project.qde validates against Project-mrt2019.xsd; the .qdc against the codebook schema', async () => {
    const sample = await openSample();
    const out = await exportQdpx(sample);
    const files = entries(out.contentBase64);
    expect(Object.keys(files)).toContain('Thematic/extensions.json');
    validate(files['project.qde'], 'Project-mrt2019.xsd');
    const qdc = await sample.call('refi.export', { format: 'qdc' });
    validate(Buffer.from(qdc.contentBase64, 'base64'), 'Codebook.repaired.xsd');
    expect(qdc.report.notCarried.map((i) => i.kind)).toContain('theme-details');
    sample.close();
  });

  it('the export report names what REFI-QDA cannot carry', async () => {
    const sample = await openSample();
    const { report } = await exportQdpx(sample);
    const kinds = report.notCarried.map((i) => i.kind);
    expect(kinds).toEqual(expect.arrayContaining(['turns', 'themes', 'code-fields']));
    expect(report.notCarried.find((i) => i.kind === 'turns')!.detail).toMatch(/extensions\.json/);
    expect(report.counts).toMatchObject({ documents: 14, participants: 14 });
    sample.close();
  });

  it('speaker labels are written into the text and each coding still covers the same words', async () => {
    const sample = await openSample();
    const out = await exportQdpx(sample);
    const files = entries(out.contentBase64);
    const qde = new TextDecoder().decode(files['project.qde']);
    const codings = await sample.call('codings.list', { includeText: true });
    const byGuid = new Map(codings.map((c) => [c.guid, c.text]));
    let checked = 0;
    for (const [, file, body] of qde.matchAll(/<TextSource\b[^>]*\bplainTextPath="internal:\/\/([^"]+)"[^>]*>([\s\S]*?)<\/TextSource>/g)) {
      const text = new TextDecoder().decode(files[`sources/${file}`]);
      expect(text).toMatch(/^(\[\d\d:\d\d:\d\d\] )?\S+: /m);
      const cps = [...text];
      for (const [, s, e, inner] of body.matchAll(
        /<PlainTextSelection\b[^>]*\bstartPosition="(\d+)"[^>]*\bendPosition="(\d+)"[^>]*>([\s\S]*?)<\/PlainTextSelection>/g,
      )) {
        const guid = /<Coding\b[^>]*\bguid="([^"]+)"/.exec(inner)![1];
        expect(cps.slice(+s, +e).join('')).toBe(byGuid.get(guid)); // on disk: code points
        checked++;
      }
    }
    expect(checked).toBe(codings.length);
    sample.close();
  });
});

describe('REFI-QDA export edge cases', () => {
  it('importing an export back into its own project adds nothing', async () => {
    const sample = await openSample();
    await enrich(sample);
    const before = snapshot(sample);
    const out = await exportQdpx(sample);
    const r = await sample.call('refi.import', { fileName: out.fileName, contentBase64: out.contentBase64 });
    expect(r.counts).toMatchObject({ documents: 0, codes: 0, codings: 0, memos: 0, themes: 0, participants: 0, coders: 0 });
    // Skipped by GUID, in "Not carried", with their codings counted.
    const skipped = r.notCarried.filter((n) => n.kind === 'duplicate-source');
    expect(skipped).toHaveLength(14);
    const total = skipped.reduce((n, i) => n + Number(/its (\d+) codings? not imported/.exec(i.detail)![1]), 0);
    expect(total).toBe((dbOf(sample).prepare('SELECT COUNT(*) AS n FROM codings').get() as { n: number }).n);
    expect(snapshot(sample)).toEqual(before);
    sample.close();
  });

  it('undo takes back the import of a Thematic export (themes, map, decisions and all); redo restores it', async () => {
    const sample = await openSample();
    await enrich(sample);
    const out = await exportQdpx(sample);
    const { service } = tmpProject();
    const empty = snapshot(service);
    await service.call('refi.import', { fileName: out.fileName, contentBase64: out.contentBase64 });
    const after = snapshot(service);
    await service.call('history.undo', {});
    expect(snapshot(service)).toEqual(empty);
    await service.call('history.redo', {});
    expect(snapshot(service)).toEqual(after);
    expect(dumpProject(service)).toEqual(dumpProject(sample));
    sample.close();
    service.close();
  });

  it('an empty project exports a valid .qdpx; a codebook without codes is refused', async () => {
    const { service } = tmpProject();
    const out = await exportQdpx(service);
    validate(entries(out.contentBase64)['project.qde'], 'Project-mrt2019.xsd');
    await expect(service.call('refi.export', { format: 'qdc' })).rejects.toThrow(/no codes/);
    service.close();
  });
});

describe('REFI-QDA projects from other programs go back out', () => {
  it('an ATLAS.ti project re-exports valid, with its sets, link and graph', async () => {
    const { service } = tmpProject();
    const f = 'atlasti8_standard_project_REFI_vendor_set.qde';
    await service.call('refi.import', { fileName: f, contentBase64: fs.readFileSync(path.join(XSD, f)).toString('base64') });
    const out = await exportQdpx(service);
    const qde = entries(out.contentBase64)['project.qde'];
    validate(qde, 'Project-mrt2019.xsd');
    const text = new TextDecoder().decode(qde);
    expect(text.match(/<Set\b/g)!.length).toBe(16);
    expect(text).toMatch(/<Graph\b/);
    service.close();
  });

  it('an NVivo project re-exports valid, with its selections in code points', async () => {
    const { service } = tmpProject();
    const f = 'nvivo12.6_win_oltas0517.qdpx';
    await service.call('refi.import', { fileName: f, contentBase64: fs.readFileSync(path.join(XSD, f)).toString('base64') });
    const out = await exportQdpx(service);
    validate(entries(out.contentBase64)['project.qde'], 'Project-mrt2019.xsd');
    const { service: copy } = tmpProject();
    await copy.call('refi.import', { fileName: out.fileName, contentBase64: out.contentBase64 });
    expect(dumpProject(copy)).toEqual(dumpProject(service));
    service.close();
    copy.close();
  });
});
