import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../store/open.ts';
import type { Tx } from '../../store/operations.ts';
import { stmt } from '../../store/changes.ts';
import { ThematicError } from '../../core/errors.ts';
import { nowIso } from '../../store/rows.ts';
import { clock, sha256File, sha256FileSync, statFile, type Probe } from './probe.ts';
import { interpolateTurnTimes, SyncError, type SyncPoint } from './sync.ts';

export interface RecordingRow {
  id: number;
  document_id: number;
  path: string;
  file_name: string;
  size: number;
  mtime_ms: number;
  sha256: string;
  duration: number;
  container: string;
  codec: string;
  kind: 'audio' | 'video';
  mime: string;
  copied: number;
  linked_at: string;
}

export type RecordingStatus = 'ok' | 'missing' | 'changed';

export interface Recording {
  documentId: number;
  document: string;
  fileName: string;
  path: string;
  size: number;
  sha256: string;
  duration: number;
  container: string;
  codec: string;
  kind: 'audio' | 'video';
  mime: string;
  copied: boolean;
  linkedAt: string;
  status: RecordingStatus;
  problem: string | null;
}

const projectDir = (projectPath: string) => path.dirname(path.resolve(projectPath));

/** The folder beside the project that attached and copied recordings go into: `study-media/` for `study.thematic`. */
export const mediaFolder = (projectPath: string) =>
  path.join(projectDir(projectPath), `${path.basename(projectPath).replace(/\.thematic$/i, '')}-media`);

/** Stored path → absolute path. Stored paths are relative to the project's folder, with `/`. */
export const recordingFile = (projectPath: string, stored: string) => path.resolve(projectDir(projectPath), ...stored.split('/'));

function storedPath(projectPath: string, file: string): string {
  const rel = path.relative(projectDir(projectPath), path.resolve(file));
  return path.isAbsolute(rel) ? path.resolve(file) : rel.split(path.sep).join('/');
}

export function recordingRow(db: Db, documentId: number): RecordingRow | undefined {
  return stmt(db, 'SELECT * FROM recordings WHERE document_id = ?').get(documentId) as RecordingRow | undefined;
}

/** The latest turn start of a document, in seconds (null for an untimed transcript). */
export function lastTurnTime(db: Db, documentId: number): number | null {
  return (stmt(db, 'SELECT MAX(time_start) AS t FROM turns WHERE document_id = ?').get(documentId) as { t: number | null }).t;
}

function documentName(db: Db, documentId: number): string {
  const d = stmt(db, 'SELECT name FROM documents WHERE id = ?').get(documentId) as { name: string } | undefined;
  if (!d) throw new ThematicError('not_found', `document ${documentId} does not exist`);
  return d.name;
}

/** Refuses a recording that ends before the transcript's last timestamp: it is not this interview's recording, or it is cut short. */
export function checkFits(db: Db, documentId: number, p: Pick<Probe, 'fileName' | 'duration'>): void {
  const last = lastTurnTime(db, documentId);
  if (last !== null && p.duration + 0.5 < last) {
    throw new ThematicError(
      'too_short',
      `${p.fileName}: the recording lasts ${clock(p.duration)} but the transcript of ${documentName(db, documentId)} has a turn at ${clock(last)}; it is not this interview's recording, or it is cut short. Nothing was linked`,
    );
  }
}

/**
 * Links a probed recording to a document (replacing any earlier link), inside one operation so
 * it can be undone. The one entry point for every way in: attach, the CLI, import, REFI-QDA.
 */
export function linkRecording(tx: Tx, projectPath: string, documentId: number, p: Probe, opts: { copied?: boolean } = {}): Recording {
  documentName(tx.db, documentId);
  checkFits(tx.db, documentId, p);
  const old = recordingRow(tx.db, documentId);
  if (old) tx.delete('recordings', [{ id: old.id }]);
  tx.insert('recordings', {
    document_id: documentId,
    path: storedPath(projectPath, p.file),
    file_name: p.fileName,
    size: p.size,
    mtime_ms: p.mtimeMs,
    sha256: p.sha256,
    duration: p.duration,
    container: p.container,
    codec: p.codec,
    kind: p.kind,
    mime: p.mime,
    copied: opts.copied ? 1 : 0,
    linked_at: nowIso(),
  });
  return getRecording(tx.db, projectPath, documentId)!;
}

export function unlinkRecording(tx: Tx, documentId: number): boolean {
  const old = recordingRow(tx.db, documentId);
  if (old) tx.delete('recordings', [{ id: old.id }]);
  return !!old;
}

/** Whether the linked file is still where it was and the same size and age. A stat only: opening a document never reads the recording. */
function statusOf(projectPath: string, r: RecordingRow): { status: RecordingStatus; problem: string | null } {
  const file = recordingFile(projectPath, r.path);
  const st = statFile(file);
  if (!st)
    return { status: 'missing', problem: `${r.file_name}: not found at ${file}; it was moved or deleted. Re-link it, or attach it again` };
  if (st.size !== r.size)
    return {
      status: 'changed',
      problem: `${r.file_name}: the file at ${file} has changed since it was linked (${r.size} bytes then, ${st.size} now); re-link it to accept the new file`,
    };
  return { status: 'ok', problem: null };
}

function toRecording(db: Db, projectPath: string, r: RecordingRow): Recording {
  return {
    documentId: r.document_id,
    document: documentName(db, r.document_id),
    fileName: r.file_name,
    path: r.path,
    size: r.size,
    sha256: r.sha256,
    duration: r.duration,
    container: r.container,
    codec: r.codec,
    kind: r.kind,
    mime: r.mime,
    copied: !!r.copied,
    linkedAt: r.linked_at,
    ...statusOf(projectPath, r),
  };
}

export function getRecording(db: Db, projectPath: string, documentId: number): Recording | null {
  const r = recordingRow(db, documentId);
  return r ? toRecording(db, projectPath, r) : null;
}

export function listRecordings(db: Db, projectPath: string): Recording[] {
  return (stmt(db, 'SELECT * FROM recordings ORDER BY document_id').all() as RecordingRow[]).map((r) => toRecording(db, projectPath, r));
}

/**
 * Where a linked recording is now: its stored place if the file there has the recorded SHA-256,
 * else a file of the same name and size beside the project, in its media folder or in a
 * `recordings/` folder there, whose SHA-256 matches (the project and its recordings were moved together).
 */
export async function findRecording(projectPath: string, r: RecordingRow): Promise<string | null> {
  const dir = projectDir(projectPath);
  const candidates = [
    recordingFile(projectPath, r.path),
    path.join(dir, r.file_name),
    path.join(mediaFolder(projectPath), r.file_name),
    path.join(dir, 'recordings', r.file_name),
  ];
  for (const c of [...new Set(candidates)]) {
    const st = statFile(c);
    if (st && st.size === r.size && (await sha256File(c)) === r.sha256) return c;
  }
  return null;
}

/** Points a link at the file's new place (same content), keeping everything else. */
export function moveLink(tx: Tx, projectPath: string, documentId: number, file: string): void {
  const r = recordingRow(tx.db, documentId)!;
  const st = statFile(file)!;
  tx.update('recordings', { id: r.id }, { path: storedPath(projectPath, file), mtime_ms: st.mtimeMs });
}

/** Turn times from sync points (see interpolateTurnTimes), saved on the document's turns; one undoable change. */
export function setSyncPoints(tx: Tx, documentId: number, points: SyncPoint[], duration: number): number {
  const name = documentName(tx.db, documentId);
  const turns = stmt(tx.db, 'SELECT id, idx, start, end, time_start, time_end FROM turns WHERE document_id = ? ORDER BY idx').all(
    documentId,
  ) as { id: number; idx: number; start: number; end: number; time_start: number | null; time_end: number | null }[];
  const len = (stmt(tx.db, 'SELECT char_length AS n FROM documents WHERE id = ?').get(documentId) as { n: number }).n;
  let times;
  try {
    times = interpolateTurnTimes(turns, points, duration, len);
  } catch (e) {
    if (e instanceof SyncError) throw new ThematicError('invalid_input', `${name}: ${e.message}; no times were changed`);
    throw e;
  }
  const byIdx = new Map(turns.map((t) => [t.idx, t]));
  let changed = 0;
  for (const t of times) {
    const row = byIdx.get(t.idx)!;
    if (row.time_start === t.timeStart && row.time_end === t.timeEnd) continue;
    tx.update('turns', { id: row.id }, { time_start: t.timeStart, time_end: t.timeEnd });
    changed++;
  }
  return changed;
}

/** The current start and end times of a document's turns, by turn index (null where untimed). */
export function turnTimes(db: Db, documentId: number): { idx: number; timeStart: number | null; timeEnd: number | null }[] {
  return stmt(db, 'SELECT idx, time_start AS timeStart, time_end AS timeEnd FROM turns WHERE document_id = ? ORDER BY idx').all(
    documentId,
  ) as { idx: number; timeStart: number | null; timeEnd: number | null }[];
}

export interface CodingTime {
  codingId: number;
  documentId: number;
  timeStart: number;
  timeEnd: number | null;
}

/** The time range of codings on timed transcripts: from the start of the turn the coding starts in to the end of the turn it ends in. */
export function codingTimes(db: Db, codingIds: number[]): CodingTime[] {
  const out: CodingTime[] = [];
  const get = stmt(db, 'SELECT id, document_id, start, end FROM codings WHERE id = ?');
  const turnAt = stmt(db, 'SELECT time_start, time_end FROM turns WHERE document_id = ? AND start <= ? ORDER BY start DESC LIMIT 1');
  for (const id of codingIds) {
    const c = get.get(id) as { id: number; document_id: number; start: number; end: number } | undefined;
    if (!c) continue;
    const first = turnAt.get(c.document_id, c.start) as { time_start: number | null; time_end: number | null } | undefined;
    if (first?.time_start == null) continue;
    const last = turnAt.get(c.document_id, c.end - 1) as { time_start: number | null; time_end: number | null } | undefined;
    out.push({
      codingId: c.id,
      documentId: c.document_id,
      timeStart: first.time_start,
      timeEnd: last?.time_end ?? last?.time_start ?? null,
    });
  }
  return out;
}

/** Copies a recording into the project's media folder (never over a different file of the same name); returns the copy's path. */
export function copyIntoMediaFolder(projectPath: string, file: string, sha256: string, name = path.basename(file)): string {
  const dir = mediaFolder(projectPath);
  fs.mkdirSync(dir, { recursive: true });
  const target = freeName(dir, name, sha256);
  if (path.resolve(target) !== path.resolve(file) && !fs.existsSync(target)) fs.copyFileSync(file, target);
  return target;
}

/** `name` in `dir`, or `name (2)` … when another file is already there under that name; an identical file is reused. */
export function freeName(dir: string, name: string, sha256: string): string {
  const ext = path.extname(name),
    base = path.basename(name, ext).replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_') || 'recording';
  for (let k = 1; ; k++) {
    const p = path.join(dir, k === 1 ? `${base}${ext}` : `${base} (${k})${ext}`);
    if (!fs.existsSync(p) || sha256FileSync(p) === sha256) return p;
  }
}

/** The documents that have a recording. */
export function documentsWithRecording(db: Db): Set<number> {
  return new Set((stmt(db, 'SELECT document_id FROM recordings').all() as { document_id: number }[]).map((r) => r.document_id));
}
