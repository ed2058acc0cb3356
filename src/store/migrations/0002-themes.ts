import type { Database } from 'better-sqlite3';

export const version = 2;
export const name = 'themes';

export function up(db: Database): void {
  void db;
}
