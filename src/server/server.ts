import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { z } from 'zod';
import { Service, describeIssues } from '../api/service.ts';
import { contract } from '../api/contract.ts';
import { IDEMPOTENCY_HEADER } from '../api/contract-idempotency.ts';
import { CSP } from '../core/csp.ts';
import { ThematicError } from '../core/errors.ts';
import { backupSettings } from '../lib/backup-paths.ts';
import type { appMethods } from '../features/project/app-contract.ts';
import { errorBody } from './http-errors.ts';
import { serveStatic } from './static.ts';
import { MEDIA_PATH, serveRecording } from './media-route.ts';

export { CSP };

export interface ServerOptions {
  service: Service;
  /** Called when the UI opens another project: the server now serves `next` (the old one is closed). */
  onProjectChange?: (next: Service) => void;
  port?: number;
  token?: string;
  /** The built renderer (renderer/dist). */
  staticDir?: string;
  maxBodyBytes?: number;
  actor?: string;
}

export interface RunningServer {
  url: string;
  origin: string;
  port: number;
  token: string;
  /** Stops serving, then waits for the closing backups of projects switched away from. */
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
type AppMethod = keyof typeof appMethods;

/**
 * The web mode: the same API contract over HTTP, bound to 127.0.0.1 only. A per-run token
 * guards every API call (checked before any routing), and Host/Origin must name this
 * loopback address so a DNS-rebound page cannot reach it.
 */
export function startServer(opts: ServerOptions): Promise<RunningServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const tokenBuf = Buffer.from(token);
  const staticDir = opts.staticDir ?? path.resolve(import.meta.dirname, '../../renderer/dist');
  const maxBody = opts.maxBodyBytes ?? 160 * 2 ** 20;
  let port = 0;

  const allowedHosts = () => new Set([`${HOST}:${port}`, `localhost:${port}`]);
  // A media element cannot send a header: a recording's URL carries the token as ?token=.
  const tokenOk = (req: http.IncomingMessage, query?: URLSearchParams) => {
    const auth = req.headers.authorization ?? '';
    const given = Buffer.from(
      auth.startsWith('Bearer ') ? auth.slice(7) : String(req.headers['x-thematic-token'] ?? query?.get('token') ?? ''),
    );
    return given.length === tokenBuf.length && timingSafeEqual(given, tokenBuf);
  };

  // Closing backups of projects switched away from: closing the server waits for them.
  const closing = new Set<Promise<void>>();

  function parse<M extends AppMethod>(method: M, payload: unknown): z.output<(typeof appMethods)[M]['input']> {
    const parsed = (contract[method].input as z.ZodType).safeParse(payload);
    if (!parsed.success) throw new ThematicError('invalid_input', describeIssues(method, parsed.error));
    return parsed.data as z.output<(typeof appMethods)[M]['input']>;
  }

  /** Serves `next` instead; the previous project is backed up and closed in the background. */
  function switchTo(next: Service): void {
    const previous = opts.service;
    opts.service = next;
    const done: Promise<void> = previous
      .closeWithBackup()
      .catch(() => {})
      .finally(() => {
        previous.close();
        closing.delete(done);
      });
    closing.add(done);
    opts.onProjectChange?.(next);
  }

  // Opens the new file first, so a refused file (locked, newer, not a project) leaves the current one open.
  async function openProject(payload: unknown): Promise<unknown> {
    const input = parse('app.openProject', payload);
    const file = path.resolve(input.path);
    if (file === opts.service.path) return opts.service.call('project.info', {});
    if (input.create && fs.existsSync(file)) {
      throw new ThematicError('exists', `${input.path} already exists; open it instead`);
    }
    switchTo(Service.open(file, { create: input.create, autoBackup: backupSettings() }));
    return opts.service.call('project.info', {});
  }

  // A damaged project's two ways out: each makes a new file beside it (named here, never by the
  // page), opens that and serves it; the damaged file is only read.
  async function openLatestBackup(payload: unknown): Promise<unknown> {
    const file = path.resolve(parse('app.openLatestBackup', payload).path);
    const restored = Service.restoreLatestGood(file);
    switchTo(Service.open(restored.path, { autoBackup: backupSettings() }));
    const b = restored.backup;
    return { ...(await opts.service.call('project.info', {})), backup: { name: b.name, at: b.at, counts: b.counts } };
  }

  async function salvageProject(payload: unknown): Promise<unknown> {
    const file = path.resolve(parse('app.salvage', payload).path);
    const report = Service.salvageBeside(file);
    switchTo(Service.open(report.out, { autoBackup: backupSettings() }));
    const { method, recoverUnavailable, tables, orphansRemoved, lines } = report;
    return { ...(await opts.service.call('project.info', {})), report: { method, recoverUnavailable, tables, orphansRemoved, lines } };
  }
  const appCalls: Record<AppMethod, (payload: unknown) => Promise<unknown>> = {
    'app.openProject': openProject,
    'app.openLatestBackup': openLatestBackup,
    'app.salvage': salvageProject,
  };

  // Nothing a request carries may end the process: a handler that throws answers 400 (a request it
  // cannot read) and the server goes on.
  const server = http.createServer((req, res) => {
    try {
      handle(req, res);
    } catch (e) {
      if (!res.headersSent)
        send(res, 400, { error: { code: 'bad_request', message: `the request could not be read: ${(e as Error).message}` } });
      else res.destroy();
    }
  });

  function handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('cross-origin-opener-policy', 'same-origin');
    res.setHeader('cross-origin-resource-policy', 'same-origin');
    const url = req.url ?? '/';
    const isApi = url.startsWith('/api/') || url === '/api';
    const media = MEDIA_PATH.exec(url);
    if (isApi && !tokenOk(req)) return send(res, 401, { error: { code: 'unauthorized', message: 'missing or wrong token' } });
    if (media && !tokenOk(req, new URL(url, 'http://x').searchParams))
      return send(res, 401, { error: { code: 'unauthorized', message: 'missing or wrong token' } });
    const hosts = allowedHosts();
    if (!hosts.has(String(req.headers.host ?? '')))
      return send(res, 403, { error: { code: 'forbidden_host', message: 'this server answers only to its loopback address' } });
    const origin = req.headers.origin;
    if (origin !== undefined && !hosts.has(origin.replace(/^http:\/\//, ''))) {
      return send(res, 403, { error: { code: 'forbidden_origin', message: 'cross-origin requests are refused' } });
    }
    if (media) return serveRecording(opts.service, Number(media[1]), req, res);
    if (!isApi) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: { code: 'method', message: 'GET only' } });
      res.setHeader('content-security-policy', CSP);
      return serveStatic(staticDir, url, res);
    }
    if (req.method !== 'POST') return send(res, 405, { error: { code: 'method', message: 'API calls are POST with a JSON body' } });
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return send(res, 415, { error: { code: 'content_type', message: 'send application/json' } });
    }
    let method: string;
    try {
      method = decodeURIComponent(url.slice('/api/'.length).split('?')[0]);
    } catch {
      return send(res, 400, { error: { code: 'bad_request', message: 'the method name in the path is not valid percent-encoding' } });
    }
    readBody(req, maxBody)
      .then(
        async (raw) => {
          let payload: unknown;
          try {
            payload = raw.length ? JSON.parse(raw.toString('utf8')) : {};
          } catch {
            return send(res, 400, { error: { code: 'invalid_json', message: 'the body is not valid JSON' } });
          }
          try {
            if (Object.hasOwn(appCalls, method)) {
              const m = method as AppMethod;
              return send(res, 200, { result: contract[m].output.parse(await appCalls[m](payload)) });
            }
            const key = req.headers[IDEMPOTENCY_HEADER];
            const result = await opts.service.call(method, payload, {
              actor: opts.actor,
              operationId: Array.isArray(key) ? key.join(',') : key,
            });
            send(res, 200, { result });
          } catch (e) {
            const { status, body } = errorBody(e);
            send(res, status, body);
          }
        },
        (e: Error & { status?: number }) => send(res, e.status ?? 400, { error: { code: 'too_large', message: e.message } }),
      )
      .catch(() => res.destroy());
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, HOST, () => {
      port = (server.address() as AddressInfo).port;
      const origin = `http://${HOST}:${port}`;
      resolve({
        url: `${origin}/?token=${token}`,
        origin,
        port,
        token,
        // Resolves once the projects switched away from are backed up and closed too.
        close: () =>
          new Promise<void>((r) => {
            server.closeAllConnections();
            server.close(() => r());
          })
            .then(() => Promise.allSettled([...closing]))
            .then(() => {}),
      });
    });
  });
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const data = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(data);
}

function readBody(req: http.IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        reject(Object.assign(new Error(`request body over ${Math.round(max / 2 ** 20)} MB`), { status: 413 }));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
