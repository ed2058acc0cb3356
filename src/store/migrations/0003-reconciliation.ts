import type { Database } from 'better-sqlite3';

export const version = 3;
export const name = 'reconciliation';

export function up(db: Database): void {
  void db;
}
