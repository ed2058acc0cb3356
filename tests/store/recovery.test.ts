// Issue 13, recovery: real damaged files made here (torn page, truncated, copied while being written),
// each refused in one sentence naming the file, with the latest backup and salvage offered; salvage works.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it, beforeAll } from 'vitest';
import { Service } from '../../src/api/service.ts';
import { writeBackup } from '../../src/features/backups/backup.ts';
import { salvage } from '../../src/features/backups/salvage.ts';
import { runCli } from '../helpers/cli.ts';
import { tmpDir } from '../helpers/project.ts';
import { asTxt, bulkCodings, interview } from '../../bench/corpus.ts';
import { dbOf } from '../helpers/db.ts';
import { tearLeafPage } from '../helpers/damage.ts';

beforeAll(() => {
  process.env.THEMATIC_BACKUPS = 'on';
});
const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');
const PAGE = 4096;

/** A project of 8 interviews and 3,000 codings (about 120 pages), with one backup. */
async function study(docs = 8): Promise<{ file: string; backup: string }> {
  const file = path.join(tmpDir(), 'study.thematic');
  const s = Service.open(file, { create: true });
  const made: { id: number; len: number }[] = [];
  for (let k = 0; k < docs; k++) {
    const r = await s.call('documents.import', {
      files: [{ name: `P${k + 1}.txt`, contentBase64: Buffer.from(asTxt(interview(k + 3, 2500))).toString('base64') }],
    });
    made.push({ id: r.documents[0].id, len: r.documents[0].charLength });
  }
  const codes = [];
  for (const name of ['Trust', 'Stigma', 'Advocacy']) codes.push((await s.call('codes.create', { name })).id);
  await s.call('coders.create', { name: 'A' });
  await s.call('coders.create', { name: 'B' });
  bulkCodings(dbOf(s), made, codes, 3000);
  const backup = (await writeBackup(dbOf(s), s.path)).backup.file;
  s.close();
  return { file, backup };
}

async function expectRefused(file: string, backup: string, sentence: RegExp) {
  const before = sha(file);
  const r = await runCli(['docs', file]);
  expect(r.code).toBe(2);
  const msg = r.err.replace(/^thematic: /, '');
  expect(msg).toMatch(sentence);
  expect(msg.split(/(?<=\.) (?=[A-Z])/)[0]).toMatch(/^\S*study\.thematic (is damaged|is truncated)/); // one sentence says what is wrong
  expect(msg).toContain(
    `Nothing was changed. You can open its latest backup as a new project ("thematic restore study.thematic ${path.basename(backup)}"`,
  );
  expect(msg).toContain('or salvage what is readable into a new project ("thematic salvage study.thematic --out study-salvaged.thematic")');
  expect(sha(file)).toBe(before);
  expect(fs.existsSync(file + '-wal')).toBe(false);
  // Both offers work: the backup restores as a new project, and salvage recovers what is readable.
  const restored = await runCli(['restore', file, path.basename(backup)]);
  expect(restored.code, restored.err).toBe(0);
  expect(restored.out).toMatch(/\(8 documents, 3 codes, 3000 codings\)/);
  const out = path.join(path.dirname(file), 'study-salvaged.thematic');
  const s = await runCli(['salvage', file, '--out', out]);
  expect(s.code, s.err).toBe(0);
  expect(s.out).toMatch(/^Salvaged study\.thematic into .*study-salvaged\.thematic by (sqlite3 \.recover|row-by-row copy)/);
  expect(s.out).toMatch(/The salvaged project passes integrity_check\. The damaged file was not changed\./);
  expect(sha(file)).toBe(before);
  const svc = Service.open(out);
  expect(dbOf(svc).pragma('integrity_check', { simple: true })).toBe('ok');
  const docs = await svc.call('documents.list', {});
  const hits = await svc.call('search.query', { query: 'hospital', limit: 5 });
  svc.close();
  return { report: s.out, docs, hits };
}

describe('damaged projects', () => {
  it('a torn page: refused, offered the backup, and salvage keeps every row it can read', async () => {
    const { file, backup } = await study();
    tearLeafPage(file, 'codings', 2); // half a page of garbage
    const { report, docs, hits } = await expectRefused(
      file,
      backup,
      /^\S*study\.thematic is damaged: SQLite's check finds (\d+|20 or more) problems? in its pages \(first: .*\), as a torn write or a copy taken while the project was being written leaves\./,
    );
    expect(docs.length).toBe(8);
    const codings = Number(/codings: (\d+) rows/.exec(report)![1]);
    expect(codings).toBeGreaterThan(2500); // one leaf page lost, not the table
    expect(codings).toBeLessThan(3000);
    expect(report).toMatch(/codings: \d+ rows \(part of this table was unreadable\)/);
    expect(hits.total).toBeGreaterThan(0); // the search index is rebuilt
  });

  it('a truncated file: refused naming how much is missing', async () => {
    const { file, backup } = await study();
    const size = fs.statSync(file).size;
    fs.truncateSync(file, Math.floor((size / PAGE) * 0.6) * PAGE);
    const pages = size / PAGE;
    const { report } = await expectRefused(
      file,
      backup,
      new RegExp(
        `^\\S*study\\.thematic is truncated: it holds ${Math.floor(pages * 0.6)} of the ${pages} pages its header records \\(\\d+ of ${size} bytes\\), so its end is missing\\.`,
      ),
    );
    expect(report).toMatch(/documents: \d+ rows/);
  });

  it('a copy taken while the project was being written (pages from two moments)', async () => {
    const { file, backup } = await study(4);
    const early = fs.readFileSync(file);
    const s = Service.open(file);
    for (let k = 0; k < 4; k++)
      await s.call('documents.import', {
        files: [{ name: `Q${k}.txt`, contentBase64: Buffer.from(asTxt(interview(k + 40, 2500))).toString('base64') }],
      });
    await s.call('codes.create', { name: 'Late code' });
    s.close();
    const late = fs.readFileSync(file);
    // A copy reads front to back while a checkpoint writes: the pages it passed before the
    // checkpoint reached them are old, the rest new (page 1 is the new one, read last by a sync client).
    const mixed = Buffer.from(late);
    const half = Math.floor(early.length / PAGE / 2) * PAGE;
    early.copy(mixed, PAGE, PAGE, half);
    fs.writeFileSync(file, mixed);
    const before = sha(file);
    const r = await runCli(['docs', file]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/study\.thematic is damaged: /);
    expect(r.err).toContain(path.basename(backup));
    expect(sha(file)).toBe(before);
    const out = path.join(path.dirname(file), 'salvaged.thematic');
    const rep = salvage(file, out);
    expect(rep.integrity).toBe('ok');
    expect(rep.tables.find((t) => t.table === 'documents')!.rows).toBeGreaterThan(0);
  });

  it('salvage says why it did not use sqlite3 .recover, and refuses to overwrite', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'x.thematic');
    const s = Service.open(file, { create: true });
    s.close();
    const rep = salvage(file, path.join(dir, 'y.thematic'), { sqlite3: '/nonexistent/sqlite3' });
    expect(rep.method).toBe('row-by-row copy');
    expect(rep.recoverUnavailable).toMatch(/the sqlite3 command-line tool is not installed/);
    expect(() => salvage(file, path.join(dir, 'y.thematic'))).toThrow(/y\.thematic already exists; salvage into a new file/);
    fs.writeFileSync(path.join(dir, 'junk.thematic'), Buffer.alloc(8192, 7));
    expect(() => salvage(path.join(dir, 'junk.thematic'), path.join(dir, 'z.thematic'))).toThrow(/junk\.thematic|cannot be read|nothing/);
    expect(fs.existsSync(path.join(dir, 'z.thematic'))).toBe(false);
  });
});
