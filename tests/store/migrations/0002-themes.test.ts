import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/store/migrations/index.ts';
import { tmpDir } from '../../helpers/project.ts';

describe('migration 0002-themes', () => {
  it('adds the theme tree, attachments, history, links, positions and map versions and keeps existing rows', () => {
    const db = new Database(path.join(tmpDir(), 'm.db'));
    db.pragma('foreign_keys = ON');
    migrate(db, 1);
    db.prepare(`INSERT INTO codes (id, guid, name, color, created_at) VALUES (1, 'g1', 'Advocacy', '#112233', 'now')`).run();
    const before = db.prepare('SELECT * FROM codes').all();
    migrate(db, 2);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare('SELECT * FROM codes').all()).toEqual(before);
    const tables = (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map(
      (t) => t.name,
    );
    expect(tables).toEqual(
      expect.arrayContaining(['themes', 'theme_codes', 'theme_events', 'theme_links', 'map_positions', 'map_versions']),
    );

    db.prepare(`INSERT INTO themes (id, guid, kind, name, created_at) VALUES (1, 't1', 'core', 'Bridge', 'now')`).run();
    db.prepare(
      `INSERT INTO themes (id, guid, parent_id, kind, name, status, created_at) VALUES (2, 't2', 1, 'theme', 'Advocacy', 'candidate', 'now')`,
    ).run();
    db.prepare('INSERT INTO theme_codes (theme_id, code_id) VALUES (2, 1)').run();
    expect(db.prepare('SELECT status, definition, position FROM themes WHERE id = 2').get()).toEqual({
      status: 'candidate',
      definition: '',
      position: 0,
    });
    // the vocabulary is closed: no unknown kinds or statuses, no self-links, STRICT types
    expect(() => db.prepare(`INSERT INTO themes (guid, kind, name, created_at) VALUES ('x', 'category', 'n', 'now')`).run()).toThrow(
      /CHECK/,
    );
    expect(() => db.prepare(`UPDATE themes SET status = 'maybe' WHERE id = 2`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO theme_links (from_theme_id, to_theme_id, created_at) VALUES (2, 2, 'now')`).run()).toThrow(
      /CHECK/,
    );
    expect(() => db.prepare(`INSERT INTO map_positions (node_id, x, y) VALUES ('a', 'left', 0)`).run()).toThrow(
      /cannot store TEXT value in REAL column/,
    );
    // an attachment cannot point at a code that does not exist
    expect(() => db.prepare('INSERT INTO theme_codes (theme_id, code_id) VALUES (2, 99)').run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
