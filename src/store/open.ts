import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { LATEST_VERSION, migrate } from './migrations/index.ts';
import { ThematicError } from './errors.ts';

export type Db = Database.Database;

export const APPLICATION_ID = 0x54484d41; // 'THMA': marks a file as a Thematic project

export interface OpenOptions {
  create?: boolean;
  /** better-sqlite3 native addon path: Electron and Node each need their own build. */
  nativeBinding?: string;
}

/**
 * Opens (or creates) a project file. The file is checked before anything is written:
 * a project from a newer version, or a file that is not a Thematic project, is refused untouched.
 * The connection holds an exclusive lock for its lifetime, so a second window or process
 * gets a clear "already open" error instead of racing on the file.
 */
export function openProject(file: string, opts: OpenOptions = {}): Db {
  const abs = path.resolve(file);
  const exists = fs.existsSync(abs);
  if (!exists && !opts.create) {
    throw new ThematicError('not_found', `${file}: no such project file`);
  }
  if (exists) inspectExisting(abs, file, opts);
  if (!exists && !fs.existsSync(path.dirname(abs))) {
    throw new ThematicError('not_found', `${file}: the folder ${path.dirname(abs)} does not exist`);
  }
  let db: Db;
  try {
    db = new Database(abs, { timeout: 0, nativeBinding: opts.nativeBinding });
  } catch (e) {
    throw new ThematicError('open_failed', `${file}: cannot open (${(e as Error).message})`);
  }
  try {
    // EXCLUSIVE before the first WAL access: no shared-memory index, and the lock stays
    // with this connection until it closes (released by the OS if the process dies).
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    db.exec('BEGIN EXCLUSIVE; COMMIT;');
  } catch (e) {
    db.close();
    if (String((e as Error).message).match(/locked|busy/i)) {
      throw new ThematicError('locked', `${file}: the project is open in another window or process; close it there first`);
    }
    throw new ThematicError('open_failed', `${file}: cannot open (${(e as Error).message})`);
  }
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  // Checkpoints copy the WAL back into the file: the service runs them when the researcher pauses
  // (see Service), so this limit is only a backstop against an ever-growing WAL.
  db.pragma('wal_autocheckpoint = 10000');
  if (!exists) db.pragma(`application_id = ${APPLICATION_ID}`);
  try {
    migrate(db);
  } catch (e) {
    db.close();
    throw mapWriteError(e, file);
  }
  return db;
}

function inspectExisting(abs: string, file: string, opts: OpenOptions): void {
  const size = fs.statSync(abs).size;
  if (size === 0) return; // an empty file becomes a new project
  // Read the header directly: a version check must not create -wal/-shm files or take locks.
  const head = Buffer.alloc(100);
  const fd = fs.openSync(abs, 'r');
  try { fs.readSync(fd, head, 0, 100, 0); } finally { fs.closeSync(fd); }
  if (size < 100 || head.toString('latin1', 0, 16) !== 'SQLite format 3\0') {
    throw new ThematicError('not_a_project', `${file}: not a Thematic project (not an SQLite file)`);
  }
  let version = head.readUInt32BE(60);
  let appId = head.readUInt32BE(68);
  const wal = abs + '-wal';
  if (fs.existsSync(wal) && fs.statSync(wal).size > 0) {
    // Left by a crash (or held by another process): the header may be stale, so ask SQLite.
    ({ version, appId } = probeWithSqlite(abs, file, opts));
  }
  if (appId !== APPLICATION_ID && !(appId === 0 && version === 0)) {
    throw new ThematicError('not_a_project', `${file}: not a Thematic project (application id ${appId})`);
  }
  if (version > LATEST_VERSION) {
    throw new ThematicError('newer_version',
      `${file}: made by a newer version of Thematic (schema ${version}; this version reads up to ${LATEST_VERSION}). Update Thematic to open it; the file was not changed.`);
  }
}

function probeWithSqlite(abs: string, file: string, opts: OpenOptions): { version: number; appId: number } {
  let probe: Db | undefined;
  try {
    probe = new Database(abs, { readonly: true, fileMustExist: true, timeout: 0, nativeBinding: opts.nativeBinding });
    return {
      version: probe.pragma('user_version', { simple: true }) as number,
      appId: probe.pragma('application_id', { simple: true }) as number,
    };
  } catch (e) {
    if (String((e as Error).message).match(/locked|busy/i)) {
      throw new ThematicError('locked', `${file}: the project is open in another window or process; close it there first`);
    }
    throw new ThematicError('open_failed', `${file}: cannot read (${(e as Error).message})`);
  } finally {
    probe?.close();
  }
}

/** Turns SQLite's write failures into messages that say what happened to the researcher's data. */
export function mapWriteError(e: unknown, file = 'project'): Error {
  const msg = String((e as Error)?.message ?? e);
  const code = (e as { code?: string })?.code ?? '';
  if (code === 'SQLITE_FULL' || /disk is full|database or disk is full/i.test(msg)) {
    return new ThematicError('disk_full', `${file}: the disk is full; nothing was changed (free some space and try again)`);
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return new ThematicError('read_only', `${file}: the project file is read-only; nothing was changed`);
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || /database disk image is malformed|file is not a database/i.test(msg)) {
    return new ThematicError('damaged', `${file}: the project file is damaged (${msg}); nothing was changed. Open a backup or an earlier copy of it`);
  }
  return e instanceof Error ? e : new Error(msg);
}
