import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/server.ts';
import { buildSample } from '../../src/api/sample.ts';
import { Service } from '../../src/api/service.ts';
import { tmpDir } from '../helpers/project.ts';
import { sparseFile, speak } from '../helpers/recordings.ts';
import { recordingIn, studyWith } from './fixture.ts';
import { dbOf } from '../helpers/db.ts';

const dir = tmpDir('thematic-media-srv-');
let server: RunningServer;
let service: Service;
let documentId: number;
let rec: string;
const TOKEN = 'media-token-0123456789';

beforeAll(async () => {
  rec = recordingIn(dir, 'P4.m4a');
  ({ service, documentId } = await studyWith());
  await service.call('media.attach', { documentId, fileName: 'P4.m4a', contentBase64: fs.readFileSync(rec).toString('base64') });
  server = await startServer({ service, token: TOKEN });
}, 60_000);
afterAll(async () => {
  await server.close();
  service.close();
});

function get(
  p: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Buffer; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: server.port, path: p, headers: { host: `127.0.0.1:${server.port}`, ...headers } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks), headers: res.headers }));
      })
      .on('error', reject);
  });
}
const readBytes = () => Number(/rchar: (\d+)/.exec(fs.readFileSync('/proc/self/io', 'utf8'))![1]);

describe('the web mode serves linked recordings', () => {
  it('only with the token, only for a document of the open project that has one', async () => {
    expect((await get(`/media/${documentId}`)).status).toBe(401);
    expect((await get(`/media/${documentId}?token=wrong-token-0123456789`)).status).toBe(401);
    expect((await get(`/media/${documentId}?token=${TOKEN}`, { host: 'evil.example' })).status).toBe(403);
    expect((await get(`/media/${documentId}?token=${TOKEN}`, { origin: 'http://evil.example' })).status).toBe(403);
    const none = await get(`/media/999?token=${TOKEN}`);
    expect(none.status).toBe(404);
    expect(none.body.toString()).toBe('document 999 has no recording');
    for (const p of [`/media/..%2f..%2fetc%2fpasswd?token=${TOKEN}`, `/media/${documentId}/../../../etc/passwd?token=${TOKEN}`]) {
      const r = await get(p);
      expect(r.body.toString()).not.toMatch(/root:/);
      expect(r.headers['content-type']).not.toMatch(/audio/);
    }
  });

  it('whole, and by byte range (206) for seeking, and 416 for a range past the end', async () => {
    const bytes = fs.readFileSync(rec);
    const whole = await get(`/media/${documentId}?token=${TOKEN}`);
    expect(whole.status).toBe(200);
    expect(whole.headers).toMatchObject({ 'content-type': 'audio/mp4', 'accept-ranges': 'bytes', 'content-length': String(bytes.length) });
    expect(whole.body.equals(bytes)).toBe(true);
    const part = await get(`/media/${documentId}?token=${TOKEN}`, { range: 'bytes=100-199' });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 100-199/${bytes.length}`);
    expect(part.body.equals(bytes.subarray(100, 200))).toBe(true);
    const tail = await get(`/media/${documentId}?token=${TOKEN}`, { range: 'bytes=-50' });
    expect(tail.body.equals(bytes.subarray(bytes.length - 50))).toBe(true);
    const open = await get(`/media/${documentId}?token=${TOKEN}`, { range: `bytes=${bytes.length - 10}-` });
    expect(open.body.equals(bytes.subarray(bytes.length - 10))).toBe(true);
    const past = await get(`/media/${documentId}?token=${TOKEN}`, { range: `bytes=${bytes.length}-` });
    expect(past.status).toBe(416);
    expect(past.headers['content-range']).toBe(`bytes */${bytes.length}`);
  });

  it('seeks in a 1 GB file without reading it whole', async () => {
    const big = sparseFile(path.join(dir, 'big.mp4'), 2 ** 30, Buffer.from('start'));
    fs.writeFileSync(big, Buffer.from('the end'), { flag: 'r+' });
    const fd = fs.openSync(big, 'r+');
    fs.writeSync(fd, Buffer.from('THE END'), 0, 7, 2 ** 30 - 7);
    fs.closeSync(fd);
    // The route serves whatever is linked; the row is made directly (probing a sparse file is not what is tested here).
    const other = await studyWith();
    dbOf(other.service)
      .prepare(
        `INSERT INTO recordings (document_id, path, file_name, size, mtime_ms, sha256, duration, container, codec, kind, mime, linked_at)
      VALUES (?, ?, 'big.mp4', ?, 0, '', 7200, 'isom', 'avc1', 'video', 'video/mp4', 'now')`,
      )
      .run(other.documentId, path.relative(other.dir, big), 2 ** 30);
    const srv = await startServer({ service: other.service, token: TOKEN });
    try {
      const before = readBytes();
      const r = await new Promise<{ status: number; body: Buffer; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
        http
          .get(
            {
              host: '127.0.0.1',
              port: srv.port,
              path: `/media/${other.documentId}?token=${TOKEN}`,
              headers: { host: `127.0.0.1:${srv.port}`, range: `bytes=${2 ** 30 - 7}-` },
            },
            (res) => {
              const chunks: Buffer[] = [];
              res.on('data', (c) => chunks.push(c));
              res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks), headers: res.headers }));
            },
          )
          .on('error', reject);
      });
      expect(r.status).toBe(206);
      expect(r.body.toString()).toBe('THE END');
      expect(r.headers['content-range']).toBe(`bytes ${2 ** 30 - 7}-${2 ** 30 - 1}/${2 ** 30}`);
      expect(readBytes() - before).toBeLessThan(8 * 2 ** 20);
    } finally {
      await srv.close();
      other.service.close();
    }
  });

  it('refuses a linked file that changed since it was linked, naming it', async () => {
    const { service: s, documentId: id, file } = await studyWith();
    await s.call('media.attach', { documentId: id, fileName: 'P4.m4a', contentBase64: fs.readFileSync(rec).toString('base64') });
    fs.appendFileSync(path.join(path.dirname(file), 'study-media', 'P4.m4a'), 'x');
    const srv = await startServer({ service: s, token: TOKEN });
    try {
      const r = await new Promise<{ status: number; body: string }>((resolve) =>
        http.get(
          { host: '127.0.0.1', port: srv.port, path: `/media/${id}?token=${TOKEN}`, headers: { host: `127.0.0.1:${srv.port}` } },
          (res) => {
            let b = '';
            res.on('data', (c) => (b += c));
            res.on('end', () => resolve({ status: res.statusCode!, body: b }));
          },
        ),
      );
      expect(r).toEqual({ status: 409, body: 'P4.m4a: the file has changed since it was linked; re-link it' });
    } finally {
      await srv.close();
      s.close();
    }
  });
});

describe('the sample study', () => {
  it('links fixtures/recordings/<VTT base name>.opus to each VTT interview that has one', async () => {
    const recordings = path.join(dir, 'recordings');
    // Long enough for P08's last cue (17:41); mostly silence, so it is quick to make.
    speak(recordings, 'P08-family-physician.opus', [{ text: 'Thanks for making the time today.', at: 2 }], 17 * 60 + 46, { fast: true });
    fs.writeFileSync(path.join(recordings, 'P02-patient.opus'), 'not used: P02 is not a VTT interview');
    const out = path.join(tmpDir(), 'sample.thematic');
    await buildSample(out, { force: true, recordingsDir: recordings });
    const s = Service.open(out);
    try {
      const list = await s.call('media.list', {});
      expect(list.map((r) => [r.document, r.fileName, r.status])).toEqual([['P08-family-physician', 'P08-family-physician.opus', 'ok']]);
      expect(list[0].duration).toBeGreaterThan(17 * 60 + 44);
      expect(path.resolve(path.dirname(out), list[0].path)).toBe(path.join(recordings, 'P08-family-physician.opus'));
    } finally {
      s.close();
    }
  }, 180_000);
});
