import type { Database } from 'better-sqlite3';

// REFI-QDA interchange: stable GUIDs for rows that have no guid column, and what an imported
// project carried that Thematic has no model for (sets, links, graphs), kept so it can be shown
// and written back on export.
//
// GUIDs of documents, participants, coders and theme links are derived from a random per-project
// salt (written here, once) and the row id, so an export is a pure read and still gives the same
// GUIDs every time. A GUID that came in with an import is kept in refi_guids and wins.
export const version = 4;
export const name = 'interop';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE refi_guids (
      entity TEXT NOT NULL,
      entity_id INTEGER NOT NULL,
      guid TEXT NOT NULL UNIQUE,
      PRIMARY KEY (entity, entity_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE refi_extras (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('set','link','graph')),
      guid TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL DEFAULT '',
      json TEXT NOT NULL CHECK (json_valid(json)),
      created_at TEXT NOT NULL
    ) STRICT;

    INSERT OR IGNORE INTO project_meta (key, value) VALUES ('refi_guid_salt', lower(hex(randomblob(16))));
  `);
}
