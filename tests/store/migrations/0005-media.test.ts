import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/store/migrations/index.ts';
import { tmpDir } from '../../helpers/project.ts';

describe('migration 0005-media', () => {
  it('adds recordings, one per document, removed with the document, without touching existing rows', () => {
    const db = new Database(path.join(tmpDir(), 'm.db'));
    db.pragma('foreign_keys = ON');
    migrate(db, 4);
    db.exec(`INSERT INTO documents (id, name, original_filename, format, sha256, text, char_length, word_count, imported_at)
      VALUES (1, 'P4', 'P4.vtt', 'vtt', 'x', 'text', 4, 1, 'now')`);
    const before = db.prepare('SELECT * FROM documents').all();
    migrate(db, 5);
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    expect(db.prepare('SELECT * FROM documents').all()).toEqual(before);
    const insert =
      db.prepare(`INSERT INTO recordings (document_id, path, file_name, size, mtime_ms, sha256, duration, container, codec, kind, mime, linked_at)
      VALUES (?, 'study-media/P4.m4a', 'P4.m4a', 10, 0, 'abc', ?, 'M4A', 'AAC', ?, 'audio/mp4', 'now')`);
    insert.run(1, 9.5, 'audio');
    expect(() => insert.run(1, 9.5, 'audio')).toThrow(/UNIQUE/);
    expect(() => insert.run(2, 9.5, 'audio')).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM recordings').run();
    expect(() => insert.run(1, 0, 'audio')).toThrow(/CHECK/);
    expect(() => insert.run(1, 9.5, 'text')).toThrow(/CHECK/);
    insert.run(1, 9.5, 'video');
    db.prepare('DELETE FROM documents WHERE id = 1').run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM recordings').get()).toEqual({ n: 0 });
    db.close();
  });
});
