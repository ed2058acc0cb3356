import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/store/migrations/index.ts';
import { tmpDir } from '../../helpers/project.ts';

describe('migration 0003-reconciliation', () => {
  it('adds the decision log to a version-2 project without touching its codings', () => {
    const db = new Database(path.join(tmpDir(), 'm.db'));
    db.pragma('foreign_keys = ON');
    migrate(db, 2);
    db.exec(`INSERT INTO documents (id, name, original_filename, format, sha256, text, char_length, word_count, imported_at) VALUES (1, 'd', 'd.txt', 'txt', 'x', 'hello nurses', 12, 2, 'now');
      INSERT INTO codes (id, guid, name, color, created_at) VALUES (5, 'g5', 'Trust', '#000000', 'now');
      INSERT INTO coders (id, name, created_at) VALUES (1, 'Amira', 'now');
      INSERT INTO codings (guid, document_id, code_id, coder_id, start, end, created_at) VALUES ('c1', 1, 5, 1, 0, 5, 'now');`);
    const before = db.prepare('SELECT * FROM codings').all();
    migrate(db, 3);
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    expect(db.prepare('SELECT * FROM codings').all()).toEqual(before);
    const insert =
      db.prepare(`INSERT INTO consensus_decisions (disagreement_key, document_id, code_id, coder_a, coder_b, consensus_coder, kind, rationale, decided_by, decided_at, coding_ids)
      VALUES (?, 1, 5, 'Amira', 'Ben', 'Consensus', ?, 'why', 'Amira', 'now', ?)`);
    insert.run('1:5:0-5', 'keep-a', '[1]');
    // One current decision per disagreement; a superseded one may stay in the log.
    expect(() => insert.run('1:5:0-5', 'keep-b', '[]')).toThrow(/UNIQUE/);
    db.prepare(`UPDATE consensus_decisions SET superseded_at = 'later'`).run();
    insert.run('1:5:0-5', 'keep-b', '[]');
    expect(() => insert.run('1:5:9-12', 'maybe', '[]')).toThrow(/CHECK/);
    expect(() => insert.run('1:5:9-12', 'both', 'not json')).toThrow(/CHECK/);
    // Deleting the document takes its decisions with it.
    db.prepare('DELETE FROM documents WHERE id = 1').run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM consensus_decisions').get()).toEqual({ n: 0 });
    db.close();
  });
});
