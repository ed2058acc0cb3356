// Issue 15 items 1, 2, 7 and 8: each reproduced exactly as the audit describes, through the CLI.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { Service } from '../../src/api/service.ts';
import { runCli } from '../helpers/cli.ts';
import { tmpDir, importText, INTERVIEW } from '../helpers/project.ts';
import { crashAfterCodings } from '../helpers/crash.ts';
import { dbOf } from '../helpers/db.ts';

const sha = (f: string) => (fs.existsSync(f) ? createHash('sha256').update(fs.readFileSync(f)).digest('hex') : 'absent');
const BIN = path.resolve(import.meta.dirname, '../../bin/thematic.mjs');

async function studyWithDocument(file: string): Promise<void> {
  const s = Service.open(file, { create: true });
  await importText(s, 'i.txt', INTERVIEW, 'P4');
  s.close();
}

const codingCount = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM codings').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('issue 15.1: a -wal that does not belong to its project file', () => {
  for (const replacement of ['another project', 'an older copy of the same project'] as const) {
    it(`refuses the pair when the file was replaced by ${replacement}, naming the file, leaving both untouched`, async () => {
      const dir = tmpDir();
      const study = path.join(dir, 'study.thematic');
      const other = path.join(dir, 'other.thematic');
      await studyWithDocument(study);
      if (replacement === 'another project') {
        await studyWithDocument(other);
        for (const name of ['a.txt', 'b.txt']) {
          const s = Service.open(other);
          await importText(s, name, INTERVIEW);
          s.close();
        }
      } else fs.copyFileSync(study, other);
      const s = Service.open(study);
      await importText(s, 'second.txt', INTERVIEW);
      s.close();
      crashAfterCodings(study, 300);
      expect(fs.statSync(study + '-wal').size).toBeGreaterThan(0);
      fs.copyFileSync(other, study); // the project file is replaced; its -wal stays
      const before = [sha(study), sha(study + '-wal')];
      // With normal WAL locking (the claim is the -lock file) a crash leaves the -shm index too; it must not change either.
      const shmBefore = fs.existsSync(study + '-shm');
      const r = await runCli(['docs', study]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/study\.thematic: its study\.thematic-wal does not belong to this project file/);
      expect(r.err).toMatch(/both files were left untouched/);
      expect([sha(study), sha(study + '-wal')]).toEqual(before);
      expect(fs.existsSync(study + '-shm')).toBe(shmBefore);
      const saved = fs.readdirSync(path.join(dir, 'backups')).filter((n) => n.startsWith('unmerged-'));
      expect(saved.length).toBe(1);
      expect(sha(path.join(dir, 'backups', saved[0], 'study.thematic-wal'))).toBe(before[1]);
      // Refused again on a second try, still untouched.
      expect((await runCli(['codes', study])).code).toBe(2);
      expect([sha(study), sha(study + '-wal')]).toEqual(before);
    });
  }

  it("a -wal left by the project's own crash is merged: every acknowledged coding is there", async () => {
    const study = path.join(tmpDir(), 'study.thematic');
    await studyWithDocument(study);
    crashAfterCodings(study, 300);
    const r = await runCli(['docs', study, '--json']);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)[0].codingsByCoder).toEqual({ A: 300 });
    expect(fs.existsSync(study + '-wal')).toBe(false);
  });
});

describe('issue 15.2: durable commits, one file at rest', () => {
  it('commits with synchronous=FULL and a closed project is one file holding every coding', async () => {
    const dir = tmpDir();
    const study = path.join(dir, 'study.thematic');
    await studyWithDocument(study);
    const s = Service.open(study);
    expect(dbOf(s).pragma('synchronous', { simple: true })).toBe(2); // FULL
    const code = await s.call('codes.create', { name: 'c' });
    for (let k = 0; k < 300; k++)
      await s.call('codings.create', { documentId: 1, codeId: code.id, coder: 'A', start: k % 20, end: 21 + (k % 5) });
    s.close();
    expect(fs.existsSync(study + '-wal')).toBe(false);
    const copy = path.join(dir, 'copy.thematic');
    fs.copyFileSync(study, copy); // the file alone, as a copy or a sync client sees it
    expect(codingCount(copy)).toBe(300);
  });

  it('after a pause the work is in the file itself, even if the app is then killed', async () => {
    const dir = tmpDir();
    const study = path.join(dir, 'study.thematic');
    await studyWithDocument(study);
    crashAfterCodings(study, 300, 1200); // pauses 1.2 s (the idle checkpoint) before kill -9
    const copy = path.join(dir, 'copy.thematic');
    fs.copyFileSync(study, copy);
    expect(codingCount(copy)).toBe(300);
  });
});

/** Runs the CLI as an unprivileged user when we are root (root may write a 0444 file). */
function cliAsUser(args: string[]): { code: number; err: string; out: string } {
  const cmd =
    process.getuid?.() === 0
      ? (['setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, ...args]] as const)
      : ([process.execPath, [BIN, ...args]] as const);
  const r = spawnSync(cmd[0], [...cmd[1]], { encoding: 'utf8', env: { ...process.env, THEMATIC_BACKUPS: 'off' } });
  return { code: r.status ?? -1, err: r.stderr, out: r.stdout };
}

describe('issue 15.7: a read-only project opens for viewing and refuses edits clearly', () => {
  for (const where of ['file', 'folder'] as const) {
    it(`read-only ${where}`, async () => {
      const dir = tmpDir();
      fs.chmodSync(dir, 0o755);
      const study = path.join(dir, 'study.thematic');
      await studyWithDocument(study);
      if (where === 'file') fs.chmodSync(study, 0o444);
      else fs.chmodSync(dir, 0o555);
      const before = sha(study);
      try {
        const docs = cliAsUser(['docs', study, '--json']);
        expect(docs.code, docs.err).toBe(0);
        expect(JSON.parse(docs.out).map((d: { name: string }) => d.name)).toEqual(['i']);
        const transcripts = tmpDir();
        fs.chmodSync(transcripts, 0o755);
        fs.writeFileSync(path.join(transcripts, 'more.txt'), 'P5: more words.', { mode: 0o644 });
        for (const args of [
          ['undo', study],
          ['import', study, path.join(transcripts, 'more.txt')],
        ]) {
          const edit = cliAsUser(args);
          expect(edit.code, args[0]).toBe(2);
          expect(edit.err).toMatch(
            /study\.thematic: the project is open read-only \(the file or its folder cannot be written\), so it can be viewed but not changed; nothing was changed/,
          );
        }
        expect(sha(study)).toBe(before);
        expect(fs.readdirSync(dir)).toEqual(['study.thematic']);
      } finally {
        fs.chmodSync(dir, 0o755);
      }
    }, 120_000); // four CLI processes
  }
});

describe('issue 15.8: only `new` creates or claims a file', () => {
  it('a 0-byte file is refused by every other command and stays 0 bytes', async () => {
    const file = path.join(tmpDir(), 'empty.thematic');
    fs.writeFileSync(file, '');
    for (const args of [
      ['docs', file],
      ['codes', file],
      ['import', file, path.join(import.meta.dirname, 'open-hardening.test.ts')],
    ]) {
      const r = await runCli(args);
      expect(r.code, args[0]).toBe(2);
      expect(r.err).toMatch(/empty\.thematic: not a Thematic project \(the file is empty, 0 bytes\); create a project with "thematic new"/);
      expect(fs.statSync(file).size).toBe(0);
    }
    expect(fs.readdirSync(path.dirname(file))).toEqual(['empty.thematic']);
  });

  it("another program's SQLite file with application id 0 is never claimed, not even by new", async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'other.db');
    const raw = new Database(file);
    raw.exec('CREATE TABLE t(x); INSERT INTO t VALUES (1)');
    raw.close();
    const before = sha(file);
    const r = await runCli(['docs', file]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /other\.db: not a Thematic project \(an SQLite database of another program, application id 0\); the file was not changed/,
    );
    expect(() => Service.open(file, { create: true, claimEmpty: true })).toThrow(/another program/);
    expect(sha(file)).toBe(before);
  });

  it('`new` may claim a 0-byte file', async () => {
    const file = path.join(tmpDir(), 'claimed.thematic');
    fs.writeFileSync(file, '');
    expect(() => Service.open(file, { create: true })).toThrow(/the file is empty/);
    expect((await runCli(['new', file])).code).toBe(0);
    expect((await runCli(['docs', file])).code).toBe(0);
  });
});
