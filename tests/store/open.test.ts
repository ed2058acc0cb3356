import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { openJobConnection, openProject } from '../../src/store/open.ts';
import { LATEST_VERSION } from '../../src/store/migrations/index.ts';
import { Service } from '../../src/api/service.ts';
import { tmpDir, importText, INTERVIEW } from '../helpers/project.ts';
import { dbOf } from '../helpers/db.ts';

const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');

describe('opening a project file', () => {
  it('creates a project with WAL, foreign keys and STRICT tables at the latest schema', () => {
    const file = path.join(tmpDir(), 'a.thematic');
    const db = openProject(file, { create: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    const tables = db
      .prepare(
        `SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'turn_fts_%'`,
      )
      .all() as { name: string; sql: string }[];
    expect(tables.length).toBeGreaterThan(5);
    for (const t of tables) expect(t.sql, t.name).toMatch(/STRICT/);
    db.close();
  });

  it('refuses a file made by a newer version and leaves it untouched', () => {
    const file = path.join(tmpDir(), 'newer.thematic');
    openProject(file, { create: true }).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_VERSION + 5}`);
    raw.close();
    const before = sha(file);
    expect(() => openProject(file)).toThrow(/newer version of Thematic.*schema \d+.*not changed/);
    expect(sha(file)).toBe(before);
    expect(fs.existsSync(file + '-wal')).toBe(false);
  });

  it('refuses a file that is not a project', () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'x.thematic'), 'hello, not a database');
    expect(() => openProject(path.join(dir, 'x.thematic'))).toThrow(/not a Thematic project/);
    const other = new Database(path.join(dir, 'other.db'));
    other.exec('CREATE TABLE t(x)');
    other.pragma('user_version = 3');
    other.close();
    expect(() => openProject(path.join(dir, 'other.db'))).toThrow(/not a Thematic project/);
    expect(() => openProject(path.join(dir, 'missing.thematic'))).toThrow(/no such project file/);
  });

  it('refuses a second connection in the same process while the first is open', () => {
    const file = path.join(tmpDir(), 'b.thematic');
    const first = openProject(file, { create: true });
    expect(() => openProject(file)).toThrow(/open in another window or process/);
    first.close();
    openProject(file).close();
  });

  it('refuses a project held open by another process, and both stay intact', async () => {
    const file = path.join(tmpDir(), 'c.thematic');
    const s = Service.open(file, { create: true });
    await importText(s, 'i.txt', INTERVIEW, 'P4');
    s.close();
    const holder = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `
      const { openProject } = await import(${JSON.stringify(path.resolve('src/store/open.ts'))});
      const db = openProject(${JSON.stringify(file)});
      console.log('held'); setTimeout(() => { db.close(); }, 60000);
      process.stdin.on('data', () => { db.close(); process.exit(0); });
    `,
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    await new Promise<void>((r) => holder.stdout!.once('data', () => r()));
    expect(() => openProject(file)).toThrow(/open in another window or process/);
    holder.stdin!.write('x');
    await new Promise((r) => holder.once('exit', r));
    const again = Service.open(file);
    expect((await again.call('documents.list', {})).length).toBe(1);
    expect(dbOf(again).pragma('integrity_check', { simple: true })).toBe('ok');
    again.close();
  });
  it('claims the project with <file>-lock: an older Thematic is refused too, a job connection is not, a crash leaves no claim', async () => {
    const file = path.join(tmpDir(), 'd.thematic');
    const s = Service.open(file, { create: true });
    await importText(s, 'i.txt', INTERVIEW, 'P4');
    expect(fs.existsSync(`${file}-lock`)).toBe(true);
    // An older Thematic opens with locking_mode=EXCLUSIVE and knows nothing of the lock file.
    const older = new Database(file, { timeout: 0 });
    older.pragma('locking_mode = EXCLUSIVE');
    expect(() => older.exec('BEGIN EXCLUSIVE; COMMIT;')).toThrow(/locked/);
    older.close();
    // This process's own worker threads read through a connection of their own.
    const job = openJobConnection(file);
    expect((job.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n).toBe(1);
    job.close();
    s.close();
    expect(fs.existsSync(`${file}-lock`)).toBe(false);
    // A process that dies holding the project leaves its lock file behind, but no claim.
    const holder = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `
      const { openProject } = await import(${JSON.stringify(path.resolve('src/store/open.ts'))});
      openProject(${JSON.stringify(file)});
      console.log('held'); setTimeout(() => {}, 60000);
    `,
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    await new Promise<void>((r) => holder.stdout!.once('data', () => r()));
    expect(() => openProject(file)).toThrow(/open in another window or process/);
    holder.kill('SIGKILL');
    await new Promise((r) => holder.once('exit', r));
    expect(fs.existsSync(`${file}-lock`)).toBe(true);
    const again = Service.open(file);
    expect((await again.call('documents.list', {})).length).toBe(1);
    again.close();
  });
});
