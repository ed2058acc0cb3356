import type { Database } from 'better-sqlite3';

// REFI-QDA recordings: a document made from the Transcript of an AudioSource or VideoSource keeps
// the reference to that recording as the file named it (source GUID and name, its path, whether
// the recording was inside the .qdpx) and the file's SyncPoints, so an export can write the
// source, its transcript and the sync points back, and a recording can later be linked to the
// document. The recording itself is never stored here. (Version 6: 5 is the recordings table.)
export const version = 6;
export const name = 'refi-media';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE refi_media (
      document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('audio','video')),
      source_guid TEXT NOT NULL,
      source_name TEXT NOT NULL DEFAULT '',
      path TEXT,
      archive_entry TEXT,
      file TEXT,
      sync_points TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(sync_points)),
      created_at TEXT NOT NULL
    ) STRICT;
  `);
}
