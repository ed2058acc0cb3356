import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/store/migrations/index.ts';
import { tmpDir } from '../../helpers/project.ts';

describe('migration 0007-client-operations', () => {
  it('adds the table of idempotent call results to a version-6 project without touching its rows', () => {
    const db = new Database(path.join(tmpDir(), 'm.db'));
    migrate(db, 6);
    db.exec(`INSERT INTO coders (id, name, created_at) VALUES (1, 'Amira', 'now');`);
    const before = db.prepare('SELECT * FROM coders').all();
    migrate(db, 7);
    expect(db.pragma('user_version', { simple: true })).toBe(7);
    expect(db.prepare('SELECT * FROM coders').all()).toEqual(before);
    const insert = db.prepare(`INSERT INTO client_operations (client_id, method, result, at) VALUES (?, ?, ?, 'now')`);
    insert.run('k-1', 'codes.create', '{}');
    expect(() => insert.run('k-1', 'codes.create', '{}')).toThrow(/UNIQUE|PRIMARY/);
    db.close();
  });
});
