// A coder copy comes from someone else's machine: it is opened the way a project is checked
// (header: application id and schema version) before SQLite reads it, then with defensive mode
// (better-sqlite3's default) and trusted_schema=OFF, and every table the merge reads must be a
// real table (a view could make one SELECT produce millions of rows) within row caps no real
// project reaches. Spans are checked against the text the way codings.create checks them.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { APPLICATION_ID } from '../../store/open.ts';
import { LATEST_VERSION, migrate } from '../../store/migrations/index.ts';
import { ThematicError } from '../../core/errors.ts';

/** The most rows of each table a copy may bring (a 1M-coding project is the largest benchmarked). */
export const COPY_ROW_CAPS: Record<string, number> = {
  documents: 20_000,
  codes: 100_000,
  codings: 2_000_000,
  coders: 1_000,
  memos: 200_000,
  participants: 20_000,
  themes: 20_000,
};

const COLOUR = /^#[0-9a-fA-F]{6}$/;

/** Opens a received copy (already written to a private temp file) read-only, or throws saying what is wrong with it. */
export function openReceivedCopy(file: string, label: string): Database.Database {
  const refuse = (why: string) => new ThematicError('invalid_input', `${label}: ${why}; nothing was merged`);
  const head = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  let got: number;
  try {
    got = fs.readSync(fd, head, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (got < 100 || head.toString('latin1', 0, 16) !== 'SQLite format 3\0') throw refuse('not a Thematic project (not an SQLite file)');
  const version = head.readUInt32BE(60);
  const appId = head.readUInt32BE(68);
  if (appId !== APPLICATION_ID) throw refuse(`not a Thematic project (application id ${appId})`);
  if (version > LATEST_VERSION)
    throw refuse(`made by a newer version of Thematic (schema ${version}; this version reads up to ${LATEST_VERSION})`);
  if (version < 1) throw refuse('not a Thematic project (no schema)');
  let db: Database.Database | undefined;
  try {
    if (version < LATEST_VERSION) {
      // an older copy: bring our private temp file up to date first
      const w = new Database(file, { fileMustExist: true });
      try {
        w.pragma('trusted_schema = OFF');
        checkTables(w, refuse);
        migrate(w);
      } finally {
        w.close();
      }
    }
    db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma('trusted_schema = OFF');
    checkTables(db, refuse);
    return db;
  } catch (e) {
    db?.close();
    if (e instanceof ThematicError) throw e;
    throw refuse(`not a readable Thematic project (${(e as Error).message})`);
  }
}

function checkTables(db: Database.Database, refuse: (why: string) => Error): void {
  const kinds = new Map(
    (
      db
        .prepare(
          `SELECT name, type FROM sqlite_schema WHERE name IN (${Object.keys(COPY_ROW_CAPS)
            .map(() => '?')
            .join(', ')})`,
        )
        .all(...Object.keys(COPY_ROW_CAPS)) as { name: string; type: string }[]
    ).map((r) => [r.name, r.type]),
  );
  for (const [table, cap] of Object.entries(COPY_ROW_CAPS)) {
    const type = kinds.get(table);
    if (type === undefined) continue; // an older schema; migrate() or the merge's queries say what is missing
    if (type !== 'table') throw refuse(`"${table}" is a ${type}, not a table, so the file is not a Thematic project`);
    const n = (db.prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM "${table}" LIMIT ${cap + 1})`).get() as { n: number }).n;
    if (n > cap) throw refuse(`it has more than ${cap.toLocaleString('en')} rows in ${table}, more than any real project`);
  }
}

/** A coding of the copy that is not an integer span inside its document's text (length from this project). */
export function checkCopySpan(c: { guid: unknown; start: unknown; end: unknown }, docName: string, length: number, label: string): void {
  const { start, end } = c;
  if (
    typeof c.guid !== 'string' ||
    !Number.isInteger(start) ||
    !Number.isInteger(end) ||
    !((start as number) >= 0 && (end as number) > (start as number) && (end as number) <= length)
  ) {
    throw new ThematicError(
      'invalid_span',
      `${label}: coding ${String(c.guid).slice(0, 40)} on "${docName}" spans [${String(start).slice(0, 20)}, ${String(end).slice(0, 20)}), which is not inside the text (length ${length}); the copy is damaged and nothing was merged`,
    );
  }
}

/** A code the copy would add must have a real colour and a name within the contract's limit. */
export function checkCopyCode(c: { name: unknown; color: unknown }, label: string): void {
  if (typeof c.color !== 'string' || !COLOUR.test(c.color)) {
    throw new ThematicError(
      'invalid_input',
      `${label}: code "${String(c.name).slice(0, 80)}" has the colour ${JSON.stringify(String(c.color).slice(0, 60))}, which is not a colour like #1F77B4; nothing was merged`,
    );
  }
  if (typeof c.name !== 'string' || !c.name.trim() || c.name.length > 500) {
    throw new ThematicError('invalid_input', `${label}: a code's name is empty or longer than 500 characters; nothing was merged`);
  }
}
