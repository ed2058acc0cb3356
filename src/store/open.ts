import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { LATEST_VERSION, migrate } from './migrations/index.ts';
import { ThematicError } from '../core/errors.ts';
import { backupFolder, stamp } from '../lib/backup-paths.ts';
import { damage, damagedError, truncation } from './health.ts';

export type Db = Database.Database;

export const APPLICATION_ID = 0x54484d41; // 'THMA': marks a file as a Thematic project

export interface OpenOptions {
  /** Create the file when it does not exist. */
  create?: boolean;
  /** Also make an existing empty file (0 bytes, or an SQLite file with nothing in it) a project: `thematic new` only. */
  claimEmpty?: boolean;
  /** better-sqlite3 native addon path: Electron and Node each need their own build. */
  nativeBinding?: string;
}

/**
 * Opens (or creates) a project file. The file is checked before anything is written:
 * a project from a newer version, a file that is not a Thematic project (an empty file, another
 * program's database), or a -wal that does not belong to the file is refused untouched.
 * A file or folder that cannot be written opens read-only, for viewing (see `isReadOnly`).
 *
 * One process owns a project at a time: it holds an exclusive lock on `<file>-lock` for as long
 * as the connection is open, so a second window or process gets a clear "already open" error
 * instead of racing on the file (the OS releases the lock if the process dies). The project file
 * itself uses SQLite's normal WAL locking, so the owner's own worker threads can open their own
 * connections to it (see openJobConnection) and read while the main connection writes. A reader
 * that ignores the lock file (an older Thematic, which opens with locking_mode=EXCLUSIVE) is still
 * refused: every open connection holds a shared lock on the file.
 */
export function openProject(file: string, opts: OpenOptions = {}): Db {
  const abs = path.resolve(file);
  const exists = fs.existsSync(abs);
  if (!exists && !opts.create) {
    throw new ThematicError('not_found', `${file}: no such project file`);
  }
  const fresh = !exists || fs.statSync(abs).size === 0;
  if (!exists && !fs.existsSync(path.dirname(abs))) {
    throw new ThematicError('not_found', `${file}: the folder ${path.dirname(abs)} does not exist`);
  }
  if (exists && !writable(abs)) {
    // Viewing only: nothing can be written, so no claim is taken (none could be written beside it).
    inspectExisting(abs, file, opts);
    return openReadOnly(abs, file, opts);
  }
  const lock = acquireLock(abs, file, opts);
  let db: Db;
  try {
    if (exists) inspectExisting(abs, file, opts);
    try {
      db = new Database(abs, { timeout: 0, nativeBinding: opts.nativeBinding });
    } catch (e) {
      throw new ThematicError('open_failed', `${file}: cannot open (${(e as Error).message})`);
    }
  } catch (e) {
    lock.release();
    throw e;
  }
  try {
    db.pragma('journal_mode = WAL');
    db.exec('BEGIN IMMEDIATE; COMMIT;');
  } catch (e) {
    db.close();
    lock.release();
    if (String((e as Error).message).match(/locked|busy/i)) throw lockedError(file);
    throw describeOpenFailure(e, file);
  }
  const hurt = damage(db, abs, file);
  if (hurt) {
    db.close();
    lock.release();
    throw damagedError(hurt, abs);
  }
  releaseOnClose(db, lock);
  db.pragma('foreign_keys = ON');
  // FULL: a commit is on disk (the WAL is synced) before the call returns, so acknowledged work
  // survives a power loss, not only a crash of the app.
  db.pragma('synchronous = FULL');
  // Checkpoints copy the WAL back into the file: the service runs them when the researcher pauses
  // (see Service), so this limit is only a backstop against an ever-growing WAL.
  db.pragma('wal_autocheckpoint = 10000');
  if (fresh) db.pragma(`application_id = ${APPLICATION_ID}`);
  try {
    migrate(db);
    checkpointAndStamp(db);
  } catch (e) {
    db.close();
    throw describeOpenFailure(mapWriteError(e, file), file);
  }
  return db;
}

const lockedError = (file: string) =>
  new ThematicError('locked', `${file}: the project is open in another window or process; close it there first`);

interface Lock {
  release(): void;
}

/**
 * The process's claim on a project: an SQLite file `<project>-lock` held with an exclusive lock
 * (a byte-range lock the OS drops when the process ends, so a crash leaves no stale claim). The
 * file is removed on release, before the lock is let go, so nobody can lock a file about to vanish.
 */
function acquireLock(abs: string, file: string, opts: OpenOptions): Lock {
  const lockFile = `${abs}-lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    let lock: Db;
    try {
      lock = new Database(lockFile, { timeout: 0, nativeBinding: opts.nativeBinding });
    } catch (e) {
      throw new ThematicError('open_failed', `${file}: cannot create its lock file ${path.basename(lockFile)} (${(e as Error).message})`);
    }
    try {
      lock.pragma('locking_mode = EXCLUSIVE');
      lock.pragma('journal_mode = MEMORY');
      lock.exec('BEGIN EXCLUSIVE; COMMIT;');
    } catch (e) {
      lock.close();
      if (String((e as Error).message).match(/locked|busy/i)) throw lockedError(file);
      throw new ThematicError('open_failed', `${file}: cannot lock (${(e as Error).message})`);
    }
    // The previous owner removes the file as it lets go: a lock on a removed file claims nothing.
    if (fs.existsSync(lockFile)) {
      return {
        release: () => {
          fs.rmSync(lockFile, { force: true });
          lock.close();
        },
      };
    }
    lock.close();
  }
  throw lockedError(file);
}

/** Closing the project connection also gives up the process's claim on it. */
function releaseOnClose(db: Db, lock: Lock): void {
  const close = db.close.bind(db);
  db.close = () => {
    if (db.open) {
      close();
      lock.release();
    }
    return db;
  };
}

/**
 * A second connection to a project this process already holds open (with openProject): for a
 * worker thread running long work. It takes no claim of its own, runs no migration, and waits
 * (instead of failing) when the main connection is mid-write.
 */
export function openJobConnection(file: string, opts: OpenOptions = {}): Db {
  const db = new Database(file, { fileMustExist: true, timeout: 10_000, nativeBinding: opts.nativeBinding });
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = FULL');
  db.pragma('wal_autocheckpoint = 10000');
  if (db.pragma('user_version', { simple: true }) !== LATEST_VERSION) {
    db.close();
    throw new ThematicError('open_failed', `${file}: the project's schema changed while a job was starting`);
  }
  return db;
}

/** True when the project was opened for viewing only (its file or folder cannot be written). */
export const isReadOnly = (db: Db): boolean => db.readonly;

/** Folds the WAL into the project file and empties it, so the project is one file at rest. */
export function checkpointAndClose(db: Db): void {
  if (db.open && !db.readonly) {
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      /* closing checkpoints again */
    }
  }
  db.close();
}

function writable(abs: string): boolean {
  try {
    fs.accessSync(abs, fs.constants.W_OK);
    fs.accessSync(path.dirname(abs), fs.constants.W_OK); // the -wal is created beside the file
    return true;
  } catch {
    return false;
  }
}

/**
 * A file or folder we may not write: SQLite cannot open a WAL project read-only in place (it needs
 * the -shm/-wal beside it), so the bytes are read into memory and opened there, read-only.
 */
function openReadOnly(abs: string, file: string, opts: OpenOptions): Db {
  const wal = abs + '-wal';
  if (fs.existsSync(wal) && fs.statSync(wal).size > 0) {
    throw new ThematicError(
      'read_only',
      `${file}: the project is read-only and has unsaved work in ${path.basename(wal)} that can only be merged with write access; make the file and its folder writable and open it again. Nothing was changed.`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(abs);
  } catch (e) {
    throw new ThematicError('open_failed', `${file}: cannot read (${(e as Error).message})`);
  }
  bytes[18] = 1;
  bytes[19] = 1; // the in-memory copy is not in WAL mode (the file is untouched)
  const db = new Database(bytes, { readonly: true, nativeBinding: opts.nativeBinding });
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version < LATEST_VERSION) {
    db.close();
    throw new ThematicError(
      'read_only',
      `${file}: the project is read-only and was made by an older version of Thematic (schema ${version}); it must be upgraded, which needs write access. Nothing was changed.`,
    );
  }
  db.pragma('foreign_keys = ON');
  return db;
}

function inspectExisting(abs: string, file: string, opts: OpenOptions): void {
  const size = fs.statSync(abs).size;
  if (size === 0) {
    if (opts.claimEmpty) return;
    throw new ThematicError(
      'not_a_project',
      `${file}: not a Thematic project (the file is empty, 0 bytes); create a project with "thematic new". The file was not changed.`,
    );
  }
  // Read the header directly: a version check must not create -wal/-shm files or take locks.
  const head = Buffer.alloc(100);
  const fd = fs.openSync(abs, 'r');
  try {
    fs.readSync(fd, head, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (size < 100 || head.toString('latin1', 0, 16) !== 'SQLite format 3\0') {
    throw new ThematicError('not_a_project', `${file}: not a Thematic project (not an SQLite file)`);
  }
  const cut = truncation(abs, file, head);
  if (cut) throw damagedError(cut, abs);
  let version = head.readUInt32BE(60);
  let appId = head.readUInt32BE(68);
  let schemaCookie = head.readUInt32BE(40);
  const wal = abs + '-wal';
  if (fs.existsSync(wal) && fs.statSync(wal).size > 0) {
    // Left by a crash (or held by another process): check that the pair belongs together on a
    // copy, and read the header through it, before SQLite merges the WAL into the file.
    ({ version, appId, schemaCookie } = checkWalPair(abs, file, opts, head));
  }
  if (appId === 0 && version === 0 && schemaCookie !== 0) {
    throw new ThematicError(
      'not_a_project',
      `${file}: not a Thematic project (an SQLite database of another program, application id 0); the file was not changed.`,
    );
  }
  if (appId === 0 && version === 0 && !opts.claimEmpty) {
    throw new ThematicError(
      'not_a_project',
      `${file}: not a Thematic project (an empty SQLite database); create a project with "thematic new". The file was not changed.`,
    );
  }
  if (appId !== APPLICATION_ID && !(appId === 0 && version === 0)) {
    throw new ThematicError('not_a_project', `${file}: not a Thematic project (application id ${appId})`);
  }
  if (version > LATEST_VERSION) {
    throw new ThematicError(
      'newer_version',
      `${file}: made by a newer version of Thematic (schema ${version}; this version reads up to ${LATEST_VERSION}). Update Thematic to open it; the file was not changed.`,
    );
  }
}

/**
 * A -wal beside the file is merged into it by the first connection, and SQLite cannot tell a WAL
 * left by this file's own crash from one left beside another file (a project replaced, restored or
 * synced while its -wal stayed). So the pair is first merged on a private copy and checked there;
 * if the copy is not a sound Thematic project the pair is refused and both files stay as they are.
 */
function checkWalPair(
  abs: string,
  file: string,
  opts: OpenOptions,
  head: Buffer,
): { version: number; appId: number; schemaCookie: number } {
  probeLock(abs, file, opts);
  const walName = path.basename(abs) + '-wal';
  const foreign = (why: string) => {
    const saved = saveDamagedPair(abs);
    return new ThematicError(
      'foreign_wal',
      `${file}: its ${walName} does not belong to this project file (${why}); both files were left untouched${saved ? ` and copied to ${saved}` : ''}. Put back the project file the -wal came from, or move ${walName} away to open the file as it was last saved.`,
    );
  };
  const walHead = Buffer.alloc(32);
  const fd = fs.openSync(abs + '-wal', 'r');
  try {
    fs.readSync(fd, walHead, 0, 32, 0);
  } finally {
    fs.closeSync(fd);
  }
  const magic = walHead.readUInt32BE(0);
  const pageSize = (n: number) => (n === 1 ? 65536 : n);
  if (magic !== 0x377f0682 && magic !== 0x377f0683) throw foreign('it is not an SQLite WAL');
  if (walHead.readUInt32BE(8) !== pageSize(head.readUInt16BE(16))) throw foreign('its page size differs');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thematic-walcheck-'));
  const copy = path.join(dir, 'p.thematic');
  let probe: Db | undefined;
  try {
    fs.copyFileSync(abs, copy);
    probe = new Database(copy, { timeout: 0, nativeBinding: opts.nativeBinding });
    const stamp = pairStamp(probe);
    probe.close();
    const chain = walStamps(abs + '-wal', walHead);
    if (chain.size && !chain.has(stamp ?? 'none')) throw foreign('it was written after another save of a project file than this one');
    fs.copyFileSync(abs + '-wal', copy + '-wal');
    probe = new Database(copy, { timeout: 0, nativeBinding: opts.nativeBinding });
    const out = {
      version: probe.pragma('user_version', { simple: true }) as number,
      appId: probe.pragma('application_id', { simple: true }) as number,
      schemaCookie: probe.pragma('schema_version', { simple: true }) as number,
    };
    const check = probe.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw foreign(`merged, they fail SQLite's check: ${String(check).slice(0, 120)}`);
    if (out.appId === APPLICATION_ID && (probe.pragma('foreign_key_check') as unknown[]).length)
      throw foreign('merged, rows refer to rows that are not there');
    return out;
  } catch (e) {
    if (e instanceof ThematicError) throw e;
    throw foreign(`merged, ${(e as Error).message}`);
  } finally {
    probe?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/*
 * Pairing a WAL with its file. Before the first change after each checkpoint that empties the WAL,
 * the session writes one row, "thematic-wal:<previous>><next>", into sqlite_stat1 (the planner ignores a row for a table
 * that does not exist). So the file says <previous> and a WAL that grew from it starts with a frame
 * holding "thematic-wal:<previous>>": a WAL whose first stamp names another value follows another file.
 */
const PAIR_ROW = 'thematic_wal_pair';

function pairStamp(db: Db): string | null {
  const has = db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_stat1'").get();
  const row = has ? (db.prepare('SELECT stat FROM sqlite_stat1 WHERE tbl = ?').get(PAIR_ROW) as { stat: string } | undefined) : undefined;
  return row ? row.stat.slice(row.stat.indexOf('>') + 1) : null;
}

const unstamped = new WeakSet<Db>();

/** Empties the WAL into the file; the next write stamps the WAL that follows (see above). */
export function checkpointAndStamp(db: Db): void {
  const [r] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number }[];
  if (r && r.busy === 0 && r.log === 0) unstamped.add(db); // only a WAL that starts again gets a new first stamp
}

/** Before the first write after an emptying checkpoint: the stamp goes first into the WAL. */
export function stampBeforeWrite(db: Db): void {
  if (!unstamped.has(db) || db.readonly) return;
  unstamped.delete(db);
  const next = randomBytes(12).toString('hex');
  db.transaction(() => {
    if (!db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_stat1'").get()) db.exec('ANALYZE sqlite_schema');
    const prev = pairStamp(db) ?? 'none';
    db.prepare('DELETE FROM sqlite_stat1 WHERE tbl = ?').run(PAIR_ROW);
    db.prepare('INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, NULL, ?)').run(PAIR_ROW, `thematic-wal:${prev}>${next}`);
  })();
}

/**
 * Every value named by the stamps in the WAL's current frames. The file's own value is among them
 * when the WAL grew from it (a checkpoint may have copied part of the WAL back already).
 */
function walStamps(walFile: string, walHead: Buffer): Set<string> {
  const pageSize = walHead.readUInt32BE(8);
  const bytes = fs.readFileSync(walFile);
  let end = 32;
  while (
    end + 24 + pageSize <= bytes.length &&
    bytes.readUInt32BE(end + 8) === walHead.readUInt32BE(16) &&
    bytes.readUInt32BE(end + 12) === walHead.readUInt32BE(20)
  )
    end += 24 + pageSize;
  const out = new Set<string>();
  const valid = bytes.subarray(0, end);
  for (let at = valid.indexOf('thematic-wal:'); at >= 0; at = valid.indexOf('thematic-wal:', at + 1)) {
    const m = /^(\w+)>(\w+)/.exec(valid.toString('latin1', at + 13, at + 13 + 64));
    if (m) {
      out.add(m[1]);
      out.add(m[2]);
    }
  }
  return out;
}

/** Another process holding the project answers "locked" to a read; that is checked before any copy. */
function probeLock(abs: string, file: string, opts: OpenOptions): void {
  const shm = abs + '-shm';
  const hadShm = fs.existsSync(shm);
  let probe: Db | undefined;
  try {
    probe = new Database(abs, { readonly: true, fileMustExist: true, timeout: 0, nativeBinding: opts.nativeBinding });
    probe.pragma('application_id');
  } catch (e) {
    if (String((e as Error).message).match(/locked|busy/i)) throw lockedError(file);
  } finally {
    probe?.close();
    if (!hadShm) fs.rmSync(shm, { force: true });
  }
}

/** Raw copies of a refused file pair, into the project's backups folder; null when that fails. */
function saveDamagedPair(abs: string): string | null {
  try {
    const dir = path.join(backupFolder(abs), `unmerged-${stamp()}`);
    fs.mkdirSync(dir, { recursive: true });
    for (const f of [abs, abs + '-wal']) fs.copyFileSync(f, path.join(dir, path.basename(f)));
    return dir;
  } catch {
    return null;
  }
}

/** Why an open failed, in one sentence naming the file (damage is told apart from other faults). */
function describeOpenFailure(e: unknown, file: string): Error {
  if (e instanceof ThematicError) return e;
  const code = (e as { code?: string })?.code ?? '';
  if (/^SQLITE_(CORRUPT|NOTADB)/.test(code)) {
    return damagedError(`${file} is damaged: ${(e as Error).message}.`, path.resolve(file));
  }
  return new ThematicError('open_failed', `${file}: cannot open (${(e as Error).message})`);
}

/** Turns SQLite's write failures into messages that say what happened to the researcher's data. */
export function mapWriteError(e: unknown, file = 'project'): Error {
  if (e instanceof ThematicError) return e; // already says what happened, and to which file
  const msg = String((e as Error)?.message ?? e);
  const code = (e as { code?: string })?.code ?? '';
  if (code === 'SQLITE_FULL' || /disk is full|database or disk is full/i.test(msg)) {
    return new ThematicError('disk_full', `${file}: the disk is full; nothing was changed (free some space and try again)`);
  }
  if (/^SQLITE_(CORRUPT|NOTADB)/.test(code)) {
    return new ThematicError('damaged', `${file} is damaged: ${msg}; close the project and open it again to see what can be recovered.`);
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return new ThematicError('read_only', `${file}: the project file is read-only; nothing was changed`);
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || /database disk image is malformed|file is not a database/i.test(msg)) {
    return new ThematicError(
      'damaged',
      `${file}: the project file is damaged (${msg}); nothing was changed. Open a backup or an earlier copy of it`,
    );
  }
  return e instanceof Error ? e : new Error(msg);
}
