import type { Service } from './service.ts';
import { recordingFile } from '../features/media/queries.ts';
import { statFile } from '../features/media/probe.ts';

export interface ByteRange {
  start: number;
  end: number;
}

/** One `bytes=` range of a file of `size` bytes; null when absent or a multi-range, 'bad' when unsatisfiable. */
export function parseRange(header: string | undefined, size: number): ByteRange | null | 'bad' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return header.includes(',') ? null : 'bad';
  let start: number, end: number;
  if (m[1] === '') {
    const n = Number(m[2]);
    if (!n) return 'bad';
    start = Math.max(0, size - n);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || end < start) return 'bad';
  return { start, end };
}

export type RecordingPart =
  | { ok: false; status: number; text: string; headers?: Record<string, string> }
  | { ok: true; file: string; fileName: string; mime: string; size: number; start: number; end: number; partial: boolean };

/**
 * What to send for a document's linked recording and a Range header, for the web mode and Electron
 * alike. Only a linked file can be reached (the URL names a document, never a path); a file that is
 * missing or no longer the size it was linked at is refused.
 */
export function recordingPart(service: Service, documentId: number, rangeHeader: string | undefined): RecordingPart {
  const r = service.recordingOf(documentId);
  if (!r) return { ok: false, status: 404, text: `document ${documentId} has no recording` };
  const file = recordingFile(service.path, r.path);
  const st = statFile(file);
  if (!st) return { ok: false, status: 404, text: `${r.file_name}: not found; it was moved or deleted` };
  if (st.size !== r.size) return { ok: false, status: 409, text: `${r.file_name}: the file has changed since it was linked; re-link it` };
  const range = parseRange(rangeHeader, st.size);
  if (range === 'bad') return { ok: false, status: 416, text: 'range not satisfiable', headers: { 'content-range': `bytes */${st.size}` } };
  const { start, end } = range ?? { start: 0, end: st.size - 1 };
  return { ok: true, file, fileName: r.file_name, mime: r.mime, size: st.size, start, end, partial: range !== null };
}
