import type Database from 'better-sqlite3';
import { CLEARED_TABLES, fieldKind, isIndexTable } from '../../core/anonymise/fields.ts';

type Db = Database.Database;

/** A table whose text columns the key is applied to, and how its rows are addressed. */
export interface TextTable {
  table: string;
  columns: string[];
  keys: string[];
}

/**
 * The tables and text columns of a project as the file has them (not as this code expects them),
 * so a column added by a later migration is covered too. Rows are addressed by rowid, or by
 * primary key in WITHOUT ROWID tables.
 */
export function textTables(db: Db): TextTable[] {
  const tables = db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'table' ORDER BY name`).all() as {
    name: string;
    sql: string | null;
  }[];
  const out: TextTable[] = [];
  for (const { name, sql } of tables) {
    if (isIndexTable(name) || CLEARED_TABLES.includes(name) || /VIRTUAL\s+TABLE/i.test(sql ?? '')) continue;
    const info = db.prepare(`SELECT name, type, pk FROM pragma_table_info(?)`).all(name) as { name: string; type: string; pk: number }[];
    const columns = info
      .filter((c) => /^(TEXT|ANY|)$/i.test(c.type.trim()) || /CHAR|CLOB|TEXT/i.test(c.type))
      .map((c) => c.name)
      .filter((c) => {
        const k = fieldKind(name, c).kind;
        return k === 'text' || k === 'json';
      });
    if (!columns.length) continue;
    const withoutRowid = /WITHOUT\s+ROWID/i.test(sql ?? '');
    const keys = withoutRowid
      ? info
          .filter((c) => c.pk > 0)
          .sort((a, b) => a.pk - b.pk)
          .map((c) => c.name)
      : ['rowid'];
    out.push({ table: name, columns, keys });
  }
  return out;
}

export const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** Key columns selected under names of their own: `SELECT rowid` comes back named after the INTEGER PRIMARY KEY. */
export const selectKeys = (t: TextTable) => t.keys.map((k, i) => `${quoteIdent(k)} AS "__k${i}"`).join(', ');
export const keyValues = (t: TextTable, row: Record<string, unknown>) => t.keys.map((_, i) => row[`__k${i}`]);
