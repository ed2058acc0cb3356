import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/store/migrations/index.ts';
import { tmpDir } from '../../helpers/project.ts';

describe('migration 0006-refi-media', () => {
  it('adds the table of REFI-QDA recording references without touching a version-4 project', () => {
    const db = new Database(path.join(tmpDir(), 'm.db'));
    db.pragma('foreign_keys = ON');
    migrate(db, 4);
    db.exec(`INSERT INTO documents (id, name, original_filename, format, sha256, text, char_length, word_count, imported_at)
      VALUES (1, 'P4', 'P4.txt', 'txt', 'x', 'hello', 5, 1, 'now')`);
    const before = db.prepare('SELECT * FROM documents').all();
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(6);
    expect(db.prepare('SELECT * FROM documents').all()).toEqual(before);
    const insert = db.prepare(
      `INSERT INTO refi_media (document_id, kind, source_guid, sync_points, created_at) VALUES (?, ?, 'g', ?, 'now')`,
    );
    insert.run(1, 'audio', '[{"guid":"s","position":0,"time":0}]');
    expect(() => insert.run(1, 'audio', '[]')).toThrow(/UNIQUE|PRIMARY/);
    db.prepare('DELETE FROM refi_media').run();
    expect(() => insert.run(1, 'picture', '[]')).toThrow(/CHECK/);
    expect(() => insert.run(1, 'video', 'not json')).toThrow(/CHECK/);
    expect(() => insert.run(2, 'video', '[]')).toThrow(/FOREIGN KEY/);
    insert.run(1, 'video', '[]');
    db.prepare('DELETE FROM documents WHERE id = 1').run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM refi_media').get()).toEqual({ n: 0 });
    db.close();
  });
});
