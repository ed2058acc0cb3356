import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import type { Rule } from '../../core/anonymise/types.ts';
import { applyMatches, findMatches } from '../../core/anonymise/match.ts';
import { OffsetMap } from '../../core/anonymise/offsets.ts';
import { CLEARED_TABLES, replaceField } from '../../core/anonymise/fields.ts';
import { keyValues, quoteIdent, selectKeys, textTables } from './schema.ts';
import { countWords } from '../documents/queries.ts';
import { ThematicError } from '../../core/errors.ts';
import { commitTemp, writeError } from '../../lib/atomic-write.ts';

type Db = Database.Database;

export interface CopyCounts {
  documents: number;
  occurrences: number;
  fieldValues: number;
  codings: number;
  turns: number;
  decisions: number;
  /** Recordings linked in the project and left out of the copy: a voice identifies a person. */
  recordingsLeftOut: number;
}

/**
 * Writes an anonymised copy of the project open on `source` to `out`. The source is only read
 * (VACUUM INTO works through the connection that holds its exclusive lock). The copy is written
 * to a temporary file beside `out` and renamed at the end, so a failure leaves nothing behind.
 */
export function writeAnonymisedCopy(
  source: Db,
  sourcePath: string,
  rules: Rule[],
  out: string,
  opts: { overwrite?: boolean } = {},
): CopyCounts {
  const abs = path.resolve(out);
  if (abs === path.resolve(sourcePath))
    throw new ThematicError('invalid_input', `${out}: the copy cannot replace the project itself; choose another name`);
  if (!fs.existsSync(path.dirname(abs))) throw new ThematicError('not_found', `${out}: the folder ${path.dirname(abs)} does not exist`);
  if (fs.existsSync(abs) && !opts.overwrite)
    throw new ThematicError('exists', `${out} already exists; choose another name or allow overwriting`);
  const tmp = path.join(path.dirname(abs), `.${path.basename(abs)}.anonymising-${process.pid}-${randomBytes(4).toString('hex')}`);
  let copy: Db | undefined;
  try {
    source.prepare('VACUUM INTO ?').run(tmp);
    copy = new Database(tmp, { timeout: 0 });
    // No journal on disk (it would hold pages of original text); freed pages are zeroed.
    copy.pragma('journal_mode = MEMORY');
    copy.pragma('secure_delete = ON');
    copy.pragma('temp_store = MEMORY');
    copy.pragma('foreign_keys = OFF');
    const db = copy;
    const counts = db.transaction(() => rewrite(db, rules))();
    // Rows rewritten in place leave original text in freed pages: VACUUM writes a fresh file.
    db.exec('VACUUM');
    db.close();
    copy = undefined;
    if (opts.overwrite) for (const ext of ['-wal', '-shm']) fs.rmSync(abs + ext, { force: true });
    commitTemp(tmp, abs);
    return counts;
  } catch (e) {
    copy?.close();
    for (const ext of ['', '-journal', '-wal', '-shm']) fs.rmSync(tmp + ext, { force: true });
    throw writeError(e, out);
  }
}

function rewrite(db: Db, rules: Rule[]): CopyCounts {
  const counts: CopyCounts = { documents: 0, occurrences: 0, fieldValues: 0, codings: 0, turns: 0, decisions: 0, recordingsLeftOut: 0 };
  const maps = new Map<number, OffsetMap>();
  const texts = new Map<number, string>();
  const docs = db.prepare('SELECT id, text FROM documents').all() as { id: number; text: string }[];
  const setDoc = db.prepare('UPDATE documents SET text = ?, char_length = ?, word_count = ?, sha256 = ? WHERE id = ?');
  for (const d of docs) {
    const matches = findMatches(d.text, rules);
    const { text, segments } = applyMatches(d.text, matches);
    // The original file's hash would let anyone holding the original confirm it: hash the copy's text.
    setDoc.run(text, text.length, countWords(text), createHash('sha256').update(text, 'utf8').digest('hex'), d.id);
    maps.set(d.id, new OffsetMap(segments));
    texts.set(d.id, text);
    counts.documents++;
    counts.occurrences += matches.length;
  }
  const spans = (table: 'turns' | 'codings') => {
    const rows = db.prepare(`SELECT id, document_id, start, end FROM ${table}`).all() as {
      id: number;
      document_id: number;
      start: number;
      end: number;
    }[];
    const set = db.prepare(`UPDATE ${table} SET start = ?, end = ? WHERE id = ?`);
    for (const r of rows) {
      const m = maps.get(r.document_id);
      if (m) set.run(m.start(r.start), m.end(r.end), r.id);
    }
    return rows.length;
  };
  counts.turns = spans('turns');
  counts.codings = spans('codings');
  counts.decisions = remapDecisionKeys(db, maps);
  counts.fieldValues = rewriteFields(db, rules);
  // The undo history holds captured rows with the original text: the copy starts a fresh one.
  // Recordings are never carried into an anonymised copy: a voice identifies a person.
  counts.recordingsLeftOut = (db.prepare('SELECT COUNT(*) AS n FROM recordings').get() as { n: number }).n;
  for (const table of CLEARED_TABLES) db.prepare(`DELETE FROM ${table}`).run();
  rebuildSearchIndex(db, texts);
  for (const stat of ['sqlite_stat1', 'sqlite_stat4']) {
    if (db.prepare(`SELECT 1 FROM sqlite_schema WHERE name = ?`).get(stat)) db.prepare(`DELETE FROM ${stat}`).run();
  }
  return counts;
}

/** Decision keys name a passage by its extent ("doc:code:start-end"): remap it as codings are. */
function remapDecisionKeys(db: Db, maps: Map<number, OffsetMap>): number {
  const rows = db.prepare('SELECT id, disagreement_key AS k FROM consensus_decisions').all() as { id: number; k: string }[];
  const set = db.prepare('UPDATE consensus_decisions SET disagreement_key = ? WHERE id = ?');
  for (const r of rows) {
    const m = /^(\d+):([^:]+):(\d+)-(\d+)$/.exec(r.k);
    const map = m && maps.get(Number(m[1]));
    if (m && map) set.run(`${m[1]}:${m[2]}:${map.start(Number(m[3]))}-${map.end(Number(m[4]))}`, r.id);
  }
  return rows.length;
}

function rewriteFields(db: Db, rules: Rule[]): number {
  let changed = 0;
  for (const t of textTables(db)) {
    const where = t.keys.map((k) => `${quoteIdent(k)} = ?`).join(' AND ');
    // One statement per set of changed columns (a speaker's name changes on every turn), not per row.
    const updates = new Map<string, Database.Statement>();
    const update = (cols: string[]) => {
      const sig = cols.join('\u0000');
      let st = updates.get(sig);
      if (!st)
        updates.set(
          sig,
          (st = db.prepare(`UPDATE ${quoteIdent(t.table)} SET ${cols.map((c) => `${quoteIdent(c)} = ?`).join(', ')} WHERE ${where}`)),
        );
      return st;
    };
    const rows = db.prepare(`SELECT ${selectKeys(t)}, ${t.columns.map(quoteIdent).join(', ')} FROM ${quoteIdent(t.table)}`).all() as Record<
      string,
      unknown
    >[];
    for (const row of rows) {
      const set: Record<string, string> = {};
      for (const c of t.columns) {
        const v = row[c];
        if (typeof v !== 'string') continue;
        const nv = replaceField(t.table, c, v, rules);
        if (nv !== v) set[c] = nv;
      }
      const cols = Object.keys(set);
      if (!cols.length) continue;
      changed += cols.length;
      try {
        update(cols).run(...cols.map((c) => set[c]), ...keyValues(t, row));
      } catch (e) {
        if (/UNIQUE|PRIMARY KEY/i.test(String((e as Error).message))) {
          const c = cols[0];
          throw new ThematicError(
            'invalid_key',
            `the key makes two different ${t.table}.${c} values the same ("${set[c]}"); give them different replacements`,
          );
        }
        throw e;
      }
    }
  }
  return changed;
}

/** The search index holds tokens of the original words: empty it and index the new text. */
function rebuildSearchIndex(db: Db, texts: Map<number, string>): void {
  if (!db.prepare(`SELECT 1 FROM sqlite_schema WHERE name = 'turn_fts'`).get()) return;
  db.prepare(`INSERT INTO turn_fts (turn_fts) VALUES ('delete-all')`).run();
  const add = db.prepare('INSERT INTO turn_fts (rowid, text) VALUES (?, ?)');
  for (const t of db.prepare('SELECT id, document_id, start, end FROM turns').all() as {
    id: number;
    document_id: number;
    start: number;
    end: number;
  }[]) {
    add.run(t.id, (texts.get(t.document_id) ?? '').slice(t.start, t.end));
  }
}
