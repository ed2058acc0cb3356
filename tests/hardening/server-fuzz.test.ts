import net from 'node:net';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/server.ts';
import { rng } from '../../bench/kit.ts';
import { tmpProject } from '../helpers/project.ts';
import type { Service } from '../../src/api/service.ts';

// Issue 15 item 6: one request with a malformed percent-escape in the path ended the web server.

const TOKEN = 'fuzz-token-0123456789';

/** A raw HTTP/1.1 request over a socket, so any bytes can go in the path and headers. */
function raw(port: number, head: string, body = ''): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const sock = net.connect(port, '127.0.0.1');
    let text = '';
    const timer = setTimeout(() => {
      sock.destroy();
      reject(new Error(`no answer to ${JSON.stringify(head.slice(0, 80))}`));
    }, 5000);
    sock.on('data', (c) => (text += c.toString('latin1')));
    sock.on('close', () => {
      clearTimeout(timer);
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text });
    });
    sock.on('error', () => undefined);
    sock.write(Buffer.from(`${head}\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`, 'latin1'));
  });
}
const apiHead = (port: number, path: string, extra = '') =>
  `POST ${path} HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\nauthorization: Bearer ${TOKEN}\r\ncontent-type: application/json${extra}`;

describe('the web server survives what a request carries', () => {
  it('answers 400 to POST /api/%E0%A4%A in a real `thematic serve`-style process, and keeps serving', async () => {
    // A child process, as in the audit: before the fix the URIError was uncaught and the process exited.
    const { file, service } = tmpProject();
    service.close();
    const script = `const { Service } = await import(${JSON.stringify(new URL('../../src/api/service.ts', import.meta.url).pathname)});
      const { startServer } = await import(${JSON.stringify(new URL('../../src/server/server.ts', import.meta.url).pathname)});
      const s = await startServer({ service: Service.open(${JSON.stringify(file)}), token: ${JSON.stringify(TOKEN)} });
      console.log('PORT ' + s.port);`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let exited: number | null = null;
    child.on('exit', (c) => (exited = c ?? -1));
    try {
      const port = await new Promise<number>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (c) => {
          out += c;
          const m = /PORT (\d+)/.exec(out);
          if (m) resolve(Number(m[1]));
        });
        child.on('exit', () => reject(new Error('server did not start')));
      });
      const bad = await raw(port, apiHead(port, '/api/%E0%A4%A'), '{}');
      expect(bad.status).toBe(400);
      expect(bad.text).toMatch(/not valid percent-encoding/);
      await new Promise((r) => setTimeout(r, 200));
      expect(exited).toBeNull();
      const ok = await raw(port, apiHead(port, '/api/project.info'), '{}');
      expect(ok.status).toBe(200);
    } finally {
      child.kill('SIGKILL');
    }
  });

  describe('fuzzing the path and headers', () => {
    let server: RunningServer;
    let service: Service;
    beforeAll(async () => {
      service = tmpProject().service;
      server = await startServer({ service, token: TOKEN });
    });
    afterAll(async () => {
      await server.close();
      service.close();
    });

    it('every fuzzed request gets an answer below 500 and the server still works afterwards', async () => {
      const next = rng(15);
      const rnd = (n: number) => Math.floor(next() * n);
      let badEscapes = 0;
      const pieces = [
        '%',
        '%E0',
        '%A4%A',
        '%ZZ',
        '%00',
        '%2e%2e/',
        '..',
        '/',
        '?',
        '#',
        '%C0%AF',
        '%FF%FE',
        'project.info',
        '%F0%9F%98',
        'é',
        '\u00ff',
        'a'.repeat(300),
        '%',
      ];
      const port = server.port;
      for (let i = 0; i < 150; i++) {
        let p = '';
        const n = 1 + rnd(5);
        for (let k = 0; k < n; k++) p += pieces[rnd(pieces.length)];
        const path = (rnd(3) ? '/api/' : '/') + p;
        const extras = [
          '',
          '\r\norigin: %E0%A4%A',
          `\r\norigin: http://127.0.0.1:${port}%`,
          '\r\nx-thematic-token: \u00ff\u00fe',
          '\r\ncontent-type: application/json; charset=%E0',
          `\r\nidempotency-key: ${'\u00e9'.repeat(rnd(40))}`,
          '\r\nauthorization: Bearer',
          '\r\nauthorization: Basic %E0%A4%A',
        ];
        const head = rnd(4)
          ? apiHead(port, path, extras[rnd(extras.length)])
          : `${rnd(2) ? 'GET' : 'PUT'} ${path} HTTP/1.1\r\nhost: 127.0.0.1:${port}${extras[rnd(extras.length)]}`;
        if (head.startsWith('POST /api/') && /%(?![0-9A-F]{2})|%E0%A4%A/.test(path)) badEscapes++;
        const r = await raw(port, head, rnd(2) ? '{}' : '{"x":"%E0%A4%A"}');
        expect(r.status, head).toBeGreaterThanOrEqual(200);
        expect(r.status, head).toBeLessThan(500);
      }
      expect(badEscapes).toBeGreaterThan(10);
      const ok = await raw(port, apiHead(port, '/api/project.info'), '{}');
      expect(ok.status).toBe(200);
    });
  });
});
