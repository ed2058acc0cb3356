import type { Database } from 'better-sqlite3';

// The first schema: documents with speaker turns, participants (cases) with attributes,
// the code tree, codings by coder, memos, the operation log, and the FTS5 index over turns.
export const version = 1;
export const name = 'initial';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE project_meta (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE coders (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      is_consensus INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE participants (
      id INTEGER PRIMARY KEY,
      label TEXT NOT NULL UNIQUE,
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE participant_attributes (
      participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
      key TEXT NOT NULL,
      value TEXT NOT NULL,
      PRIMARY KEY (participant_id, key)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE documents (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      original_filename TEXT NOT NULL,
      format TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      text TEXT NOT NULL,
      char_length INTEGER NOT NULL,
      word_count INTEGER NOT NULL,
      participant_id INTEGER REFERENCES participants(id) ON DELETE SET NULL,
      imported_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX documents_sha ON documents(sha256);

    CREATE TABLE turns (
      id INTEGER PRIMARY KEY,
      document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      idx INTEGER NOT NULL,
      speaker TEXT,
      start INTEGER NOT NULL,
      end INTEGER NOT NULL,
      time_start REAL,
      time_end REAL,
      UNIQUE (document_id, idx)
    ) STRICT;

    CREATE TABLE speaker_participants (
      document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      speaker TEXT NOT NULL,
      participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
      PRIMARY KEY (document_id, speaker)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE codes (
      id INTEGER PRIMARY KEY,
      guid TEXT NOT NULL UNIQUE,
      parent_id INTEGER REFERENCES codes(id) ON DELETE RESTRICT,
      name TEXT NOT NULL,
      color TEXT NOT NULL,
      definition TEXT NOT NULL DEFAULT '',
      when_to_use TEXT NOT NULL DEFAULT '',
      when_not_to_use TEXT NOT NULL DEFAULT '',
      example TEXT NOT NULL DEFAULT '',
      in_vivo INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX codes_parent ON codes(parent_id);

    CREATE TABLE codings (
      id INTEGER PRIMARY KEY,
      guid TEXT NOT NULL UNIQUE,
      document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      code_id INTEGER NOT NULL REFERENCES codes(id) ON DELETE CASCADE,
      coder_id INTEGER NOT NULL REFERENCES coders(id) ON DELETE RESTRICT,
      start INTEGER NOT NULL,
      end INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      CHECK (start >= 0 AND end > start)
    ) STRICT;
    CREATE INDEX codings_doc ON codings(document_id, start);
    CREATE INDEX codings_code ON codings(code_id);
    CREATE INDEX codings_coder ON codings(coder_id);

    CREATE TABLE memos (
      id INTEGER PRIMARY KEY,
      guid TEXT NOT NULL UNIQUE,
      target_type TEXT NOT NULL CHECK (target_type IN ('project','document','code','theme','coding','participant','phase')),
      target_id INTEGER,
      title TEXT NOT NULL DEFAULT '',
      body TEXT NOT NULL DEFAULT '',
      author TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX memos_target ON memos(target_type, target_id);

    -- One row per mutating call: the undo/redo stack and the audit trail.
    CREATE TABLE operations (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      method TEXT NOT NULL,
      summary TEXT NOT NULL,
      kind TEXT NOT NULL DEFAULT 'change' CHECK (kind IN ('change','undo','redo')),
      target_op INTEGER,
      state TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('done','undone','discarded','record')),
      undo TEXT,
      redo TEXT
    ) STRICT;
    CREATE INDEX operations_state ON operations(state, id);

    -- Contentless: the text lives once, in documents.text. Rows are added from JS (offsets are
    -- UTF-16, which SQL's substr cannot slice) and removed here, so undo/redo keep it in step.
    CREATE VIRTUAL TABLE turn_fts USING fts5(
      text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER turns_ad AFTER DELETE ON turns BEGIN
      DELETE FROM turn_fts WHERE rowid = old.id;
    END;
  `);
}
