import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { Service } from '../src/api/service.ts';
import { recordingPart } from '../src/api/media-serve.ts';

/** app://thematic/media/<documentId>: the document's linked recording, with Range, as the web mode serves it. */
export const APP_MEDIA_PATH = /^\/media\/(\d{1,12})$/;

export function recordingResponse(service: Service | null, documentId: number, request: Request): Response {
  const text = (status: number, body: string, headers: Record<string, string> = {}) =>
    new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers } });
  if (!service) return text(404, 'no project is open');
  const part = recordingPart(service, documentId, request.headers.get('range') ?? undefined);
  if (!part.ok) return text(part.status, part.text, part.headers);
  const { file, start, end } = part;
  const headers: Record<string, string> = {
    'content-type': part.mime,
    'accept-ranges': 'bytes',
    'content-length': String(end - start + 1),
  };
  if (part.partial) headers['content-range'] = `bytes ${start}-${end}/${part.size}`;
  const body = request.method === 'HEAD' ? null : (Readable.toWeb(fs.createReadStream(file, { start, end })) as ReadableStream);
  return new Response(body, { status: part.partial ? 206 : 200, headers });
}
