import type { Database } from 'better-sqlite3';

// REFI-QDA interchange: stable GUIDs for rows that have no guid column, and what an imported
// project carried that Thematic has no model for (sets, links, graphs, variable types), kept so
// it can be shown and written back on export.
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
  `);
}
