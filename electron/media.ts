import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { Service } from '../src/api/service.ts';
import { recordingFile } from '../src/store/media.ts';
import { statFile } from '../src/media/probe.ts';
import { parseRange } from '../src/server/media-route.ts';

/** app://thematic/media/<documentId>: the document's linked recording, with Range, as the web mode serves it. */
export const APP_MEDIA_PATH = /^\/media\/(\d{1,12})$/;

export function recordingResponse(service: Service | null, documentId: number, request: Request): Response {
  const text = (status: number, body: string, headers: Record<string, string> = {}) =>
    new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers } });
  if (!service) return text(404, 'no project is open');
  const r = service.recordingOf(documentId);
  if (!r) return text(404, `document ${documentId} has no recording`);
  const file = recordingFile(service.path, r.path);
  const st = statFile(file);
  if (!st) return text(404, `${r.file_name}: not found; it was moved or deleted`);
  if (st.size !== r.size) return text(409, `${r.file_name}: the file has changed since it was linked; re-link it`);
  const range = parseRange(request.headers.get('range') ?? undefined, st.size);
  if (range === 'bad') return text(416, 'range not satisfiable', { 'content-range': `bytes */${st.size}` });
  const { start, end } = range ?? { start: 0, end: st.size - 1 };
  const headers: Record<string, string> = { 'content-type': r.mime, 'accept-ranges': 'bytes', 'content-length': String(end - start + 1) };
  if (range) headers['content-range'] = `bytes ${start}-${end}/${st.size}`;
  const body = request.method === 'HEAD' ? null : Readable.toWeb(fs.createReadStream(file, { start, end })) as ReadableStream;
  return new Response(body, { status: range ? 206 : 200, headers });
}
