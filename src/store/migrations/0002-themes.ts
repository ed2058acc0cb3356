import type { Database } from 'better-sqlite3';

// Themes are first-class: a tree (core concept -> theme groups -> themes -> sub-themes) with codes
// attached many-to-many, a decision history (promote/merge/split/discard and why), extra labelled
// links between themes, saved free-layout positions, and named map versions per analysis phase.
export const version = 2;
export const name = 'themes';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE themes (
      id INTEGER PRIMARY KEY,
      guid TEXT NOT NULL UNIQUE,
      parent_id INTEGER REFERENCES themes(id) ON DELETE RESTRICT,
      kind TEXT NOT NULL CHECK (kind IN ('core','group','theme','subtheme')),
      name TEXT NOT NULL,
      definition TEXT NOT NULL DEFAULT '',
      color TEXT,
      status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('candidate','active','discarded')),
      position INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX themes_parent ON themes(parent_id, position);

    -- A code may support more than one theme.
    CREATE TABLE theme_codes (
      theme_id INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
      code_id INTEGER NOT NULL REFERENCES codes(id) ON DELETE CASCADE,
      position INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (theme_id, code_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX theme_codes_code ON theme_codes(code_id);

    -- The decision history outlives the themes it is about (a merged-away theme is gone, its story is not).
    CREATE TABLE theme_events (
      id INTEGER PRIMARY KEY,
      theme_id INTEGER NOT NULL,
      theme_name TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('created','renamed','moved','promoted','discarded','merged','split','deleted')),
      rationale TEXT NOT NULL DEFAULT '',
      details TEXT NOT NULL DEFAULT '{}',
      actor TEXT NOT NULL,
      at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX theme_events_theme ON theme_events(theme_id, id);

    CREATE TABLE theme_links (
      id INTEGER PRIMARY KEY,
      from_theme_id INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
      to_theme_id INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
      label TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      CHECK (from_theme_id <> to_theme_id)
    ) STRICT;

    -- Free-layout centres of the working map, by map node id.
    CREATE TABLE map_positions (
      node_id TEXT PRIMARY KEY,
      x REAL NOT NULL,
      y REAL NOT NULL
    ) STRICT, WITHOUT ROWID;

    -- A named snapshot per analysis phase: the map input (tree, codes, links) and its positions.
    CREATE TABLE map_versions (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      note TEXT NOT NULL DEFAULT '',
      input TEXT NOT NULL,
      positions TEXT NOT NULL DEFAULT '{}',
      actor TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
  `);
}
