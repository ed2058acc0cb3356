import type { Database } from 'better-sqlite3';

// Idempotency: a client may give a mutating call its own operation id. The first call's result
// is kept here, in the same transaction as its change, so a retry of a call whose answer was lost
// (a killed process, a dropped connection) gets that answer back instead of doing the work twice.
export const version = 7;
export const name = 'client-operations';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE client_operations (
      client_id TEXT PRIMARY KEY,
      method TEXT NOT NULL,
      result TEXT,
      at TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;
  `);
}
