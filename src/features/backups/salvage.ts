import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { openProject, checkpointAndClose, type Db } from '../../store/open.ts';
import { ThematicError } from '../../core/errors.ts';

export interface SalvageReport {
  out: string;
  method: 'sqlite3 .recover' | 'row-by-row copy';
  /** Why `.recover` was not used, when it was not. */
  recoverUnavailable?: string;
  tables: { table: string; rows: number; unreadable: boolean }[];
  /** Rows dropped because what they refer to was lost (a coding of a lost document, ...). */
  orphansRemoved: { table: string; rows: number }[];
  integrity: string;
  lines: string[];
}

const SKIP = /^(sqlite_|turn_fts)/;

/**
 * Salvages what is readable of a damaged project into a new project file: SQLite's `.recover`
 * (through the sqlite3 command-line tool, when it is installed and built with it), else a
 * row-by-row copy of every readable row of every table into a fresh project. Rows whose parent
 * was lost are dropped, the search index is rebuilt, and the result must pass integrity_check.
 * The damaged file is only read (from a private copy).
 */
export function salvage(damaged: string, out: string, opts: { sqlite3?: string } = {}): SalvageReport {
  if (!fs.existsSync(damaged)) throw new ThematicError('not_found', `${damaged}: no such file`);
  if (fs.existsSync(out)) throw new ThematicError('exists', `${out} already exists; salvage into a new file`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'thematic-salvage-'));
  const copy = path.join(work, 'damaged.thematic');
  fs.copyFileSync(damaged, copy); // never its -wal: a damaged pair is read as the file alone
  padTruncated(copy);
  const tmpOut = `${out}.salvaging`;
  fs.rmSync(tmpOut, { force: true });
  try {
    const viaCli = recoverWithCli(copy, tmpOut, work, opts.sqlite3 ?? 'sqlite3');
    const report = viaCli.ok ? finishRecovered(tmpOut) : copyRows(copy, tmpOut);
    if (!viaCli.ok) report.recoverUnavailable = viaCli.why;
    fs.renameSync(tmpOut, out);
    report.out = out;
    report.lines = describe(report, damaged);
    return report;
  } catch (e) {
    for (const f of [tmpOut, tmpOut + '-wal', tmpOut + '-shm']) fs.rmSync(f, { force: true });
    if (e instanceof ThematicError) throw e;
    throw new ThematicError('salvage_failed', `${damaged}: nothing could be salvaged (${(e as Error).message})`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** A truncated copy is padded with empty pages to the size its header records, so SQLite reads what is left. */
function padTruncated(copy: string): void {
  const head = Buffer.alloc(100);
  const fd = fs.openSync(copy, 'r');
  try {
    fs.readSync(fd, head, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  const pageSize = head.readUInt16BE(16) === 1 ? 65536 : head.readUInt16BE(16);
  if (!pageSize) return;
  const size = fs.statSync(copy).size;
  const want = Math.max(head.readUInt32BE(28) * pageSize, Math.ceil(size / pageSize) * pageSize);
  if (want > size && want < 2 ** 40) fs.truncateSync(copy, want);
}

function recoverWithCli(copy: string, tmpOut: string, work: string, sqlite3: string): { ok: true } | { ok: false; why: string } {
  const sql = path.join(work, 'recovered.sql');
  const fd = fs.openSync(sql, 'w');
  let r;
  try {
    r = spawnSync(sqlite3, [copy, '.recover'], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
  } finally {
    fs.closeSync(fd);
  }
  if (r.error) return { ok: false, why: `the sqlite3 command-line tool is not installed (${(r.error as Error).message})` };
  if (r.status !== 0 || r.stderr.trim())
    return { ok: false, why: `sqlite3 .recover failed: ${r.stderr.trim().split('\n')[0] || `exit ${r.status}`}` };
  const input = fs.openSync(sql, 'r');
  try {
    r = spawnSync(sqlite3, [tmpOut], { stdio: [input, 'ignore', 'pipe'], encoding: 'utf8' });
  } finally {
    fs.closeSync(input);
  }
  if (r.status !== 0) return { ok: false, why: `the recovered SQL did not load: ${r.stderr.trim().split('\n')[0]}` };
  return { ok: true };
}

/** A project rebuilt by `.recover`: drop what cannot stand, rebuild the index, check. */
function finishRecovered(tmpOut: string): SalvageReport {
  const db = openProject(tmpOut);
  try {
    const tables = userTables(db).map((t) => ({ table: t, rows: count(db, t), unreadable: false }));
    const lost = db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'lost_and_found'").get() ? count(db, 'lost_and_found') : 0;
    if (lost) tables.push({ table: 'lost_and_found', rows: lost, unreadable: true });
    return finish(db, 'sqlite3 .recover', tables);
  } finally {
    checkpointAndClose(db);
  }
}

/** Every readable row of every table of the damaged file, into a fresh project. */
function copyRows(copy: string, tmpOut: string): SalvageReport {
  let src: Db;
  try {
    src = new Database(copy, { fileMustExist: true });
    src.prepare('SELECT name FROM sqlite_schema').all();
  } catch (e) {
    throw new ThematicError(
      'salvage_failed',
      `${copy}: its table of contents (page 1) cannot be read (${(e as Error).message}); nothing is salvageable by Thematic`,
    );
  }
  const db = openProject(tmpOut, { create: true });
  try {
    db.pragma('foreign_keys = OFF');
    const srcTables = new Set(
      (src.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name),
    );
    const tables: SalvageReport['tables'] = [];
    for (const t of userTables(db)) {
      if (!srcTables.has(t)) continue;
      const cols = (db.pragma(`table_info("${t}")`) as { name: string }[]).map((c) => c.name);
      const have = new Set((src.pragma(`table_info("${t}")`) as { name: string }[]).map((c) => c.name));
      const shared = cols.filter((c) => have.has(c));
      const list = shared.map((c) => `"${c}"`).join(', ');
      const ins = db.prepare(`INSERT OR IGNORE INTO "${t}" (${list}) VALUES (${shared.map(() => '?').join(', ')})`);
      const { rows, unreadable } = db.transaction(() => readAround(src, t, list, (row) => ins.run(...row)))();
      tables.push({ table: t, rows, unreadable });
    }
    return finish(db, 'row-by-row copy', tables);
  } finally {
    src.close();
    checkpointAndClose(db);
  }
}

/**
 * Reads a table in rowid order; where a damaged page stops the scan, it resumes past the bad range
 * (probing ever further ahead), so the rows after a torn page are kept too.
 */
function readAround(src: Db, table: string, list: string, put: (row: unknown[]) => void): { rows: number; unreadable: boolean } {
  if (src.prepare('SELECT 1 FROM pragma_table_list WHERE name = ? AND wr = 1').get(table)) {
    let rows = 0; // WITHOUT ROWID: read in key order as far as it goes
    try {
      for (const row of src.prepare(`SELECT ${list} FROM "${table}"`).raw().iterate() as Iterable<unknown[]>) {
        put(row);
        rows++;
      }
      return { rows, unreadable: false };
    } catch {
      return { rows, unreadable: true };
    }
  }
  let last = -Infinity,
    rows = 0,
    unreadable = false,
    jump = 1;
  const q = src.prepare(`SELECT rowid AS __r, ${list} FROM "${table}" WHERE rowid > ? ORDER BY rowid`).raw();
  for (let tries = 0; tries < 64; tries++) {
    try {
      for (const row of q.iterate(last === -Infinity ? -(2 ** 53) : last) as Iterable<unknown[]>) {
        last = Number(row[0]);
        put(row.slice(1));
        rows++;
        jump = 1;
      }
      return { rows, unreadable };
    } catch {
      unreadable = true;
      if (last === -Infinity) last = 0;
      last += jump;
      jump *= 2;
    }
  }
  return { rows, unreadable };
}

function finish(db: Db, method: SalvageReport['method'], tables: SalvageReport['tables']): SalvageReport {
  const orphans = new Map<string, number>();
  db.exec('BEGIN');
  for (let round = 0; round < 10; round++) {
    const bad = db.pragma('foreign_key_check') as { table: string; rowid: number }[];
    if (!bad.length) break;
    for (const b of bad) {
      db.prepare(`DELETE FROM "${b.table}" WHERE rowid = ?`).run(b.rowid);
      orphans.set(b.table, (orphans.get(b.table) ?? 0) + 1);
    }
  }
  // The search index is rebuilt from the salvaged turns and texts.
  db.exec("INSERT INTO turn_fts (turn_fts) VALUES ('delete-all')");
  const add = db.prepare('INSERT INTO turn_fts (rowid, text) VALUES (?, ?)');
  const texts = new Map((db.prepare('SELECT id, text FROM documents').all() as { id: number; text: string }[]).map((d) => [d.id, d.text]));
  for (const t of db.prepare('SELECT id, document_id, start, end FROM turns').all() as {
    id: number;
    document_id: number;
    start: number;
    end: number;
  }[]) {
    add.run(t.id, (texts.get(t.document_id) ?? '').slice(t.start, t.end));
  }
  db.exec('COMMIT');
  db.pragma('foreign_keys = ON');
  const integrity = String(db.pragma('integrity_check', { simple: true }));
  if (integrity !== 'ok') throw new Error(`the salvaged project fails integrity_check: ${integrity}`);
  for (const t of tables) t.rows = t.table === 'lost_and_found' ? t.rows : count(db, t.table);
  return { out: '', method, tables, orphansRemoved: [...orphans].map(([table, rows]) => ({ table, rows })), integrity, lines: [] };
}

const userTables = (db: Db) =>
  (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY rootpage").all() as { name: string }[])
    .map((r) => r.name)
    .filter((n) => !SKIP.test(n) && n !== 'lost_and_found');
const count = (db: Db, t: string) => (db.prepare(`SELECT COUNT(*) AS n FROM "${t}"`).get() as { n: number }).n;

function describe(r: SalvageReport, damaged: string): string[] {
  const lines = [
    `Salvaged ${path.basename(damaged)} into ${r.out} by ${r.method}${r.recoverUnavailable ? ` (${r.recoverUnavailable})` : ''}.`,
  ];
  for (const t of r.tables)
    lines.push(`  ${t.table}: ${t.rows} row${t.rows === 1 ? '' : 's'}${t.unreadable ? ' (part of this table was unreadable)' : ''}`);
  for (const o of r.orphansRemoved)
    lines.push(`  dropped ${o.rows} ${o.table} row${o.rows === 1 ? '' : 's'} whose document, code or parent was lost`);
  lines.push(`The salvaged project passes integrity_check. The damaged file was not changed.`);
  return lines;
}
