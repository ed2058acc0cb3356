import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CSP } from '../../src/server/server.ts';
import { appRequestHandler, appScheme, isAppUrl } from '../../electron/protocol.ts';

vi.mock('electron', () => ({}));

let dir: string;
let root: string;
let handle: (r: Request) => Promise<Response>;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thematic-proto-'));
  root = path.join(dir, 'dist');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Thematic</title>');
  fs.writeFileSync(path.join(root, 'assets/app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'SECRET');
  fs.writeFileSync(path.join(dir, 'dist-evil.txt'), 'SECRET'); // a sibling whose name starts like root
  fs.symlinkSync(path.join(dir, 'secret.txt'), path.join(root, 'assets/link.txt'));
  handle = appRequestHandler(root);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

describe('the app:// protocol', () => {
  it('is registered as a standard, secure scheme named app', () => {
    expect(appScheme).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true } });
    expect(appScheme.privileges?.bypassCSP).toBeFalsy();
  });

  it('serves the renderer with the CSP header and the right types', async () => {
    const r = await get('app://thematic/index.html');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-security-policy')).toBe(CSP);
    expect(r.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(r.headers.get('content-type')).toMatch(/^text\/html/);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await r.text()).toContain('<title>Thematic</title>');
    const js = await get('app://thematic/assets/app.js');
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(js.headers.get('content-security-policy')).toBe(CSP);
    expect(await (await get('app://thematic/')).text()).toContain('Thematic');
  });

  it('answers client-side routes with the app, and a missing asset with 404', async () => {
    expect(await (await get('app://thematic/codes/12')).text()).toContain('<title>Thematic</title>');
    expect((await get('app://thematic/assets/missing.js')).status).toBe(404);
  });

  it('refuses path traversal in every spelling', async () => {
    const attempts = [
      'app://thematic/%2e%2e/secret.txt',
      'app://thematic/..%2fsecret.txt',
      'app://thematic/assets/..%2f..%2fsecret.txt',
      'app://thematic/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://thematic/..%5csecret.txt',
      'app://thematic/%2e%2e/dist-evil.txt',
      'app://thematic/%2fetc%2fpasswd',
      'app://thematic/index.html%00.js',
      'app://thematic/assets/link.txt', // a symlink pointing outside
    ];
    for (const url of attempts) {
      const r = await get(url);
      const body = await r.text();
      expect(body, url).not.toContain('SECRET');
      expect(body, url).not.toContain('root:');
      expect([400, 403, 404], url).toContain(r.status);
    }
    // URL parsing already folds "%2e%2e/" away (leaving /secret.txt, not in root); encoded slashes are refused outright.
    expect((await get('app://thematic/%2e%2e/secret.txt')).status).toBe(404);
    expect((await get('app://thematic/..%2fsecret.txt')).status).toBe(400);
    expect((await get('app://thematic/assets/link.txt')).status).toBe(403);
  });

  it('refuses other hosts and methods other than GET', async () => {
    expect((await get('app://evil/index.html')).status).toBe(403);
    expect((await get('app://thematic/index.html', 'POST')).status).toBe(405);
  });

  it('says how to build the renderer when it is missing', async () => {
    const r = await appRequestHandler(path.join(dir, 'not-built'))(new Request('app://thematic/'));
    expect(r.status).toBe(503);
    expect(await r.text()).toMatch(/npm run build/);
  });

  it('recognises only app://thematic as our origin', () => {
    expect(isAppUrl('app://thematic/index.html')).toBe(true);
    expect(isAppUrl('app://thematic')).toBe(true);
    for (const u of ['app://thematicx/', 'app://evil/', 'https://thematic/', 'file:///app/thematic', 'app://a@thematic/', '']) {
      expect(isAppUrl(u), u).toBe(false);
    }
  });
});
