import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/server.ts';
import { tmpProject } from '../helpers/project.ts';
import type { Service } from '../../src/api/service.ts';

let server: RunningServer;
let service: Service;

beforeAll(async () => {
  service = tmpProject().service;
  server = await startServer({ service, token: 'secret-token-1234' });
});
afterAll(async () => {
  await server.close();
  service.close();
});

/** Raw requests, so Host and Origin can be set to anything (fetch would refuse). */
function request(
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: opts.method ?? 'POST',
        headers: { host: `127.0.0.1:${server.port}`, ...opts.headers },
      },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}
const auth = { authorization: 'Bearer secret-token-1234', 'content-type': 'application/json' };

describe('web mode server', () => {
  it('listens on 127.0.0.1 only and prints a URL with the token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=secret-token-1234$/);
  });

  it('answers 401 to API calls without the token, before routing (even unknown methods or bad hosts)', async () => {
    for (const path of ['/api/project.info', '/api/no.such.method', '/api/../../etc/passwd']) {
      expect((await request(path, { body: '{}' })).status).toBe(401);
    }
    expect(
      (await request('/api/project.info', { headers: { authorization: 'Bearer wrong-token-12345', host: 'evil.example' } })).status,
    ).toBe(401);
  });

  it('refuses a request whose Host or Origin is not its loopback address (DNS rebinding)', async () => {
    expect((await request('/api/project.info', { headers: { ...auth, host: 'attacker.example' }, body: '{}' })).status).toBe(403);
    expect((await request('/', { method: 'GET', headers: { host: `attacker.example:${server.port}` } })).status).toBe(403);
    const cross = await request('/api/project.info', { headers: { ...auth, origin: 'http://attacker.example' }, body: '{}' });
    expect(cross.status).toBe(403);
    const same = await request('/api/project.info', { headers: { ...auth, origin: `http://127.0.0.1:${server.port}` }, body: '{}' });
    expect(same.status).toBe(200);
  });

  it('dispatches POST /api/<method> through the contract and rejects invalid payloads clearly', async () => {
    const ok = await request('/api/codes.create', { headers: auth, body: JSON.stringify({ name: 'Advocacy' }) });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body).result).toMatchObject({ name: 'Advocacy', codingCount: 0 });
    const bad = await request('/api/codes.create', { headers: auth, body: JSON.stringify({ name: '', colour: 1 }) });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error).toMatchObject({ code: 'invalid_input' });
    expect(JSON.parse(bad.body).error.message).toMatch(/codes\.create: invalid input/);
    expect((await request('/api/nope', { headers: auth, body: '{}' })).status).toBe(404);
    expect((await request('/api/project.info', { headers: auth, body: '{not json' })).status).toBe(400);
    expect((await request('/api/project.info', { method: 'GET', headers: auth })).status).toBe(405);
  });

  it('serves the renderer with a strict CSP and never a file outside it', async () => {
    const page = await request('/', { method: 'GET' });
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
    expect(page.headers['content-security-policy']).toMatch(/object-src 'none'/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect((await request('/%2e%2e/%2e%2e/package.json', { method: 'GET' })).status).not.toBe(200);
    expect((await request('/../../package.json', { method: 'GET' })).body).not.toMatch(/"name": "thematic"/);
  });
});

describe('opening another project from the web mode', () => {
  it('opens or creates a project by path, refusing bad ones while keeping the current one open', async () => {
    const { tmpDir } = await import('../helpers/project.ts');
    const path = await import('node:path');
    const first = tmpProject();
    const s = await startServer({ service: first.service, token: 'another-token-5678' });
    const call = (method: string, body: unknown) =>
      fetch(`${s.origin}/api/${method}`, {
        method: 'POST',
        headers: { authorization: 'Bearer another-token-5678', 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then(async (r) => ({ status: r.status, body: await r.json() }));
    const dir = tmpDir();
    const target = path.join(dir, 'second.thematic');
    expect((await call('app.openProject', { path: target })).body.error.message).toMatch(/no such project file/);
    expect((await call('app.openProject', { path: path.join(dir, 'x.txt'), create: true })).body.error.message).toMatch(
      /ends in \.thematic/,
    );
    expect((await call('codes.create', { name: 'still here' })).status).toBe(200);
    const created = await call('app.openProject', { path: target, create: true });
    expect(created.body.result).toMatchObject({ path: target, counts: { codes: 0 } });
    expect((await call('codes.list', {})).body.result).toEqual([]);
    const back = await call('app.openProject', { path: first.file });
    expect(back.body.result.counts.codes).toBe(1);
    await s.close();
  });
});
