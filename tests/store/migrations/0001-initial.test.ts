import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, migrations } from '../../../src/store/migrations/index.ts';
import { tmpDir } from '../../helpers/project.ts';
import fs from 'node:fs';

describe('migration 0001-initial', () => {
  it('turns an empty file (version 0) into the first schema, with FTS rows removed with their turns', () => {
    const db = new Database(path.join(tmpDir(), 'm.db'));
    db.pragma('foreign_keys = ON');
    migrate(db, 1);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    const tables = (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map(
      (t) => t.name,
    );
    expect(tables).toEqual(
      expect.arrayContaining([
        'codes',
        'codings',
        'coders',
        'documents',
        'memos',
        'operations',
        'participants',
        'participant_attributes',
        'speaker_participants',
        'turns',
        'turn_fts',
      ]),
    );
    db.prepare(
      `INSERT INTO documents (id, name, original_filename, format, sha256, text, char_length, word_count, imported_at) VALUES (1, 'd', 'd.txt', 'txt', 'x', 'hello nurses', 12, 2, 'now')`,
    ).run();
    db.prepare(`INSERT INTO turns (id, document_id, idx, speaker, start, end) VALUES (7, 1, 0, 'P1', 0, 12)`).run();
    db.prepare(`INSERT INTO turn_fts (rowid, text) VALUES (7, 'hello nurses')`).run();
    expect(db.prepare(`SELECT rowid FROM turn_fts WHERE turn_fts MATCH 'nurses'`).all()).toHaveLength(1);
    db.prepare('DELETE FROM turns').run();
    expect(db.prepare(`SELECT rowid FROM turn_fts WHERE turn_fts MATCH 'nurses'`).all()).toHaveLength(0);
    // STRICT: a wrong type is refused rather than stored
    expect(() => db.prepare(`INSERT INTO coders (name, is_consensus, created_at) VALUES ('a', 'yes', 'now')`).run()).toThrow(
      /cannot store TEXT value in INTEGER column/,
    );
    db.close();
  });

  it('every migration file has its own test', () => {
    const dir = path.resolve(import.meta.dirname);
    for (const m of migrations) {
      const id = `${String(m.version).padStart(4, '0')}-${m.name}`;
      expect(fs.existsSync(path.join(dir, `${id}.test.ts`)), `tests/store/migrations/${id}.test.ts`).toBe(true);
    }
  });
});
