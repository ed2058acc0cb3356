import fs from 'node:fs';
import type http from 'node:http';
import type { Service } from '../api/service.ts';
import { recordingPart } from '../api/media-serve.ts';

/** `/media/<documentId>`: the path the web mode serves a document's recording on. */
export const MEDIA_PATH = /^\/media\/(\d{1,12})(?:\?|$)/;

export { parseRange } from '../api/media-serve.ts';

/**
 * Serves the recording linked to a document of the open project, with HTTP Range so the media
 * element seeks without the file being read whole. Only a linked file can be reached: the URL names
 * a document, never a path. A file that is missing or no longer the size it was linked at is refused.
 */
export function serveRecording(service: Service, documentId: number, req: http.IncomingMessage, res: http.ServerResponse): void {
  const plain = (status: number, text: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers }).end(text);
  };
  if (req.method !== 'GET' && req.method !== 'HEAD') return plain(405, 'GET only');
  const part = recordingPart(service, documentId, req.headers.range);
  if (!part.ok) return plain(part.status, part.text, part.headers);
  const { file, start, end } = part;
  const headers: Record<string, string> = {
    'content-type': part.mime,
    'accept-ranges': 'bytes',
    'cache-control': 'no-store',
    'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(part.fileName)}`,
    'content-length': String(end - start + 1),
  };
  if (part.partial) headers['content-range'] = `bytes ${start}-${end}/${part.size}`;
  res.writeHead(part.partial ? 206 : 200, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = fs.createReadStream(file, { start, end, highWaterMark: 256 * 1024 });
  stream.on('error', () => res.destroy());
  res.on('close', () => stream.destroy());
  stream.pipe(res);
}
