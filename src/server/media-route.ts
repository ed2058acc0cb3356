import fs from 'node:fs';
import type http from 'node:http';
import type { Service } from '../api/service.ts';
import { recordingFile } from '../store/media.ts';
import { statFile } from '../media/probe.ts';

/** `/media/<documentId>`: the path the web mode serves a document's recording on. */
export const MEDIA_PATH = /^\/media\/(\d{1,12})(?:\?|$)/;

export interface ByteRange { start: number; end: number }

/** One `bytes=` range of a file of `size` bytes; null when absent or a multi-range, 'bad' when unsatisfiable. */
export function parseRange(header: string | undefined, size: number): ByteRange | null | 'bad' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return header.includes(',') ? null : 'bad';
  let start: number, end: number;
  if (m[1] === '') { const n = Number(m[2]); if (!n) return 'bad'; start = Math.max(0, size - n); end = size - 1; }
  else { start = Number(m[1]); end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1); }
  if (start >= size || end < start) return 'bad';
  return { start, end };
}

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
  const r = service.recordingOf(documentId);
  if (!r) return plain(404, `document ${documentId} has no recording`);
  const file = recordingFile(service.path, r.path);
  const st = statFile(file);
  if (!st) return plain(404, `${r.file_name}: not found; it was moved or deleted`);
  if (st.size !== r.size) return plain(409, `${r.file_name}: the file has changed since it was linked; re-link it`);
  const range = parseRange(req.headers.range, st.size);
  const headers: Record<string, string> = {
    'content-type': r.mime, 'accept-ranges': 'bytes', 'cache-control': 'no-store',
    'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(r.file_name)}`,
  };
  if (range === 'bad') return plain(416, 'range not satisfiable', { 'content-range': `bytes */${st.size}` });
  const { start, end } = range ?? { start: 0, end: st.size - 1 };
  if (range) headers['content-range'] = `bytes ${start}-${end}/${st.size}`;
  headers['content-length'] = String(end - start + 1);
  res.writeHead(range ? 206 : 200, headers);
  if (req.method === 'HEAD') { res.end(); return; }
  const stream = fs.createReadStream(file, { start, end, highWaterMark: 256 * 1024 });
  stream.on('error', () => res.destroy());
  res.on('close', () => stream.destroy());
  stream.pipe(res);
}
