import type { Db } from './open.ts';
import { stmt } from './changes.ts';
import { ThematicError } from '../core/errors.ts';

export const nowIso = () => new Date().toISOString();

export function mustGet<T>(db: Db, sql: string, id: unknown, what: string): T {
  const row = stmt(db, sql).get(id) as T | undefined;
  if (!row) throw new ThematicError('not_found', `${what} ${String(id)} does not exist`);
  return row;
}

export function getMeta(db: Db, key: string): string | null {
  const r = stmt(db, 'SELECT value FROM project_meta WHERE key = ?').get(key) as { value: string } | undefined;
  return r ? r.value : null;
}
