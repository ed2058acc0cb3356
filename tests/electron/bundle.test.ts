import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Service } from '../../src/api/service.ts';
import { CSP } from '../../src/server/server.ts';

/**
 * The shipped artifacts, not the sources: scripts/build-electron.mjs bundles main.cjs and
 * preload.cjs, which are then loaded in Node with a fake 'electron' (there is no Electron
 * binary here) and driven through one start-up and a few API calls, a PDF import included.
 */
const root = path.resolve(import.meta.dirname, '../..');
let dir: string;
let out: any;

function pdf(text: string): Promise<Buffer> {
  const doc = new PDFDocument();
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.text(text);
  doc.end();
  return done;
}

beforeAll(async () => {
  const build = spawnSync(process.execPath, ['scripts/build-electron.mjs'], { cwd: root, encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thematic-bundle-'));
  const project = path.join(dir, 'study.thematic');
  Service.open(project, { create: true }).close();
  fs.writeFileSync(path.join(dir, 'p4.pdf'), await pdf('Interviewer: How was it?\n\nP4: The peer worker listened to me.'));
  const run = spawnSync(process.execPath, [path.join(import.meta.dirname, 'fixtures/run-bundle.cjs')], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 30_000,
    env: {
      ...process.env,
      MAIN: path.join(root, 'electron/dist/main.cjs'),
      PRELOAD: path.join(root, 'electron/dist/preload.cjs'),
      PROJECT: project,
      PDF: path.join(dir, 'p4.pdf'),
      USER_DATA: path.join(dir, 'userData'),
      THEMATIC_USER: 'dana',
    },
  });
  expect(run.status, run.stderr).toBe(0);
  out = JSON.parse(run.stdout);
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the bundled Electron shell', () => {
  it('registers app:// as privileged, one IPC channel, and the menu', () => {
    expect(out.schemes).toEqual([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    expect(out.channels).toEqual(['thematic:invoke']);
    expect(out.menu).toEqual(['&File', '&Edit', '&View', '&Help']);
  });

  it('opens the --project file in a secure window on app://thematic', () => {
    expect(out.dialogs).toEqual([]);
    expect(out.title).toBe('study.thematic - Thematic');
    expect(out.url).toBe('app://thematic/index.html');
    expect(out.prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(out.prefs.preload).toBe(path.join(root, 'electron/dist/preload.cjs'));
    expect(out.windowOpen).toEqual({ action: 'deny' });
    expect(out.page.csp).toBe(CSP);
  });

  it('answers API calls from our page, PDF import included, and refuses others', () => {
    expect(out.info).toMatchObject({ ok: true, result: { name: 'study', counts: { documents: 0 } } });
    expect(out.importPdf.ok, JSON.stringify(out.importPdf)).toBe(true);
    expect(out.importPdf.result.documents).toHaveLength(1);
    expect(out.invalid).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(out.evil).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(out.foreign).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('the preload exposes exactly window.thematic.invoke, which goes to the one channel', () => {
    expect(out.exposedKeys).toEqual(['thematic']);
    expect(out.bridgeKeys).toEqual(['invoke']);
    expect(out.bridgeReturn).toBe('sent');
    expect(out.rendererInvokes).toEqual([['thematic:invoke', 'codes.list', { a: 1 }]]);
  });
});
