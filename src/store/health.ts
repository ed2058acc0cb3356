import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { ThematicError } from '../core/errors.ts';
import { backupFolder } from '../lib/backup-paths.ts';

/** Projects up to this size get SQLite's quick_check on every open (about 5 ms a megabyte here). */
export const CHECK_ON_OPEN_BYTES = 64 * 2 ** 20;

/**
 * What is wrong with an opened project file, in one sentence naming it, or null when nothing is
 * found: a file shorter than its header says (truncated), then SQLite's quick_check (torn pages,
 * pages from different moments as in a copy made while the project was being written).
 */
export function truncation(abs: string, file: string, head: Buffer): string | null {
  const pageSize = head.readUInt16BE(16) === 1 ? 65536 : head.readUInt16BE(16);
  const size = fs.statSync(abs).size;
  const pages = head.readUInt32BE(28);
  const headerSizeValid = head.readUInt32BE(24) === head.readUInt32BE(92);
  // With a -wal beside it the file may lag its header until the WAL is merged: that is not damage.
  if (fs.existsSync(abs + '-wal') && fs.statSync(abs + '-wal').size > 0) return null;
  if (size % pageSize !== 0 || (headerSizeValid && pages * pageSize > size)) {
    return `${file} is truncated: it holds ${Math.floor(size / pageSize)} of the ${pages} pages its header records (${size} of ${pages * pageSize} bytes), so its end is missing.`;
  }
  return null;
}

/** SQLite's quick_check on an opened project, as one sentence naming the file; null when sound. */
export function damage(db: Database, abs: string, file: string): string | null {
  const size = fs.statSync(abs).size;
  if (size > CHECK_ON_OPEN_BYTES) return null; // checked by each backup instead, off the main thread
  try {
    const rows = (db.pragma('quick_check(20)') as { quick_check: string }[])
      .flatMap((r) => r.quick_check.split('\n'))
      .filter((l) => l && !l.startsWith('***'));
    if (rows.length === 1 && rows[0] === 'ok') return null;
    return `${file} is damaged: SQLite's check finds ${rows.length >= 20 ? '20 or more' : rows.length} problem${rows.length === 1 ? '' : 's'} in its pages (first: ${rows[0].slice(0, 160)}), as a torn write or a copy taken while the project was being written leaves.`;
  } catch (e) {
    return `${file} is damaged: ${(e as Error).message} (a torn write, a truncated file or a copy taken while the project was being written).`;
  }
}

/** The newest backup of a project that is a whole SQLite file, or null. */
export function newestBackup(abs: string): string | null {
  const dir = backupFolder(abs);
  const base = path.basename(abs).replace(/\.thematic$/i, '');
  let all: string[];
  try {
    all = fs.readdirSync(dir);
  } catch {
    return null;
  }
  const names = all
    .filter((n) => n.startsWith(base + '-') && n.endsWith('.thematic'))
    .sort()
    .reverse();
  for (const n of names) {
    const f = path.join(dir, n);
    const st = fs.statSync(f);
    if (st.size >= 512 && st.size % 512 === 0) return f;
  }
  return null;
}

/** The refusal for a damaged project: the sentence, then the two ways out. */
export function damagedError(sentence: string, abs: string): ThematicError {
  const backup = newestBackup(abs);
  const name = path.basename(abs);
  const offers = [
    backup
      ? `open its latest backup as a new project ("thematic restore ${name} ${path.basename(backup)}", or "restore as copy" on the project home)`
      : null,
    `salvage what is readable into a new project ("thematic salvage ${name} --out ${name.replace(/\.thematic$/i, '')}-salvaged.thematic")`,
  ].filter(Boolean);
  return new ThematicError('damaged', `${sentence} Nothing was changed. You can ${offers.join(', or ')}.`);
}
