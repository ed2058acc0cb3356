import fs from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme } from 'electron';
import { CSP } from '../src/core/csp.ts';
import type { Service } from '../src/api/service.ts';
import { APP_MEDIA_PATH, recordingResponse } from './media.ts';

/**
 * The renderer is served from app://thematic/ rather than file://, so it has a real origin
 * (CSP 'self', no access to the rest of the disk) and IPC can check who is calling.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'thematic';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** Registered before `app.ready`: standard + secure gives the scheme an origin and secure context. */
export const appScheme: CustomScheme = {
  scheme: APP_SCHEME,
  // stream: media elements read linked recordings from app://thematic/media/<id> in ranges.
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true, stream: true },
};

/** True for any URL on our own origin (the only place the renderer may live). */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && !u.username && !u.password;
  } catch {
    return false;
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

const HEADERS = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
};

function reply(status: number, body: string | Uint8Array, type = 'text/plain; charset=utf-8'): Response {
  return new Response(status === 204 ? null : (body as BodyInit), { status, headers: { ...HEADERS, 'content-type': type } });
}

async function isFile(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isFile();
  } catch {
    return false;
  }
}

/**
 * The app:// handler: serves files under `root` (renderer/dist) and nothing else. Requests
 * for other hosts, non-GET methods, encoded "..", backslashes, NUL bytes, or anything that
 * resolves (symlinks included) outside root are refused.
 */
export function appRequestHandler(root: string, service: () => Service | null = () => null): (request: Request) => Promise<Response> {
  const base = path.resolve(root);
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return reply(400, 'bad request');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return reply(403, 'forbidden');
    if (request.method !== 'GET' && request.method !== 'HEAD') return reply(405, 'GET only');
    // A linked recording of the open project, by document id (never by path).
    const media = APP_MEDIA_PATH.exec(url.pathname);
    if (media) return recordingResponse(service(), Number(media[1]), request);
    // Encoded slashes have no use in our asset paths and only serve to smuggle "../".
    if (/%(2f|5c)/i.test(url.pathname)) return reply(400, 'bad request');
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname);
    } catch {
      return reply(400, 'bad request');
    }
    const segments = rel.split('/');
    if (rel.includes('\\') || rel.includes('\0') || segments.includes('..')) return reply(403, 'forbidden');
    if (rel === '/' || rel === '') rel = '/index.html';
    const file = path.resolve(base, '.' + path.posix.normalize(rel));
    if (!file.startsWith(base + path.sep)) return reply(403, 'forbidden');
    const index = path.join(base, 'index.html');
    let target = file;
    if (!(await isFile(target))) {
      // Client-side routes (no extension) get the app; missing assets are a plain 404.
      if (path.extname(rel) && file !== index) return reply(404, 'not found');
      target = index;
    }
    if (!(await isFile(target))) {
      return reply(503, 'The user interface is not built yet: run `npm run build` (npm start does this for you).');
    }
    try {
      const [real, realBase] = await Promise.all([fs.realpath(target), fs.realpath(base)]);
      if (!real.startsWith(realBase + path.sep)) return reply(403, 'forbidden');
      const data = await fs.readFile(real);
      return reply(
        200,
        request.method === 'HEAD' ? new Uint8Array() : new Uint8Array(data),
        TYPES[path.extname(real)] ?? 'application/octet-stream',
      );
    } catch {
      return reply(404, 'not found');
    }
  };
}
