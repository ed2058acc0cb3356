import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/store/migrations/index.ts';
import { tmpDir } from '../../helpers/project.ts';

describe('migration 0004-interop', () => {
  it('adds stable REFI-QDA guids to a version-3 project without touching its rows', () => {
    const db = new Database(path.join(tmpDir(), 'm.db'));
    migrate(db, 3);
    db.exec(`INSERT INTO coders (id, name, created_at) VALUES (1, 'Amira', 'now');`);
    const before = db.prepare('SELECT * FROM coders').all();
    migrate(db, 4);
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    expect(db.prepare('SELECT * FROM coders').all()).toEqual(before);
    const insert = db.prepare(`INSERT INTO refi_guids (entity, entity_id, guid) VALUES (?, ?, ?)`);
    insert.run('coder', 1, 'a0a0a0a0-0000-4000-8000-000000000001');
    expect(() => insert.run('document', 1, 'a0a0a0a0-0000-4000-8000-000000000001')).toThrow(/UNIQUE/);
    expect(() => insert.run('coder', 1, 'b0a0a0a0-0000-4000-8000-000000000001')).toThrow(/UNIQUE|PRIMARY/);
    db.close();
  });

  it('gives each project its own GUID salt and a table for sets, links and graphs from other programs', () => {
    const salts = [0, 1].map(() => {
      const db = new Database(path.join(tmpDir(), 'm.db'));
      migrate(db, 3);
      expect(db.prepare(`SELECT value FROM project_meta WHERE key = 'refi_guid_salt'`).get()).toBeUndefined();
      migrate(db, 4);
      const salt = (db.prepare(`SELECT value FROM project_meta WHERE key = 'refi_guid_salt'`).get() as { value: string }).value;
      const extra = db.prepare(`INSERT INTO refi_extras (kind, guid, name, json, created_at) VALUES (?, ?, 'x', ?, 'now')`);
      extra.run('set', 'g1', '{"memberCodes":[]}');
      expect(() => extra.run('set', 'g1', '{}')).toThrow(/UNIQUE/);
      expect(() => extra.run('chart', 'g2', '{}')).toThrow(/CHECK/);
      expect(() => extra.run('link', 'g3', 'not json')).toThrow(/CHECK/);
      db.close();
      return salt;
    });
    expect(salts[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(salts[1]).not.toBe(salts[0]);
  });
});
