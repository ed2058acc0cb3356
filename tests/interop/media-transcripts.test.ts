// REFI-QDA audio and video sources with Transcripts: imported as timed documents with their
// codings and a reference to the recording; exported as the source, its Transcripts, SyncPoints
// and TranscriptSelections again (XSD-valid), the recording inside the .qdpx only when asked.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { Service } from '../../src/api/service.ts';
import type { RefiOtherSource } from '../../src/features/refi/model.ts';
import { mediaReferenceOf } from '../../src/features/refi/media-store.ts';
import { readQde } from '../../src/features/refi/read-qde.ts';
import { SHARED, snapshot, tmpDir, tmpProject } from '../helpers/project.ts';
import { dbOf } from '../helpers/db.ts';
import { recordingIn } from '../media/fixture.ts';

const HERE = path.join(import.meta.dirname, 'media');
const ATLAS = path.join(SHARED, 'interop', 'atlasti8_standard_project_REFI_vendor_set.qde');
const XSD = path.join(SHARED, 'interop', 'Project-mrt2019.xsd');
const AUDIO = 'A1000000-0000-4000-8000-000000000001';
const VIDEO = 'B1000000-0000-4000-8000-000000000001';
const sp = (n: number) => `5${String(n).padStart(7, '0')}-0000-4000-8000-000000000001`;

const importBytes = (s: Service, fileName: string, bytes: Uint8Array) =>
  s.call('refi.import', { fileName, contentBase64: Buffer.from(bytes).toString('base64') });
const importFile = (s: Service, f: string) => importBytes(s, f, fs.readFileSync(path.join(HERE, f)));

async function documents(s: Service) {
  const list = await s.call('documents.list', {});
  return Promise.all(
    list.map(async (d) => {
      const doc = await s.call('documents.get', { id: d.id });
      return {
        id: d.id,
        name: d.name,
        text: doc.text,
        turns: doc.turns.map((t) => [doc.text.slice(t.start, t.end), t.timeStart, t.timeEnd] as const),
      };
    }),
  );
}
const codings = async (s: Service) =>
  (await s.call('codings.list', { includeText: true })).map((c) => [c.documentId, c.text, c.guid]).sort();

function validate(qde: Uint8Array | string): void {
  const file = path.join(tmpDir(), 'project.qde');
  fs.writeFileSync(file, qde);
  execFileSync('xmllint', ['--noout', '--nonet', '--schema', XSD, file], { stdio: 'pipe' });
}

async function exported(s: Service, includeMedia?: boolean) {
  const r = await s.call('refi.export', { format: 'qdpx', ...(includeMedia === undefined ? {} : { includeMedia }) });
  const bytes = new Uint8Array(Buffer.from(r.contentBase64, 'base64'));
  const zip = unzipSync(bytes);
  return { report: r.report, bytes, zip, qde: new TextDecoder().decode(zip['project.qde']) };
}

describe('REFI-QDA transcripts: reading', () => {
  it('the ATLAS.ti 8.4 project has 3 transcripts with 13 sync points, read with their recordings', () => {
    const p = readQde(fs.readFileSync(ATLAS));
    const media = p.sources.filter((s): s is RefiOtherSource => s.kind === 'audio' || s.kind === 'video');
    const transcripts = media.flatMap((m) => (m.transcripts ?? []).map((t) => ({ source: m.name, ...t })));
    expect(transcripts.map((t) => [t.source, t.name, t.syncPoints.length])).toEqual([
      ['1960s Coca Cola commercial.mp4', '1960s Coca Cola commercial - Audio.docx', 1],
      ['1960s Coca Cola commercial.mp4', '1960s Coca Cola commercial - Visual.docx', 1],
      ['1994 Diet Coke-Diet Coke Break.mp4', '1994 Diet Coke-Diet Coke Break.docx', 11],
    ]);
    expect(transcripts.reduce((n, t) => n + t.syncPoints.length, 0)).toBe(13);
    expect(transcripts[2].syncPoints.slice(0, 3)).toEqual([
      { guid: '1EEACA36-1193-4900-80F1-4C03857609EF', position: 0, timeStamp: 0 },
      { guid: '5BDDBA5C-54F3-4AEE-B9ED-3B80486517AD', position: 20, timeStamp: 2260 },
      { guid: '7133B896-1D41-4610-85AF-8482011953D3', position: 40, timeStamp: 3100 },
    ]);
    expect(transcripts[2].plainTextPath).toBe('internal://230B768E-5A3D-42B7-BE92-2A3721177944.txt');
    // The video's own selections are counted apart from its transcripts.
    expect(media.map((m) => [m.name, m.selectionCount, m.codingCount])).toEqual([
      ["Jeanine's Breakfast.m4a", 0, 0],
      ['1960s Coca Cola commercial.mp4', 0, 0],
      ['1994 Diet Coke-Diet Coke Break.mp4', 2, 1],
    ]);
  });

  it('the ATLAS.ti project with its transcript texts: 3 timed documents whose turns start at the sync points', async () => {
    // The real project.qde, with the three transcript texts its archive would hold (written here:
    // the public file ships none). Lines start exactly at the Diet Coke sync points' positions.
    const starts = [0, 20, 40, 73, 90, 107, 124, 139, 159, 177, 192];
    const lines = starts.map((at, k) => `Line ${k + 1} `.padEnd((starts[k + 1] ?? at + 12) - at - 1, 'x'));
    const zip = zipSync({
      'project.qde': new Uint8Array(fs.readFileSync(ATLAS)),
      'sources/230B768E-5A3D-42B7-BE92-2A3721177944.txt': strToU8(lines.join('\n')),
      'sources/01106019-2518-43DD-BBD1-8F0252BACB30.txt': strToU8('Jingle: Things go better with Coke.'),
      'sources/C8A57C71-D156-4A94-8407-2BD2FA57E2A4.txt': strToU8('A crowd at a soda fountain.'),
    });
    const { service } = tmpProject();
    const r = await importBytes(service, 'atlas.qdpx', zip);
    // ATLAS.ti lists each transcript as a TextSource too (same text file, its codings there): one timed document each.
    expect(r.counts.documents).toBe(3);
    expect(r.notCarried.filter((i) => i.kind === 'missing-source').map((i) => i.name)).not.toContain(
      'source "1994 Diet Coke-Diet Coke Break.docx"',
    );
    const docs = await documents(service);
    const coke = docs.find((d) => d.name === '1994 Diet Coke-Diet Coke Break.docx')!;
    expect(coke.turns.map((t) => t[1])).toEqual([0, 2.26, 3.1, 4.42, 6.32, 6.869, 8.059, 37.268, 38.288, 39.168, 40.348]);
    expect(coke.turns.map((t) => t[0])).toEqual(lines);
    const ref = mediaReferenceOf(dbOf(service), coke.id)!;
    expect(ref).toMatchObject({
      kind: 'video',
      sourceGuid: 'ED105492-356D-4119-A1E2-716CF018AFED',
      sourceName: '1994 Diet Coke-Diet Coke Break.mp4',
      path: 'relative:///DAD05D08-38E7-4F58-BF6D-9AAE714F2F50.mp4',
      inArchive: false,
      file: null,
    });
    expect(ref.syncPoints).toHaveLength(11);
    // The TextSource's coding (positions 139-195 of the transcript) is kept on the timed document.
    const coded = (await service.call('codings.list', { includeText: true })).filter((c) => c.documentId === coke.id);
    expect(coded.map((c) => [c.guid, c.start])).toEqual([['445A6AEC-1400-4502-919D-0867832FF211', 139]]);
    const audio = docs.find((d) => d.name === '1960s Coca Cola commercial - Audio.docx')!;
    expect(audio.turns).toEqual([['Jingle: Things go better with Coke.', 0, null]]);
    expect(mediaReferenceOf(dbOf(service), audio.id)!.sourceGuid).toBe('9D260347-8F7D-4161-89F7-DCC93CC34170');
    service.close();
  });
});

describe('REFI-QDA transcripts: import', () => {
  it('a hand-made .qde: each transcript is a timed document with its codings; the recording is referenced', async () => {
    const { service } = tmpProject();
    const r = await importFile(service, 'transcripts.qde');
    expect(r.counts).toMatchObject({ documents: 3, codings: 2, codes: 2 });
    const docs = await documents(service);
    const p4 = docs.find((d) => d.name === 'P4 interview transcript')!;
    // CRLF became LF; the emoji counts as one position in the file and two UTF-16 units here.
    expect(p4.text).toBe(
      'Interviewer: How did the peer worker help you? 🙂\nP4: She talked to the nurses for me. They speak our language, you know.\nInterviewer: Anything else?\nP4: She came back the next day.',
    );
    // Split where a timed sync point falls inside a line; times exact at sync points, interpolated between.
    expect(p4.turns).toEqual([
      ['Interviewer: How did the peer worker help you? 🙂', 0, 4.5],
      ['P4: She talked to the nurses for me.', 4.5, 7],
      ['They speak our language, you know.', 7, 12],
      ['Interviewer: Anything else?', 12, 15.25],
      ['P4: She came back the next day.', 15.25, null],
    ]);
    expect(await codings(service)).toEqual(
      [
        [p4.id, 'P4: She came back', sp(31)],
        [p4.id, 'They speak our language', sp(30)],
      ].sort(),
    );
    const visual = docs.find((d) => d.name === 'Ward round - Visual')!;
    expect(visual.turns).toEqual([
      ['A nurse at the bedside.', 0, 3.2],
      ['The peer worker enters.', 3.2, null],
    ]);
    expect(docs.find((d) => d.name === 'Ward round - Audio')!.turns).toEqual([
      ['Nurse: Good morning.', 0.5, 2.75],
      ["Peer: Hi, I'm Sam.", 2.75, null],
    ]);

    const ref = mediaReferenceOf(dbOf(service), p4.id)!;
    expect(ref).toMatchObject({
      documentId: p4.id,
      kind: 'audio',
      sourceGuid: AUDIO,
      sourceName: 'P4 interview.opus',
      path: `relative:///${AUDIO}.opus`,
      inArchive: false,
      archiveEntry: null,
      file: null,
    });
    expect(ref.syncPoints[1]).toEqual({ guid: sp(1), position: p4.text.indexOf('P4: She talked'), time: 4.5 });
    expect(ref.syncPoints[3]).toEqual({ guid: sp(3), position: p4.text.indexOf(', you know'), time: null });
    expect(mediaReferenceOf(dbOf(service), visual.id)).toMatchObject({
      kind: 'video',
      sourceGuid: VIDEO,
      path: 'relative:///Ward round.mp4',
    });

    const item = (name: string) => r.notCarried.find((i) => i.name === name)?.detail;
    expect(item('audio source "P4 interview.opus"')).toMatch(
      /1 transcript taken in as timed document \(where the file has the text\); the recording is referenced by its path/,
    );
    expect(item('video source "Ward round.mp4"')).toMatch(
      /2 transcripts taken in as timed documents.*1 selection and 1 coding on the recording itself not imported/,
    );
    expect(item('audio source "Jeanine.m4a"')).toMatch(/no transcript/);
    expect(item('transcript "P4 interview transcript"')).toMatch(
      new RegExp(`1 selection left out: <TranscriptSelection guid="${sp(22)}"> names sync point ${sp(99)}, which is not in its transcript`),
    );
    service.close();
  });

  it("a recording inside the .qdpx is linked to its transcript's document (the player has it); one that cannot be played is named in the report", async () => {
    const zip = unzipSync(new Uint8Array(fs.readFileSync(path.join(HERE, 'transcripts.qdpx'))));
    zip[`sources/${AUDIO}.opus`] = new Uint8Array(fs.readFileSync(recordingIn(tmpDir(), 'P4.opus', 20)));
    const { service } = tmpProject();
    await importBytes(service, 'with-recording.qdpx', zipSync(zip));
    const p4 = (await documents(service)).find((d) => d.name === 'P4 interview transcript')!;
    const rec = await service.call('media.get', { documentId: p4.id });
    expect(rec).toMatchObject({ documentId: p4.id, kind: 'audio', path: `study-media/${AUDIO}.opus`, status: 'ok' });
    expect(rec!.duration).toBeGreaterThan(19);
    zip[`sources/${AUDIO}.opus`] = strToU8('not a recording at all');
    const other = tmpProject();
    const r = await importBytes(other.service, 'broken-recording.qdpx', zipSync(zip));
    const q4 = (await documents(other.service)).find((d) => d.name === 'P4 interview transcript')!;
    expect(await other.service.call('media.get', { documentId: q4.id })).toBeNull();
    expect(r.notes.find((n) => n.kind === 'recording-not-linked')!.detail).toMatch(
      /copied but not linked to the document: audio source "P4 interview\.opus"/,
    );
  });

  it('a hand-made .qdpx: the transcript text and the recording come from the archive; the recording is copied beside the project', async () => {
    const { service, file } = tmpProject();
    const r = await importFile(service, 'transcripts.qdpx');
    expect(r.counts).toMatchObject({ documents: 3, codings: 2 });
    const p4 = (await documents(service)).find((d) => d.name === 'P4 interview transcript')!;
    expect(p4.turns.map((t) => t[1])).toEqual([0, 4.5, 7, 12, 15.25]);
    const ref = mediaReferenceOf(dbOf(service), p4.id)!;
    expect(ref).toMatchObject({
      path: `internal://${AUDIO}.opus`,
      inArchive: true,
      archiveEntry: `sources/${AUDIO}.opus`,
      file: `study-media/${AUDIO}.opus`,
    });
    const copy = path.join(path.dirname(file), 'study-media', `${AUDIO}.opus`);
    expect(fs.readFileSync(copy)).toEqual(
      Buffer.from(unzipSync(new Uint8Array(fs.readFileSync(path.join(HERE, 'transcripts.qdpx'))))[`sources/${AUDIO}.opus`]),
    );
    expect(r.notes.find((n) => n.kind === 'recording-copied')!.detail).toContain(`copied beside the project as study-media/${AUDIO}.opus`);
    // The video is outside the archive: referenced only.
    const visual = (await documents(service)).find((d) => d.name === 'Ward round - Visual')!;
    expect(mediaReferenceOf(dbOf(service), visual.id)).toMatchObject({ inArchive: false, file: null });
    service.close();
  });

  it('undo takes the documents and their recording references away; redo brings them back', async () => {
    const { service } = tmpProject();
    const before = snapshot(service);
    await importFile(service, 'transcripts.qde');
    const after = snapshot(service);
    expect(after.refi_media).toHaveLength(3);
    await service.call('history.undo', {});
    expect(snapshot(service)).toEqual(before);
    await service.call('history.redo', {});
    expect(snapshot(service)).toEqual(after);
    service.close();
  });

  it('deleting a transcript document takes its recording reference with it, and undo restores both', async () => {
    const { service } = tmpProject();
    await importFile(service, 'transcripts.qde');
    const p4 = (await documents(service)).find((d) => d.name === 'P4 interview transcript')!;
    const ref = mediaReferenceOf(dbOf(service), p4.id);
    await service.call('documents.delete', { id: p4.id });
    expect(mediaReferenceOf(dbOf(service), p4.id)).toBeUndefined();
    await service.call('history.undo', {});
    expect(mediaReferenceOf(dbOf(service), p4.id)).toEqual(ref);
    service.close();
  });

  it('an anonymised copy keeps the timed documents but no recording reference (a voice identifies a person)', async () => {
    const { service } = tmpProject();
    await importFile(service, 'transcripts.qdpx');
    const { path: out } = await service.call('anonymise.export', {
      replacements: [{ find: 'Sam', replace: 'Participant S', kind: 'name' }],
    });
    const copy = Service.open(out);
    expect(dbOf(copy).prepare('SELECT COUNT(*) AS n FROM refi_media').get()).toEqual({ n: 0 });
    expect((await documents(copy)).map((d) => d.turns[0][1])).toEqual((await documents(service)).map((d) => d.turns[0][1]));
    copy.close();
    const bytes = fs.readFileSync(out);
    expect(bytes.includes(Buffer.from('P4 interview.opus'))).toBe(false);
    expect(bytes.includes(Buffer.from('Ward round.mp4'))).toBe(false);
    service.close();
  });

  it('a sync point with a position that is no number is refused by name, and nothing is imported', async () => {
    const { service } = tmpProject();
    const before = snapshot(service);
    const bad = fs.readFileSync(path.join(HERE, 'transcripts.qde'), 'utf8').replace('position="87"', 'position="eighty"');
    await expect(importBytes(service, 'bad.qde', strToU8(bad))).rejects.toThrow(
      `<SyncPoint guid="${sp(2)}">: position="eighty" is not a whole number`,
    );
    expect(snapshot(service)).toEqual(before);
    service.close();
  });
});

describe('REFI-QDA transcripts: export and round trip', () => {
  it('writes each recording back with its transcripts, sync points and coded selections (XSD-valid)', async () => {
    const { service } = tmpProject();
    await importFile(service, 'transcripts.qde');
    const { qde, zip, report } = await exported(service);
    validate(qde);
    const back = readQde(qde);
    const audio = back.sources.find((s) => s.guid === AUDIO) as RefiOtherSource;
    expect(audio).toMatchObject({ kind: 'audio', name: 'P4 interview.opus', path: `relative:///${AUDIO}.opus` });
    const t = audio.transcripts![0];
    expect(t).toMatchObject({
      guid: '71000000-0000-4000-8000-000000000001',
      name: 'P4 interview transcript',
      plainTextPath: 'internal://71000000-0000-4000-8000-000000000001.txt',
    });
    const text = new TextDecoder().decode(
      zip['Sources/71000000-0000-4000-8000-000000000001.txt'] ?? zip['sources/71000000-0000-4000-8000-000000000001.txt'],
    );
    const cp = [...text];
    // Every sync point of the file is back with its GUID and time, at the same words (code points, LF).
    const original = readQde(fs.readFileSync(path.join(HERE, 'transcripts.qde'))).sources.find((s) => s.guid === AUDIO) as RefiOtherSource;
    const originalText = [...original.transcripts![0].plainTextContent!];
    for (const p of original.transcripts![0].syncPoints) {
      const q = t.syncPoints.find((x) => x.guid === p.guid)!;
      expect(q.timeStamp, p.guid).toBe(p.timeStamp);
      expect(cp.slice(q.position!, q.position! + 8).join(''), p.guid).toBe(
        originalText
          .slice(p.position!, p.position! + 8)
          .join('')
          .replace(/\r\n/g, '\n'),
      );
    }
    // A selection runs between two sync points and codes the same words.
    const words = t.selections.map((sel) => {
      const at = (g: string) => t.syncPoints.find((x) => x.guid === g)!.position!;
      return [cp.slice(at(sel.fromSyncPoint!), at(sel.toSyncPoint!)).join(''), sel.codings.map((c) => c.codeGuid)];
    });
    expect(words.sort()).toEqual([
      ['P4: She came back', ['C0000000-0000-4000-8000-000000000002']],
      ['They speak our language', ['C0000000-0000-4000-8000-000000000001']],
    ]);
    // Both transcripts of the video go out in one VideoSource.
    const video = back.sources.find((s) => s.guid === VIDEO) as RefiOtherSource;
    expect(video.transcripts!.map((x) => [x.name, x.syncPoints.map((p) => p.timeStamp)])).toEqual([
      ['Ward round - Visual', [0, 3200]],
      ['Ward round - Audio', [500, 2750]],
    ]);
    expect(back.sources.filter((s) => s.kind === 'text')).toHaveLength(0);
    // Not asked to include the recordings: the report says so.
    expect(report.counts['recordings included']).toBe(0);
    expect(report.notCarried.filter((i) => i.kind === 'recording-not-included').map((i) => i.name)).toEqual([
      'audio source "P4 interview.opus"',
      'video source "Ward round.mp4"',
    ]);
    expect(Object.keys(zip).some((k) => /\.opus$/.test(k))).toBe(false);
    service.close();
  });

  it('a coding made in Thematic goes out as a TranscriptSelection between new sync points timed by interpolation', async () => {
    const { service } = tmpProject();
    await importFile(service, 'transcripts.qde');
    const p4 = (await documents(service)).find((d) => d.name === 'P4 interview transcript')!;
    const code = (await service.call('codes.list', {}))[0];
    const start = p4.text.indexOf('the nurses'),
      end = start + 'the nurses'.length;
    await service.call('codings.create', { documentId: p4.id, codeId: code.id, coder: 'Ben', start, end });
    const { qde } = await exported(service);
    validate(qde);
    const t = (readQde(qde).sources.find((s) => s.guid === AUDIO) as RefiOtherSource).transcripts![0];
    // The file's own codings have GUIDs 5000xxxx-0000-4000-8000-000000000001; Thematic's new one is random.
    const sel = t.selections.find((s) => s.codings.some((c) => !/^5000\d{4}-0000-4000-8000-000000000001$/i.test(c.guid)))!;
    const from = t.syncPoints.find((p) => p.guid === sel.fromSyncPoint)!,
      to = t.syncPoints.find((p) => p.guid === sel.toSyncPoint)!;
    // "the nurses" lies in the turn from 4.5 s to 7 s: its ends are timed in between.
    expect(from.timeStamp).toBeGreaterThan(4500);
    expect(to.timeStamp).toBeLessThan(7000);
    expect(to.timeStamp).toBeGreaterThan(from.timeStamp!);
    service.close();
  });

  it('Thematic -> .qdpx -> Thematic gives the same documents, turn times, codings and recording references', async () => {
    const one = tmpProject();
    await importFile(one.service, 'transcripts.qdpx');
    const { bytes } = await exported(one.service, true);
    const two = tmpProject();
    await importBytes(two.service, 'again.qdpx', bytes);
    const strip = (d: Awaited<ReturnType<typeof documents>>) => d.map(({ id: _id, ...rest }) => rest);
    expect(strip(await documents(two.service))).toEqual(strip(await documents(one.service)));
    const texts = async (s: Service) => (await codings(s)).map(([, text, guid]) => [text, guid]);
    expect(await texts(two.service)).toEqual(await texts(one.service));
    const refs = (s: Service) =>
      [...(dbOf(s).prepare('SELECT document_id FROM refi_media ORDER BY document_id').all() as { document_id: number }[])].map((r) => {
        const { documentId: _d, file: _f, archiveEntry: _a, path: _p, syncPoints: _s, ...rest } = mediaReferenceOf(dbOf(s), r.document_id)!;
        return rest;
      });
    expect(refs(two.service)).toEqual(refs(one.service));
    one.service.close();
    two.service.close();
  });

  it("without Thematic's extensions (as another program reads it) the turn times and codings still come back", async () => {
    const one = tmpProject();
    await importFile(one.service, 'transcripts.qde');
    const { zip } = await exported(one.service);
    delete zip['Thematic/extensions.json'];
    const two = tmpProject();
    await importBytes(two.service, 'plain.qdpx', zipSync(zip));
    const times = async (s: Service) => (await documents(s)).map((d) => [d.name, d.turns.map((t) => t[1])]);
    expect(await times(two.service)).toEqual(await times(one.service));
    expect((await codings(two.service)).map((c) => c[1])).toEqual((await codings(one.service)).map((c) => c[1]));
    one.service.close();
    two.service.close();
  });

  it('includes the recording in sources/ only when asked, and only one Thematic has a copy of', async () => {
    const { service } = tmpProject();
    await importFile(service, 'transcripts.qdpx');
    const plain = await exported(service, false);
    expect(Object.keys(plain.zip).filter((k) => k.endsWith('.opus'))).toEqual([]);
    // Not in this archive: the path must not point inside it.
    expect(plain.qde).toContain(`path="relative:///${AUDIO}.opus"`);
    const withMedia = await exported(service, true);
    validate(withMedia.qde);
    const original = unzipSync(new Uint8Array(fs.readFileSync(path.join(HERE, 'transcripts.qdpx'))))[`sources/${AUDIO}.opus`];
    expect(withMedia.zip[`sources/${AUDIO}.opus`]).toEqual(original);
    expect(withMedia.qde).toContain(`path="internal://${AUDIO}.opus"`);
    expect(withMedia.report.counts['recordings included']).toBe(1);
    const items = Object.fromEntries(
      withMedia.report.notCarried.filter((i) => i.kind.startsWith('recording')).map((i) => [i.name, i.detail]),
    );
    expect(items['audio source "P4 interview.opus"']).toContain(`the recording is included as sources/${AUDIO}.opus`);
    expect(items['video source "Ward round.mp4"']).toContain(
      'the recording is not included (Thematic has no copy of it), only referenced as relative:///Ward round.mp4',
    );
    service.close();
  });
});
