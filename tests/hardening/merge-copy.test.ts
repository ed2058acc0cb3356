import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { Service } from '../../src/api/service.ts';
import { writeCoderCopy } from '../../src/features/reconcile/coder-copy.ts';
import { importText, INTERVIEW, snapshot, tmpDir, tmpProject } from '../helpers/project.ts';
import { runCli } from '../helpers/cli.ts';
import { dbOf } from '../helpers/db.ts';

// Issue 15 item 4 (and the merge half of item 12): a coder copy was trusted blindly on merge.

let file: string;
let good: string;
const dir = tmpDir();

beforeAll(async () => {
  const p = tmpProject();
  file = p.file;
  const doc = await importText(p.service, 'p4.txt', INTERVIEW);
  const code = await p.service.call('codes.create', { name: 'Advocacy' });
  await p.service.call('codings.create', { documentId: doc.id, codeId: code.id, coder: 'Ana', start: 0, end: 10 });
  good = path.join(dir, 'chris.thematic');
  writeCoderCopy(dbOf(p.service), 'Chris', good);
  p.service.close();
  const c = Service.open(good, {});
  await c.call('codings.create', { documentId: doc.id, codeId: code.id, coder: 'Chris', start: 5, end: 25 });
  await c.call('codes.create', { name: 'Chris adds', color: '#123456' });
  c.close();
});

/** A copy of the good coder copy, changed by `sql` the way a hostile or broken file would be. */
function hostile(name: string, change: (db: Database.Database) => void): string {
  const out = path.join(dir, name);
  fs.copyFileSync(good, out);
  const db = new Database(out);
  db.pragma('journal_mode = DELETE');
  change(db);
  db.close();
  return out;
}

async function mergeRefused(copy: string, message: RegExp, extra: string[] = []) {
  const before = fs.readFileSync(file);
  const s = Service.open(file, {});
  const snap = snapshot(s);
  s.close();
  const t = Date.now();
  const r = await runCli(['merge', file, copy, '--new-codes', 'add', ...extra]);
  expect(r.err).toMatch(message);
  expect(r.code).toBe(2);
  expect(Date.now() - t).toBeLessThan(20_000); // the 5M-row view took 116 s before; refused at once now
  const after = Service.open(file, {});
  expect(snapshot(after)).toEqual(snap);
  after.close();
  expect(fs.readFileSync(file).length).toBe(before.length);
}

describe('merging a coder copy checks it like a project being opened', () => {
  it('refuses a file with another application id, naming the copy', async () => {
    const copy = hostile('wrong-app.thematic', (db) => db.pragma('application_id = 1234'));
    await mergeRefused(copy, /wrong-app\.thematic: not a Thematic project \(application id 1234\); nothing was merged/);
  });

  it('refuses a copy from a newer schema', async () => {
    const copy = hostile('newer.thematic', (db) => db.pragma('user_version = 999'));
    await mergeRefused(copy, /newer\.thematic: made by a newer version of Thematic \(schema 999/);
  });

  it('refuses a 5,000,000-row `codings` view at once instead of reading it', async () => {
    const copy = hostile('view.thematic', (db) => {
      db.pragma('foreign_keys = OFF');
      db.exec(`DROP TABLE codings;
        CREATE VIEW codings AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000000)
        SELECT i AS id, 'g' || i AS guid, 1 AS document_id, 1 AS code_id, 1 AS coder_id, 0 AS start, 5 AS "end", '' AS created_at FROM n;`);
    });
    await mergeRefused(copy, /view\.thematic: "codings" is a view, not a table/);
  });

  it('refuses spans beyond the text, as codings.create does', async () => {
    const copy = hostile('span.thematic', (db) => db.exec(`UPDATE codings SET "end" = 1000000 WHERE start = 5`));
    await mergeRefused(copy, /span\.thematic: coding [0-9a-f-]+ on "p4" spans \[5, 1000000\), which is not inside the text \(length \d+\)/);
    const negative = hostile('span-negative.thematic', (db) => {
      db.pragma('ignore_check_constraints = ON');
      db.exec(`UPDATE codings SET start = -5 WHERE start = 5`);
    });
    await mergeRefused(negative, /span-negative\.thematic: coding .* spans \[-5, 25\)/);
  });

  it('refuses more rows than any real project has (row caps)', async () => {
    const copy = hostile('many-coders.thematic', (db) =>
      db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1001)
      INSERT INTO coders (name, is_consensus, created_at) SELECT 'coder ' || i, 0, '' FROM n`),
    );
    await mergeRefused(copy, /many-coders\.thematic: it has more than 1,000 rows in coders/);
  });

  it('refuses an added code whose colour is not #RRGGBB (item 12)', async () => {
    const copy = hostile('colour.thematic', (db) => db.exec(`UPDATE codes SET color = 'url(https://x.test/)' WHERE name = 'Chris adds'`));
    await mergeRefused(
      copy,
      /colour\.thematic: code "Chris adds" has the colour "url\(https:\/\/x\.test\/\)", which is not a colour like #1F77B4/,
    );
  });

  it('still merges the good copy', async () => {
    const r = await runCli(['merge', file, good, '--new-codes', 'add', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ merged: 1, coders: ['Chris'] });
  });
});
