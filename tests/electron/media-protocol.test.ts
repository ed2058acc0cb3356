import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, afterAll, describe, expect, it, vi } from 'vitest';
import { appRequestHandler, appScheme } from '../../electron/protocol.ts';
import type { Service } from '../../src/api/service.ts';
import { tmpDir } from '../helpers/project.ts';
import { recordingIn, studyWith } from '../media/fixture.ts';

vi.mock('electron', () => ({}));

let service: Service;
let documentId: number;
let rec: string;
let handle: (r: Request) => Promise<Response>;

beforeAll(async () => {
  const dir = tmpDir('thematic-proto-media-');
  rec = recordingIn(dir, 'P4.opus');
  ({ service, documentId } = await studyWith());
  await service.call('media.attach', { documentId, fileName: 'P4.opus', contentBase64: fs.readFileSync(rec).toString('base64') });
  const root = path.join(dir, 'dist');
  fs.mkdirSync(root);
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
  handle = appRequestHandler(root, () => service);
}, 60_000);
afterAll(() => service.close());

describe('Electron serves linked recordings on app://thematic/media/<id>', () => {
  it('may stream from the scheme', () => {
    expect(appScheme.privileges?.stream).toBe(true);
  });

  it('whole and by range, only for a document of the open project with a recording', async () => {
    const bytes = fs.readFileSync(rec);
    const whole = await handle(new Request(`app://thematic/media/${documentId}?v=1`));
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('audio/ogg');
    expect(Buffer.from(await whole.arrayBuffer()).equals(bytes)).toBe(true);
    const part = await handle(new Request(`app://thematic/media/${documentId}`, { headers: { range: 'bytes=10-29' } }));
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 10-29/${bytes.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(10, 30))).toBe(true);
    const none = await handle(new Request('app://thematic/media/777'));
    expect(none.status).toBe(404);
    expect(await none.text()).toBe('document 777 has no recording');
    const closed = await appRequestHandler(path.dirname(rec), () => null)(new Request(`app://thematic/media/${documentId}`));
    expect(closed.status).toBe(404);
  });
});
