import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { b64, INTERVIEW, SHARED, snapshot, tmpDir, tmpProject } from '../helpers/project.ts';
import { main } from '../../src/cli/main.ts';
import { dbOf } from '../helpers/db.ts';

function capture() {
  const out: string[] = [],
    err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err };
}

describe('importing transcripts through the service', () => {
  it('keeps the original file name, format, hash, normalised text and turns', async () => {
    const { service } = tmpProject();
    const text = '\uFEFFInterviewer: Cafe\u0301?\r\n\r\nP4: Yes 😀 the cafe\u0301.\r\n';
    const r = await service.call('documents.import', {
      files: [{ name: 'p4.txt', contentBase64: b64(text) }],
      participant: 'P4',
      attributes: { group: 'patient' },
    });
    const d = r.documents[0];
    expect(d).toMatchObject({ originalFilename: 'p4.txt', format: 'txt', participant: 'P4', attributes: { group: 'patient' } });
    expect(d.sha256).toMatch(/^[0-9a-f]{64}$/);
    const full = await service.call('documents.get', { id: d.id });
    expect(full.text).not.toMatch(/\r|\uFEFF/);
    expect(full.text).toBe(full.text.normalize('NFC'));
    expect(full.text).toContain('café');
    expect(full.turns.map((t) => t.speaker)).toEqual(['Interviewer', 'P4']);
    expect(full.turns[1].participant).toBe('P4');
    for (const t of full.turns) expect(full.text.slice(t.start, t.end).trim().length).toBeGreaterThan(0);
  });

  it('imports every real transcript export without losing words', async () => {
    const dir = path.join(SHARED, 'transcripts');
    const files = fs.readdirSync(dir).filter((f) => !f.endsWith('.md'));
    expect(files.length).toBeGreaterThanOrEqual(4);
    const { service } = tmpProject();
    const r = await service.call('documents.import', {
      files: files.map((f) => ({ name: f, contentBase64: fs.readFileSync(path.join(dir, f)).toString('base64') })),
    });
    expect(r.documents.length).toBe(files.length);
    for (const d of r.documents) expect(d.wordCount, d.name).toBeGreaterThan(50);
    expect(r.documents.map((d) => d.format).sort()).toEqual(expect.arrayContaining(['srt', 'vtt']));
  });

  it('skips a file already in the project, with a warning', async () => {
    const { service } = tmpProject();
    await service.call('documents.import', { files: [{ name: 'a.txt', contentBase64: b64(INTERVIEW) }] });
    const r = await service.call('documents.import', { files: [{ name: 'copy.txt', contentBase64: b64(INTERVIEW) }] });
    expect(r.documents).toEqual([]);
    expect(r.warnings[0].message).toMatch(/already in the project as "a"/);
  });

  const bad: [string, Buffer | string, RegExp][] = [
    [
      'binary.txt',
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0x10, 0, 0xff, 0xfe, 0, 1, 2, 3]),
      /binary\.txt: .*(binary|not a text)/i,
    ],
    ['latin1.txt', Buffer.from([0x50, 0x34, 0x3a, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b, 0x0a]), /latin1\.txt: .*UTF-8/i],
    ['empty.txt', Buffer.from(''), /empty\.txt: .*empty/i],
    ['corrupt.docx', Buffer.from('this is not a zip file at all'), /corrupt\.docx: .*(Word|docx)/i],
    ['broken.vtt', 'WEBVTT\n\nxx:yy --> zz\nP1: hello\n', /broken\.vtt: /],
  ];
  for (const [name, content, message] of bad) {
    it(`refuses ${name} with a specific error and leaves the project unchanged`, async () => {
      const { service } = tmpProject();
      await service.call('documents.import', { files: [{ name: 'good.txt', contentBase64: b64(INTERVIEW) }] });
      const before = snapshot(service);
      const err = await service
        .call('documents.import', {
          files: [
            { name: 'other.txt', contentBase64: b64('P1: fine text') },
            { name, contentBase64: Buffer.from(content).toString('base64') },
          ],
        })
        .catch((e) => e);
      expect(err).toBeInstanceOf(Error);
      expect(err.message).toMatch(message);
      expect(err.message).toMatch(/Nothing was imported/);
      expect(snapshot(service)).toEqual(before);
    });
  }

  it('imports the readable part of a VTT with some broken timestamps and reports what was skipped', async () => {
    const { service } = tmpProject();
    const vtt =
      'WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nP1: first cue\n\n00:00:xx --> 00:00:09.000\nP1: broken cue\n\n00:00:10.000 --> 00:00:12.000\nP2: last cue\n';
    const r = await service.call('documents.import', { files: [{ name: 'partly.vtt', contentBase64: b64(vtt) }] });
    expect(r.documents.length).toBe(1);
    expect(r.warnings.length).toBeGreaterThan(0);
    expect(r.warnings[0].file).toBe('partly.vtt');
    const full = await service.call('documents.get', { id: r.documents[0].id });
    expect(full.text).toContain('first cue');
    expect(full.text).toContain('last cue');
    expect(full.turns[0].timeStart).toBe(1);
  });

  it('refuses a 200 MB file from the CLI without reading it, and creates nothing', async () => {
    const dir = tmpDir();
    const big = path.join(dir, 'huge.txt');
    const fd = fs.openSync(big, 'w');
    fs.ftruncateSync(fd, 200 * 2 ** 20); // sparse: costs no disk
    fs.closeSync(fd);
    const proj = path.join(dir, 'p.thematic');
    const c = capture();
    expect(await main(['import', proj, big], c.io)).toBe(2);
    expect(c.err.join('\n')).toMatch(/huge\.txt: file is 200 MB; the limit for one transcript is \d+ MB/);
    expect(fs.existsSync(proj)).toBe(false);
  });

  it('reports a full disk clearly and keeps the project as it was', async () => {
    const { service } = tmpProject();
    await service.call('documents.import', { files: [{ name: 'a.txt', contentBase64: b64(INTERVIEW) }] });
    const before = snapshot(service);
    // The same SQLITE_FULL a full disk gives, without filling a disk: cap the file's pages.
    const pages = dbOf(service).pragma('page_count', { simple: true }) as number;
    dbOf(service).pragma(`max_page_count = ${pages + 2}`);
    const huge = Array.from({ length: 20000 }, (_, k) => `P${k % 7}: words number ${k} about the hospital stay.`).join('\n\n');
    await expect(service.call('documents.import', { files: [{ name: 'big.txt', contentBase64: b64(huge) }] })).rejects.toThrow(
      /disk is full; nothing was changed/,
    );
    expect(snapshot(service)).toEqual(before);
  });
});
