import type { Database } from 'better-sqlite3';

// Reconciliation of two coders into a consensus coder: one row per decision on a disagreement
// (or per agreed passage accepted into the consensus), the decision log a methods section cites.
// A disagreement is named by a stable key built from its document, code(s) and extent, so the
// log survives reopening the review. Re-deciding supersedes the old row instead of erasing it.
export const version = 3;
export const name = 'reconciliation';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE consensus_decisions (
      id INTEGER PRIMARY KEY,
      disagreement_key TEXT NOT NULL,
      document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      code_id INTEGER NOT NULL REFERENCES codes(id) ON DELETE CASCADE,
      -- the other code when the coders applied different codes to the same text
      other_code_id INTEGER REFERENCES codes(id) ON DELETE CASCADE,
      coder_a TEXT NOT NULL,
      coder_b TEXT NOT NULL,
      consensus_coder TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('keep-a','keep-b','both','union','intersection','edited','neither','agreed')),
      rationale TEXT NOT NULL DEFAULT '',
      decided_by TEXT NOT NULL,
      decided_at TEXT NOT NULL,
      -- JSON array of the consensus codings this decision wrote
      coding_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(coding_ids)),
      superseded_at TEXT
    ) STRICT;
    CREATE UNIQUE INDEX consensus_decisions_current
      ON consensus_decisions(disagreement_key, coder_a, coder_b, consensus_coder) WHERE superseded_at IS NULL;
    CREATE INDEX consensus_decisions_document ON consensus_decisions(document_id);
    CREATE INDEX consensus_decisions_code ON consensus_decisions(code_id);
    CREATE INDEX consensus_decisions_other_code ON consensus_decisions(other_code_id);
  `);
}
