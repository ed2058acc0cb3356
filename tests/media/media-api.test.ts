import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { snapshot, tmpDir } from '../helpers/project.ts';
import { durationOf } from '../helpers/recordings.ts';
import { recordingIn, studyWith, TOTAL, TURNS, UNTIMED } from './fixture.ts';
import { dbOf } from '../helpers/db.ts';

let rec: string;
const dir = tmpDir('thematic-rec-');
const b64file = (f: string) => fs.readFileSync(f).toString('base64');

beforeAll(() => {
  rec = recordingIn(dir, 'P4.m4a');
}, 60_000);

describe('attaching a recording to a document through the API', () => {
  it('writes it beside the project, links it by relative path with size, SHA-256, duration and codec, and undo removes the link', async () => {
    const { service, file, documentId } = await studyWith();
    const r = await service.call('media.attach', { documentId, fileName: 'P4.m4a', contentBase64: b64file(rec) });
    expect(r).toMatchObject({
      documentId,
      fileName: 'P4.m4a',
      path: 'study-media/P4.m4a',
      kind: 'audio',
      mime: 'audio/mp4',
      status: 'ok',
      problem: null,
      copied: true,
    });
    expect(r.codec).toMatch(/AAC/);
    expect(r.size).toBe(fs.statSync(rec).size);
    expect(r.duration).toBeCloseTo(durationOf(rec), 1);
    expect(r.duration).toBeGreaterThan(TOTAL - 0.5);
    expect(fs.readFileSync(path.join(path.dirname(file), 'study-media/P4.m4a')).equals(fs.readFileSync(rec))).toBe(true);
    // By reference: the audio bytes are not in the SQLite file.
    dbOf(service).pragma('wal_checkpoint(TRUNCATE)');
    const needle = fs.readFileSync(rec).subarray(4096, 4096 + 64);
    expect(fs.readFileSync(file).includes(needle)).toBe(false);
    expect(await service.call('media.get', { documentId })).toEqual(r);
    expect((await service.call('media.list', {})).map((x) => x.documentId)).toEqual([documentId]);
    await service.call('history.undo', {});
    expect(await service.call('media.get', { documentId })).toBeNull();
    await service.call('history.redo', {});
    expect((await service.call('media.get', { documentId }))?.sha256).toBe(r.sha256);
    service.close();
  });

  it('detaches, and deleting the document takes the link with it (undo brings both back)', async () => {
    const { service, documentId } = await studyWith();
    await service.call('media.attach', { documentId, fileName: 'P4.m4a', contentBase64: b64file(rec) });
    await service.call('documents.delete', { id: documentId });
    expect(await service.call('media.list', {})).toEqual([]);
    await service.call('history.undo', {});
    expect((await service.call('media.get', { documentId }))?.fileName).toBe('P4.m4a');
    await service.call('media.detach', { documentId });
    expect(await service.call('media.get', { documentId })).toBeNull();
    await expect(service.call('media.detach', { documentId })).rejects.toThrow(/has no recording/);
    service.close();
  });

  it('a second attach of another file of the same name does not overwrite the first file', async () => {
    const { service, file, documentId } = await studyWith();
    const other = recordingIn(dir, 'other.m4a', TOTAL + 2);
    await service.call('media.attach', { documentId, fileName: 'P4.m4a', contentBase64: b64file(rec) });
    const r = await service.call('media.attach', { documentId, fileName: 'P4.m4a', contentBase64: b64file(other) });
    expect(r.path).toBe('study-media/P4 (2).m4a');
    expect(fs.readFileSync(path.join(path.dirname(file), 'study-media/P4.m4a')).equals(fs.readFileSync(rec))).toBe(true);
    expect((await service.call('media.list', {})).length).toBe(1);
    service.close();
  });

  it('notices a moved or changed file, finds a moved one beside the project and accepts a changed one only when asked', async () => {
    const { service, file, documentId } = await studyWith();
    await service.call('media.attach', { documentId, fileName: 'P4.m4a', contentBase64: b64file(rec) });
    const media = path.join(path.dirname(file), 'study-media');
    fs.renameSync(path.join(media, 'P4.m4a'), path.join(path.dirname(file), 'P4.m4a'));
    const missing = await service.call('media.get', { documentId });
    expect(missing).toMatchObject({ status: 'missing' });
    expect(missing?.problem).toMatch(/^P4\.m4a: not found at .*study-media.*P4\.m4a/);
    const found = await service.call('media.relink', { documentId });
    expect(found).toMatchObject({ status: 'ok', path: 'P4.m4a' });
    fs.appendFileSync(path.join(path.dirname(file), 'P4.m4a'), Buffer.alloc(100));
    const changed = await service.call('media.get', { documentId });
    expect(changed?.status).toBe('changed');
    expect(changed?.problem).toMatch(/^P4\.m4a: the file at .* has changed since it was linked/);
    await expect(service.call('media.relink', { documentId })).rejects.toThrow(/P4\.m4a: the file at .* is not the one that was linked/);
    const accepted = await service.call('media.relink', { documentId, acceptChanged: true });
    expect(accepted).toMatchObject({ status: 'ok', size: fs.statSync(rec).size + 100 });
    fs.rmSync(path.join(path.dirname(file), 'P4.m4a'));
    await expect(service.call('media.relink', { documentId })).rejects.toThrow(/P4\.m4a: not found at .*, nor beside the project/);
    service.close();
  });
});

describe('sync points and coding times', () => {
  it('times an untimed transcript from sync points, interpolating between them, as one undoable change', async () => {
    const { service, documentId } = await studyWith(UNTIMED, 'P4.txt');
    await service.call('media.attach', { documentId, fileName: 'P4.m4a', contentBase64: b64file(rec) });
    const before = await service.call('documents.get', { id: documentId });
    expect(before.turns.every((t) => t.timeStart === null)).toBe(true);
    const r = await service.call('media.setSyncPoints', {
      documentId,
      points: [
        { turnIdx: 0, time: 0.5 },
        { turnIdx: 2, time: 6.5 },
      ],
    });
    expect(r.changedTurns).toBe(3);
    const { turns, text } = await service.call('documents.get', { id: documentId });
    expect(turns[0].timeStart).toBe(0.5);
    expect(turns[2].timeStart).toBe(6.5);
    // Turn 2 lies between the marks in proportion to where its text starts.
    const expected = 0.5 + (6 * (turns[1].start - turns[0].start)) / (turns[2].start - turns[0].start);
    expect(turns[1].timeStart).toBeCloseTo(expected, 2);
    expect(turns[0].timeEnd).toBe(turns[1].timeStart);
    expect(turns[2].timeEnd).toBeGreaterThan(6.5);
    expect(turns[2].timeEnd).toBeLessThanOrEqual((await service.call('media.get', { documentId }))!.duration);
    expect(text).toBe(before.text);
    await service.call('history.undo', {});
    expect((await service.call('documents.get', { id: documentId })).turns.map((t) => t.timeStart)).toEqual([null, null, null]);
    service.close();
  });

  it("media.turnTimes gives the turns' current times, following sync points, undo and redo", async () => {
    const { service, documentId } = await studyWith(UNTIMED, 'P4.txt');
    await service.call('media.attach', { documentId, fileName: 'P4.m4a', contentBase64: b64file(rec) });
    const times = async () => (await service.call('media.turnTimes', { documentId })).map((t) => t.timeStart);
    expect(await times()).toEqual([null, null, null]);
    await service.call('media.setSyncPoints', {
      documentId,
      points: [
        { turnIdx: 0, time: 0.5 },
        { turnIdx: 2, time: 6.5 },
      ],
    });
    const set = await service.call('media.turnTimes', { documentId });
    expect(set.map((t) => t.idx)).toEqual([0, 1, 2]);
    expect(set.map((t) => t.timeStart)).toEqual((await service.call('documents.get', { id: documentId })).turns.map((t) => t.timeStart));
    expect(set[2].timeEnd).toBeGreaterThan(6.5);
    await service.call('history.undo', {});
    expect(await times()).toEqual([null, null, null]);
    await service.call('history.redo', {});
    expect(await times()).toEqual(set.map((t) => t.timeStart));
    service.close();
  });

  it('refuses sync points out of order or beyond the recording, naming the document and the turn, and changes nothing', async () => {
    const { service, documentId } = await studyWith(UNTIMED, 'P4.txt');
    await service.call('media.attach', { documentId, fileName: 'P4.m4a', contentBase64: b64file(rec) });
    const snap = snapshot(service);
    await expect(
      service.call('media.setSyncPoints', {
        documentId,
        points: [
          { turnIdx: 0, time: 5 },
          { turnIdx: 2, time: 2 },
        ],
      }),
    ).rejects.toThrow(/^P4: turn 3 is marked at 2\.0 s, not after turn 1 at 5\.0 s; no times were changed$/);
    await expect(service.call('media.setSyncPoints', { documentId, points: [{ turnIdx: 1, time: 99 }] })).rejects.toThrow(
      /^P4: turn 2: 99\.0 s is outside the recording/,
    );
    await expect(service.call('media.setSyncPoints', { documentId, points: [{ turnIdx: 7, time: 1 }] })).rejects.toThrow(
      /turn 8 does not exist/,
    );
    expect(snapshot(service)).toEqual(snap);
    service.close();
  });

  it('gives a coding on a timed transcript the time range of the turns it spans', async () => {
    const { service, documentId } = await studyWith();
    await service.call('media.attach', { documentId, fileName: 'P4.m4a', contentBase64: b64file(rec) });
    const { text, turns } = await service.call('documents.get', { id: documentId });
    const code = await service.call('codes.create', { name: 'Advocacy' });
    const start = text.indexOf('nurses');
    const one = await service.call('codings.create', { documentId, codeId: code.id, coder: 'Amira', start, end: start + 6 });
    const both = await service.call('codings.create', {
      documentId,
      codeId: code.id,
      coder: 'Amira',
      start,
      end: text.indexOf('else') + 4,
    });
    const times = await service.call('media.codingTimes', { codingIds: [one.id, both.id] });
    expect(times).toEqual([
      { codingId: one.id, documentId, timeStart: TURNS[1].at, timeEnd: turns[1].timeEnd, hasRecording: true },
      { codingId: both.id, documentId, timeStart: TURNS[1].at, timeEnd: turns[2].timeEnd, hasRecording: true },
    ]);
    expect(turns[1].timeEnd).toBeCloseTo(TURNS[1].end, 3);
    const untimed = await studyWith(UNTIMED, 'P5.txt');
    const c2 = await untimed.service.call('codes.create', { name: 'X' });
    const c = await untimed.service.call('codings.create', { documentId: untimed.documentId, codeId: c2.id, coder: 'A', start: 0, end: 5 });
    expect(await untimed.service.call('media.codingTimes', { codingIds: [c.id] })).toEqual([]);
    service.close();
    untimed.service.close();
  });
});
