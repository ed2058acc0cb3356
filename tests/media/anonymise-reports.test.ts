import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers/project.ts';
import { runCli } from '../helpers/cli.ts';
import { recordingIn, studyWith, UNTIMED } from './fixture.ts';
import { Service } from '../../src/api/service.ts';
import { dbOf } from '../helpers/db.ts';

const dir = tmpDir('thematic-media-rep-');
let rec: string;
beforeAll(() => {
  rec = recordingIn(dir, 'P4.opus');
}, 60_000);
const attach = (s: Service, documentId: number) =>
  s.call('media.attach', { documentId, fileName: 'P4.opus', contentBase64: fs.readFileSync(rec).toString('base64') });
const report = async (s: Service, format: 'quotes-html' | 'quotes-md' | 'segments-csv') =>
  Buffer.from((await s.call('reports.export', { format, timestamps: true, codes: ['Advocacy'] })).contentBase64, 'base64').toString('utf8');

describe('reports from timed turns', () => {
  it('quote a coding with [hh:mm:ss] of its turn and, in HTML, a link that opens the recording there', async () => {
    const { service, documentId, file } = await studyWith();
    await attach(service, documentId);
    const { text } = await service.call('documents.get', { id: documentId });
    const code = await service.call('codes.create', { name: 'Advocacy' });
    const at = text.indexOf('She talked');
    await service.call('codings.create', { documentId, codeId: code.id, coder: 'Amira', start: at, end: at + 10 });
    const href = `${pathToFileURL(path.join(path.dirname(file), 'study-media', 'P4.opus')).href}#t=3`;
    const html = await report(service, 'quotes-html');
    expect(html).toContain(`<span class="cite">(P4) <a class="time" href="${href}">[00:00:03]</a></span>`);
    expect(await report(service, 'quotes-md')).toContain('> She talked\n>\n> — (P4) \\[00:00:03\\]');
    expect(await report(service, 'segments-csv')).toMatch(/,00:00:03,She talked/);
    const plain = Buffer.from(
      (await service.call('reports.export', { format: 'quotes-html', codes: ['Advocacy'] })).contentBase64,
      'base64',
    ).toString();
    expect(plain).not.toContain('class="time"');
    service.close();
  });

  it('carry the times set from sync points on an untimed transcript', async () => {
    const { service, documentId } = await studyWith(UNTIMED, 'P4.txt');
    await attach(service, documentId);
    const { text } = await service.call('documents.get', { id: documentId });
    const code = await service.call('codes.create', { name: 'Advocacy' });
    const at = text.indexOf('Anything else');
    await service.call('codings.create', { documentId, codeId: code.id, coder: 'Amira', start: at, end: at + 13 });
    expect(await report(service, 'segments-csv')).toMatch(/,,Anything else/);
    await service.call('media.setSyncPoints', {
      documentId,
      points: [
        { turnIdx: 0, time: 0.5 },
        { turnIdx: 2, time: 6.5 },
      ],
    });
    expect(await report(service, 'segments-csv')).toMatch(/,00:00:06,Anything else/);
    service.close();
  });
});

describe('an anonymised copy', () => {
  it('never carries a recording, and its report says so', async () => {
    const { service, file } = await studyWith();
    const docs = await service.call('documents.list', {});
    await attach(service, docs[0].id);
    const r = await service.call('anonymise.export', { replacements: [{ find: 'nurses', replace: 'staff', kind: 'name' }] });
    expect(r.counts.recordingsLeftOut).toBe(1);
    service.close();
    const copy = Service.open(r.path);
    expect(await copy.call('media.list', {})).toEqual([]);
    expect(dbOf(copy).prepare('SELECT COUNT(*) AS n FROM recordings').get()).toEqual({ n: 0 });
    const html = Buffer.from(
      (await copy.call('reports.export', { format: 'quotes-html', timestamps: true })).contentBase64,
      'base64',
    ).toString();
    expect(html).not.toContain('.opus');
    copy.close();
    expect(fs.existsSync(path.join(path.dirname(r.path), `${path.basename(r.path, '.thematic')}-media`))).toBe(false);
    const cli = await runCli(['anonymise', file, '--key', writeKey(), '--out', path.join(tmpDir(), 'copy.thematic')]);
    expect(cli.out).toMatch(/Recordings are never carried into an anonymised copy \(a voice identifies a person\): 1 left out\./);
  });
});

function writeKey(): string {
  const f = path.join(tmpDir(), 'key.csv');
  fs.writeFileSync(f, 'find,replace,kind\nnurses,staff,name\n');
  return f;
}
