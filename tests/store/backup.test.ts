// Issue 13: automatic backups (online backup API, checked, pruned), `thematic backups`, `thematic restore`.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it, beforeAll } from 'vitest';
import Database from 'better-sqlite3';
import { Service } from '../../src/api/service.ts';
import { backupFiles, prune, writeBackup } from '../../src/features/backups/backup.ts';
import { backupSettings, stamp } from '../../src/lib/backup-paths.ts';
import { locationWarning } from '../../src/lib/location.ts';
import { runCli } from '../helpers/cli.ts';
import { tmpDir, importText, INTERVIEW } from '../helpers/project.ts';
import { dbOf } from '../helpers/db.ts';

beforeAll(() => {
  process.env.THEMATIC_BACKUPS = 'on';
});
const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');
const settings = (over: Partial<ReturnType<typeof backupSettings>> = {}) => ({ ...backupSettings({}), ...over });

async function smallStudy(): Promise<string> {
  const file = path.join(tmpDir(), 'study.thematic');
  const s = Service.open(file, { create: true });
  const d = await importText(s, 'first.txt', INTERVIEW, 'P4');
  const c = await s.call('codes.create', { name: 'Advocacy' });
  await s.call('codings.create', { documentId: d.id, codeId: c.id, coder: 'A', start: 0, end: 20 });
  s.close();
  return file;
}

describe('writing a backup', () => {
  it('snapshots the open project into backups/, checked, as one file that opens read-only', async () => {
    const file = await smallStudy();
    const s = Service.open(file);
    const r = await writeBackup(dbOf(s), s.path, settings());
    s.close();
    expect(path.dirname(r.backup.file)).toBe(path.join(path.dirname(file), 'backups'));
    expect(r.backup.name).toMatch(/^study-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z\.thematic$/);
    expect(r.backup.counts).toMatchObject({ documents: 1, codes: 1, codings: 1 });
    expect(fs.readdirSync(path.dirname(r.backup.file))).toEqual([r.backup.name]); // no -wal, no .partial
    const b = new Database(r.backup.file, { readonly: true });
    expect(b.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(b.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((b.prepare('SELECT name FROM codes').get() as { name: string }).name).toBe('Advocacy');
    b.close();
  });

  it('a failed backup is reported and leaves the good backups as they were', async () => {
    const file = await smallStudy();
    const s = Service.open(file);
    const good = await writeBackup(dbOf(s), s.path, settings());
    const before = sha(good.backup.file);
    // A backup folder that cannot be made (a file stands in its way).
    const blocked = path.join(path.dirname(file), 'blocked');
    fs.writeFileSync(blocked, 'x');
    await expect(writeBackup(dbOf(s), s.path, settings({ dir: 'blocked/inner' }))).rejects.toThrow(
      /study\.thematic: the backup into .*blocked.inner failed \(.*\); the existing backups were kept and the project is unchanged/,
    );
    // The backup's own check fails (a copy that is not sound): nothing is named, nothing pruned.
    await expect(writeBackup(dbOf(s), s.path, settings({ keepLast: 1, keepDays: 0 }), '/nonexistent/binding.node')).rejects.toThrow(
      /the backup into .* failed/,
    );
    s.close();
    expect(backupFiles(file).map((b) => b.name)).toEqual([good.backup.name]);
    expect(fs.readdirSync(path.join(path.dirname(file), 'backups'))).toEqual([good.backup.name]);
    expect(sha(good.backup.file)).toBe(before);
  });
});

describe('automatic backups', () => {
  it('on open when the newest is older than the interval, and on close, only when the project changed', async () => {
    const file = await smallStudy();
    const auto = settings();
    let s = Service.open(file, { autoBackup: auto });
    await s.backups!.settle();
    expect(backupFiles(file).length).toBe(1); // none yet: one on open
    await s.closeWithBackup();
    expect(backupFiles(file).length).toBe(1); // nothing changed since
    s = Service.open(file, { autoBackup: auto });
    await s.backups!.settle();
    expect(backupFiles(file).length).toBe(1); // the newest is recent
    await importText(s, 'second.txt', INTERVIEW + '\n\nP4: A second interview.');
    await s.closeWithBackup();
    expect(backupFiles(file).length).toBe(2); // the session's change, on close
    s = Service.open(file, { autoBackup: { ...auto, intervalMs: 0 } });
    await s.backups!.settle();
    expect(backupFiles(file).length).toBe(2); // due, but nothing changed
    await s.call('history.undo', {});
    await s.closeWithBackup();
    expect(backupFiles(file).length).toBe(3); // an undo is a change
    expect(s.backups!.problems).toEqual([]);
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(['backups', 'study.thematic']);
  });

  it('a backup that fails is reported through the CLI and the command still succeeds', async () => {
    const file = await smallStudy();
    fs.writeFileSync(path.join(path.dirname(file), 'backups'), 'a file where the folder should be');
    const err: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((s: string) => {
      err.push(String(s));
      return true;
    }) as typeof process.stderr.write;
    let r;
    try {
      r = await runCli(['codes', file]);
    } finally {
      process.stderr.write = write;
    }
    expect(r.code).toBe(0);
    expect(err.join('')).toMatch(/thematic: warning: study\.thematic: the backup into .*backups failed/);
  });

  it('keeps the last N plus the newest of each of the last 14 days', async () => {
    const file = await smallStudy();
    const s = Service.open(file);
    const real = (await writeBackup(dbOf(s), s.path, settings())).backup.file;
    s.close();
    const dir = path.dirname(real);
    const now = new Date('2026-12-03T12:00:00Z');
    const made: string[] = [];
    // 3 a day for 20 days back, plus 12 in the last hour.
    for (let day = 0; day < 20; day++)
      for (const h of [1, 5, 9]) made.push(stamp(new Date(now.getTime() - day * 86_400_000 - h * 3_600_000)));
    for (let m = 1; m <= 12; m++) made.push(stamp(new Date(now.getTime() - m * 60_000)));
    fs.rmSync(real);
    for (const st of made) fs.copyFileSync(path.join(path.dirname(file), 'study.thematic'), path.join(dir, `study-${st}.thematic`));
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a backup');
    prune(file, settings(), now);
    const kept = backupFiles(file).map((b) => b.at.toISOString());
    const newest10 = made
      .map((m) => new Date(m.replace(/T(\d\d)-(\d\d)-(\d\d)/, 'T$1:$2:$3')))
      .sort((a, b) => b.getTime() - a.getTime())
      .slice(0, 10)
      .map((d) => d.toISOString());
    for (const n of newest10) expect(kept).toContain(n);
    const days = new Set(kept.map((k) => k.slice(0, 10)));
    expect(days.size).toBe(14); // the 14 days up to now (the backups 14 days and 1 hour old are gone)
    expect(kept.length).toBe(10 + 13); // the last 10 are all from today, plus one for each of the 13 days before
    expect(kept.every((k) => now.getTime() - new Date(k).getTime() <= 14 * 86_400_000)).toBe(true);
    expect(fs.existsSync(path.join(dir, 'notes.txt'))).toBe(true);
  });
});

describe('thematic backups / backup / restore', () => {
  it('lists time, size, counts and what changed since the previous backup', async () => {
    const file = await smallStudy();
    expect((await runCli(['backups', file])).out).toMatch(/No backups yet in .*backups/);
    expect((await runCli(['backup', file])).out).toMatch(/Backed up to .*backups.study-.*\.thematic \(\d+\.\d MB, checked\)/);
    const s = Service.open(file);
    await importText(s, 'second.txt', INTERVIEW + '\n\nP5: A second interview.', 'P5');
    await s.call('codes.create', { name: 'Trust' });
    s.close();
    await new Promise((r) => setTimeout(r, 5));
    expect((await runCli(['backup', file])).code).toBe(0);
    const r = await runCli(['backups', file]);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^backup\s+time \(UTC\)\s+size\s+documents\s+codes\s+codings\s+changes since the previous$/);
    expect(lines[1]).toMatch(
      /^study-.*\.thematic\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+\d+\.\d MB\s+2\s+2\s+1\s+\+1 document \(second\); \+1 code \(Trust\); \+1 participant \(P5\)$/,
    );
    expect(lines[2]).toMatch(/\s1\s+1\s+1\s+first backup$/);
    const json = JSON.parse((await runCli(['backups', file, '--json'])).out);
    expect(json.backups[0].counts).toMatchObject({ documents: 2, codes: 2, codings: 1 });
  });

  it('restores as a new file, never over the current project without --force', async () => {
    const file = await smallStudy();
    await runCli(['backup', file]);
    const name = backupFiles(file)[0].name;
    const s = Service.open(file);
    await importText(s, 'later.txt', INTERVIEW + '\n\nP4: Later.');
    s.close();
    const current = sha(file);
    const r = await runCli(['restore', file, name]);
    expect(r.code, r.err).toBe(0);
    const restored = r.out.match(/ as (.*)$/)![1];
    expect(path.basename(restored)).toMatch(/^study-restored-\d{4}-.*Z\.thematic$/);
    expect(r.out).toMatch(/Restored study-.*\.thematic \(1 documents, 1 codes, 1 codings\)/);
    const t = Service.open(restored);
    expect((await t.call('documents.list', {})).map((d) => d.name)).toEqual(['first']);
    t.close();
    expect((await runCli(['restore', file, name])).err).toMatch(/already exists; restore to a new file name, or add --force/);
    const over = await runCli(['restore', file, name, '--out', file]);
    expect(over.code).toBe(2);
    expect(over.err).toMatch(
      /is the current project; a backup is restored as a new file \(give another --out\), or over the project only with --force/,
    );
    expect(sha(file)).toBe(current);
    expect((await runCli(['restore', file, 'nope.thematic'])).err).toMatch(/nope\.thematic: no such backup/);
    const forced = await runCli(['restore', file, name, '--out', file, '--force']);
    expect(forced.code, forced.err).toBe(0);
    expect(forced.out).toMatch(/Backed up the current project first/);
    const u = Service.open(file);
    expect((await u.call('documents.list', {})).map((d) => d.name)).toEqual(['first']);
    u.close();
    // The replaced state is itself a backup, so even --force loses nothing.
    const newest = new Database(backupFiles(file)[0].file, { readonly: true });
    expect((newest.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n).toBe(2);
    newest.close();
  });
});

describe('network and sync folders', () => {
  const mounts = [
    { dir: '/', type: 'ext4' },
    { dir: '/mnt/lab', type: 'nfs4' },
    { dir: '/home/r/remote', type: 'fuse.sshfs' },
    { dir: '/srv/share', type: 'cifs' },
  ];
  it('warns for NFS, SMB and FUSE mounts and Dropbox/OneDrive folders, not for a local disk', () => {
    expect(locationWarning('/mnt/lab/study.thematic', mounts)).toMatch(
      /^study\.thematic is on a network file system \(nfs4 at \/mnt\/lab\), where file locking is unreliable/,
    );
    expect(locationWarning('/home/r/remote/x/study.thematic', mounts)).toMatch(/fuse\.sshfs/);
    expect(locationWarning('/srv/share/study.thematic', mounts)).toMatch(/cifs/);
    expect(locationWarning('/home/r/Dropbox/phd/study.thematic', mounts)).toMatch(/^study\.thematic is in a Dropbox folder/);
    expect(locationWarning('C:\\Users\\r\\OneDrive - Uni\\study.thematic', mounts)).toMatch(/OneDrive - Uni folder/);
    expect(locationWarning('/home/r/phd/study.thematic', mounts)).toBeNull();
    expect(locationWarning('/mnt/labx/study.thematic', mounts)).toBeNull();
  });
});
