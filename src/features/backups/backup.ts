import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { Db } from '../../store/open.ts';
import { ThematicError } from '../../core/errors.ts';
import { backupFolder, backupSettings, stamp, type BackupSettings } from '../../lib/backup-paths.ts';

/** What a backup holds, read from the backup itself. */
export interface BackupSummary {
  name: string;
  file: string;
  at: string;
  bytes: number;
  counts: Counts;
  /** The project's last operation when the backup was taken: equal marks mean nothing changed. */
  mark: string;
}
export interface Counts {
  documents: number;
  codes: number;
  codings: number;
  themes: number;
  participants: number;
  memos: number;
}

const COUNTED = ['documents', 'codes', 'codings', 'themes', 'participants', 'memos'] as const;
const NAME = /^(.+)-(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z)\.thematic$/;

/** Where the last change of a project stands: the newest operation and how many are undone. */
export function changeMark(db: Db): string {
  const r = db.prepare("SELECT COALESCE(MAX(id), 0) AS id, COUNT(*) FILTER (WHERE state = 'undone') AS undone FROM operations").get() as {
    id: number;
    undone: number;
  };
  return `${r.id}/${r.undone}`;
}

export function countRows(db: Db): Counts {
  const out = {} as Counts;
  for (const t of COUNTED) out[t] = (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n;
  return out;
}

/** Backups of the project, newest first (names only: nothing is opened). */
export function backupFiles(projectAbs: string, settings = backupSettings()): { name: string; file: string; at: Date }[] {
  const dir = backupFolder(projectAbs, settings);
  const base = path.basename(projectAbs).replace(/\.thematic$/i, '');
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  } // none yet (or something else has that name)
  return names
    .flatMap((name) => {
      const m = NAME.exec(name);
      if (!m || m[1] !== base) return [];
      const at = new Date(m[2].replace(/T(\d\d)-(\d\d)-(\d\d)/, 'T$1:$2:$3'));
      return [{ name, file: path.join(dir, name), at }];
    })
    .sort((a, b) => b.at.getTime() - a.at.getTime());
}

/** Opens a backup (or any project copy) for reading, checking that it is a Thematic project. */
export function readBackup(file: string, nativeBinding?: string): Db {
  let db: Db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
    if (db.pragma('application_id', { simple: true }) !== 0x54484d41) throw new Error('not a Thematic project');
    db.prepare('SELECT COUNT(*) FROM operations').get();
  } catch (e) {
    throw new ThematicError('bad_backup', `${path.basename(file)}: not a readable Thematic backup (${(e as Error).message})`);
  }
  return db;
}

export function summarise(file: string): BackupSummary {
  const db = readBackup(file);
  try {
    const m = NAME.exec(path.basename(file));
    const at = m ? m[2].replace(/T(\d\d)-(\d\d)-(\d\d)/, 'T$1:$2:$3') : fs.statSync(file).mtime.toISOString();
    return { name: path.basename(file), file, at, bytes: fs.statSync(file).size, counts: countRows(db), mark: changeMark(db) };
  } finally {
    db.close();
  }
}

/** What differs between two project states, in words: "+2 documents (P03, P04); -1 code (Old); +340 codings". */
export function describeChanges(before: Db, after: Db): string[] {
  const out: string[] = [];
  const named: [string, string, string][] = [
    ['documents', 'name', 'document'],
    ['codes', 'name', 'code'],
    ['themes', 'name', 'theme'],
    ['participants', 'label', 'participant'],
  ];
  for (const [table, col, noun] of named) {
    const names = (db: Db) =>
      new Map((db.prepare(`SELECT id, ${col} AS n FROM ${table}`).all() as { id: number; n: string }[]).map((r) => [r.id, r.n]));
    const a = names(before),
      b = names(after);
    const added = [...b].filter(([id]) => !a.has(id)).map(([, n]) => n);
    const removed = [...a].filter(([id]) => !b.has(id)).map(([, n]) => n);
    const renamed = [...b].filter(([id, n]) => a.has(id) && a.get(id) !== n).map(([id, n]) => `${a.get(id)} → ${n}`);
    const list = (xs: string[]) => ` (${xs.slice(0, 5).join(', ')}${xs.length > 5 ? `, … ${xs.length - 5} more` : ''})`;
    const plural = (n: number) => `${n} ${noun}${n === 1 ? '' : 's'}`;
    if (added.length) out.push(`+${plural(added.length)}${list(added)}`);
    if (removed.length) out.push(`-${plural(removed.length)}${list(removed)}`);
    if (renamed.length) out.push(`renamed ${plural(renamed.length)}${list(renamed)}`);
  }
  for (const t of ['codings', 'memos'] as const) {
    const n = (db: Db) => (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n;
    const d = n(after) - n(before);
    if (d) out.push(`${d > 0 ? '+' : ''}${d} ${t.slice(0, -1)}${Math.abs(d) === 1 ? '' : 's'}`);
  }
  const ops = (db: Db) => (db.prepare('SELECT COALESCE(MAX(id), 0) AS n FROM operations').get() as { n: number }).n;
  const d = ops(after) - ops(before);
  if (!out.length) out.push(d ? `${d} operation${d === 1 ? '' : 's'}, no change in what is counted` : 'no change');
  return out;
}

export interface BackupResult {
  ok: true;
  backup: BackupSummary;
  pruned: string[];
}

/**
 * Writes a backup with SQLite's online backup API (a consistent snapshot while the project stays
 * open; a few hundred pages per step, so calls in between are not held up), checks the copy in a
 * worker thread (quick_check, counts), and only then gives it its name and prunes older ones.
 * A failed backup leaves no file behind and prunes nothing.
 */
export async function writeBackup(
  db: Db,
  projectAbs: string,
  settings: BackupSettings = backupSettings(),
  nativeBinding?: string,
): Promise<BackupResult> {
  const dir = backupFolder(projectAbs, settings);
  const base = path.basename(projectAbs).replace(/\.thematic$/i, '');
  let name = `${base}-${stamp()}.thematic`;
  while (fs.existsSync(path.join(dir, name))) name = `${base}-${stamp(new Date(Date.now() + 1))}.thematic`;
  const final = path.join(dir, name);
  const partial = `${final}.partial`;
  try {
    fs.mkdirSync(dir, { recursive: true });
    await db.backup(partial, { progress: () => PAGES_PER_STEP });
    const check = await checkInWorker(partial, nativeBinding);
    if (check.result !== 'ok') throw new Error(`the copy failed its check: ${check.result}`);
    fs.renameSync(partial, final);
    const backup: BackupSummary = {
      name,
      file: final,
      at: name.replace(NAME, '$2').replace(/T(\d\d)-(\d\d)-(\d\d)/, 'T$1:$2:$3'),
      bytes: fs.statSync(final).size,
      counts: check.counts,
      mark: check.mark,
    };
    return { ok: true, backup, pruned: prune(projectAbs, settings) };
  } catch (e) {
    for (const f of [partial, partial + '-journal', partial + '-wal', partial + '-shm']) {
      try {
        fs.rmSync(f, { force: true });
      } catch {
        /* the folder itself could not be made */
      }
    }
    const msg = (e as Error).message;
    throw new ThematicError(
      /ENOSPC|full/i.test(msg) ? 'disk_full' : 'backup_failed',
      `${path.basename(projectAbs)}: the backup into ${dir} failed (${msg}); the existing backups were kept and the project is unchanged.`,
    );
  }
}

export const PAGES_PER_STEP = 256;

/**
 * Keeps the newest `keepLast` backups plus the newest of each day for the last `keepDays` days
 * (UTC); deletes the rest. Returns the names deleted.
 */
export function prune(projectAbs: string, settings = backupSettings(), now = new Date()): string[] {
  const all = backupFiles(projectAbs, settings);
  const keep = new Set(all.slice(0, settings.keepLast).map((b) => b.name));
  const days = new Set<string>();
  for (const b of all) {
    const day = b.at.toISOString().slice(0, 10);
    if (now.getTime() - b.at.getTime() > settings.keepDays * 86_400_000 || days.has(day)) continue;
    days.add(day);
    keep.add(b.name);
  }
  const gone = all.filter((b) => !keep.has(b.name));
  for (const b of gone) fs.rmSync(b.file, { force: true });
  return gone.map((b) => b.name);
}

// The check runs in a worker so a large project's quick_check does not hold up the app's calls.
// It also turns the copy into a one-file (rollback journal) database, so it opens anywhere read-only.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
try {
  const Database = require(workerData.module);
  const db = new Database(workerData.file, { nativeBinding: workerData.nativeBinding });
  db.pragma('journal_mode = DELETE');
  const result = db.pragma('quick_check', { simple: true });
  const counts = {};
  for (const t of workerData.counted) counts[t] = db.prepare('SELECT COUNT(*) AS n FROM ' + t).get().n;
  const r = db.prepare("SELECT COALESCE(MAX(id), 0) AS id, COUNT(*) FILTER (WHERE state = 'undone') AS undone FROM operations").get();
  db.close();
  parentPort.postMessage({ result, counts, mark: r.id + '/' + r.undone });
} catch (e) { parentPort.postMessage({ result: String(e && e.message || e) }); }
`;

function checkInWorker(file: string, nativeBinding?: string): Promise<{ result: string; counts: Counts; mark: string }> {
  const module = createRequire(import.meta.url).resolve('better-sqlite3');
  return new Promise((resolve, reject) => {
    const w = new Worker(WORKER, { eval: true, workerData: { file, module, nativeBinding, counted: COUNTED } });
    w.once('message', (m) => {
      resolve(m);
      void w.terminate();
    });
    w.once('error', reject);
    w.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the check stopped (exit ${code})`));
    });
  });
}

/**
 * A backup as a new project file. `out` must not exist unless `force`; replacing the current
 * project is left to the caller (the CLI backs it up first).
 */
export function restoreBackup(backupFile: string, out: string, force = false): BackupSummary {
  const summary = summarise(backupFile);
  const check = readBackup(backupFile);
  try {
    const r = check.pragma('quick_check', { simple: true });
    if (r !== 'ok')
      throw new ThematicError('bad_backup', `${path.basename(backupFile)}: the backup is damaged (${r}); nothing was restored`);
  } finally {
    check.close();
  }
  if (fs.existsSync(out) && !force) {
    throw new ThematicError('exists', `${out} already exists; restore to a new file name, or add --force to replace it`);
  }
  const tmp = `${out}.restoring`;
  fs.copyFileSync(backupFile, tmp);
  const fd = fs.openSync(tmp, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  for (const f of [out + '-wal', out + '-shm']) fs.rmSync(f, { force: true });
  fs.renameSync(tmp, out);
  return summary;
}
