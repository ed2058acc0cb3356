import type { Database } from 'better-sqlite3';

// Recordings beside transcripts. A recording is stored by reference: its path relative to the
// project file's folder, with the size, modification time and SHA-256 it had when it was linked,
// so a moved or changed file is noticed and can be re-linked. The bytes never enter the database.
export const version = 5;
export const name = 'media';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE recordings (
      id INTEGER PRIMARY KEY,
      document_id INTEGER NOT NULL UNIQUE REFERENCES documents(id) ON DELETE CASCADE,
      path TEXT NOT NULL,
      file_name TEXT NOT NULL,
      size INTEGER NOT NULL CHECK (size >= 0),
      mtime_ms INTEGER NOT NULL,
      sha256 TEXT NOT NULL,
      duration REAL NOT NULL CHECK (duration > 0),
      container TEXT NOT NULL,
      codec TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('audio','video')),
      mime TEXT NOT NULL,
      copied INTEGER NOT NULL DEFAULT 0,
      linked_at TEXT NOT NULL
    ) STRICT;
  `);
}
