import type { Db } from './open.ts';

// The full-text index (turn_fts, migration 0001) follows the turns: a turn's words are indexed
// when the turn is inserted, however that happens (an import, undo or redo). Deleting is a
// trigger in SQL; inserting is here, because a turn holds offsets into its document's text (in
// JavaScript string units, which SQLite's substr does not count).
const lastText = new WeakMap<Db, { id: number; text: string }>();
const statements = new WeakMap<Db, { text: import('better-sqlite3').Statement; add: import('better-sqlite3').Statement }>();

function prepared(db: Db) {
  let s = statements.get(db);
  if (!s) {
    s = {
      text: db.prepare('SELECT text FROM documents WHERE id = ?'),
      add: db.prepare('INSERT INTO turn_fts (rowid, text) VALUES (?, ?)'),
    };
    statements.set(db, s);
  }
  return s;
}

/** Called by insertRow after every insert: indexes a new turn; a new document (which may reuse a deleted one's id) drops the cached text. */
export function afterInsert(db: Db, table: string, row: Record<string, unknown>, id: number): void {
  if (table === 'documents') {
    lastText.delete(db);
    return;
  }
  if (table !== 'turns') return;
  const docId = Number(row.document_id);
  let cached = lastText.get(db);
  if (!cached || cached.id !== docId) {
    const doc = prepared(db).text.get(docId) as { text: string } | undefined;
    lastText.set(db, (cached = { id: docId, text: doc?.text ?? '' }));
  }
  prepared(db).add.run(id, cached.text.slice(Number(row.start), Number(row.end)));
}
