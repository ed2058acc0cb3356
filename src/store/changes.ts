import type { Db } from './open.ts';
import { POLYMORPHIC } from './polymorphic.ts';
import { afterInsert } from './search-index.ts';

/**
 * Row-level change primitives. Every mutation goes through them so that each one can be
 * inverted exactly: applying a list of actions returns the list that undoes it. Deletes
 * capture the rows they remove (and the rows that depend on them), so undo restores the
 * same ids and later operations that refer to those ids stay valid.
 */
export type Row = Record<string, unknown>;
export type Action =
  | { op: 'insert'; table: string; rows: Row[] }
  | { op: 'delete'; table: string; keys: Row[] }
  | { op: 'update'; table: string; key: Row; set: Row };

/** The columns that name one row of a table: its primary key (`id` for a table without one). */
export function keyColumns(db: Db, table: string): string[] {
  return schemaOf(db).keys.get(table) ?? ['id'];
}

/**
 * A table whose rows go (or have a column nulled) when a parent row is deleted. Deletes capture
 * them whole so undo restores them. `columns[i]` of the dependent matches `parentColumns[i]` of
 * the parent; `extra` narrows a polymorphic reference to one kind of target.
 */
export interface Dependent {
  table: string;
  columns: string[];
  parentColumns: string[];
  extra?: Row;
  nullify?: boolean;
}

interface ForeignKeyRow {
  id: number;
  seq: number;
  table: string;
  from: string;
  to: string | null;
  on_delete: string;
}

/**
 * Every table's dependents, read from the schema itself (no registration):
 * - a foreign key ON DELETE CASCADE: the child rows go with the parent;
 * - ON DELETE SET NULL: the child's column is nulled (and restored on undo);
 * - a table's reference to itself (a tree's parent_id), whatever its ON DELETE: deleting a node
 *   takes its subtree (RESTRICT there only stops SQL from orphaning sub-nodes);
 * - any other RESTRICT / NO ACTION: not followed, so the delete fails as SQL says;
 * - the polymorphic references SQLite cannot know (src/store/polymorphic.ts).
 * A tree's own sub-nodes come first, so a captured row is always re-inserted after its parents.
 */
export function deriveDependents(db: Db): Record<string, Dependent[]> {
  const tables = (
    db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid`).all() as {
      name: string;
    }[]
  ).map((r) => r.name);
  const pk = (t: string) =>
    (db.prepare(`SELECT name, pk FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk`).all(t) as { name: string }[]).map((r) => r.name);
  const own: Record<string, Dependent[]> = {};
  const others: Record<string, Dependent[]> = {};
  for (const child of tables) {
    const fks = db.prepare(`SELECT * FROM pragma_foreign_key_list(?) ORDER BY id, seq`).all(child) as ForeignKeyRow[];
    const byId = new Map<number, ForeignKeyRow[]>();
    for (const fk of fks) byId.set(fk.id, [...(byId.get(fk.id) ?? []), fk]);
    for (const parts of byId.values()) {
      const parent = parts[0].table;
      const action = parts[0].on_delete.toUpperCase();
      const self = parent === child;
      if (action === 'SET DEFAULT') throw new Error(`${child}: ON DELETE SET DEFAULT is not supported by undo`);
      if (action !== 'CASCADE' && action !== 'SET NULL' && !self) continue;
      const parentPk = parts.some((p) => p.to == null) ? pk(parent) : [];
      const dep: Dependent = {
        table: child,
        columns: parts.map((p) => p.from),
        parentColumns: parts.map((p, i) => p.to ?? parentPk[i]),
      };
      if (action === 'SET NULL') dep.nullify = true;
      ((self ? own : others)[parent] ??= []).push(dep);
    }
  }
  const out: Record<string, Dependent[]> = {};
  for (const t of new Set([...Object.keys(own), ...Object.keys(others)])) out[t] = [...(own[t] ?? []), ...(others[t] ?? [])];
  for (const ref of POLYMORPHIC) {
    for (const [kind, parent] of Object.entries(ref.targets)) {
      (out[parent] ??= []).push({ table: ref.table, columns: [ref.column], parentColumns: ['id'], extra: { [ref.discriminator]: kind } });
    }
  }
  return out;
}

function deriveKeys(db: Db): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[];
  for (const { name } of tables) {
    const pk = (db.prepare(`SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk`).all(name) as { name: string }[]).map(
      (r) => r.name,
    );
    if (pk.length) keys.set(name, pk);
  }
  return keys;
}

interface Schema {
  version: number;
  deps: Record<string, Dependent[]>;
  keys: Map<string, string[]>;
}
const derived = new WeakMap<Db, Schema>();
/** What undo reads from this connection's schema, derived once per schema version. */
function schemaOf(db: Db): Schema {
  const version = (stmt(db, 'PRAGMA schema_version').get() as { schema_version: number }).schema_version;
  let d = derived.get(db);
  if (!d || d.version !== version) derived.set(db, (d = { version, deps: deriveDependents(db), keys: deriveKeys(db) }));
  return d;
}
/** The dependents for this connection's schema, derived once per schema version. */
export function dependentsOf(db: Db): Record<string, Dependent[]> {
  return schemaOf(db).deps;
}

const IDENT = /^[a-z_][a-z0-9_]*$/;
function ident(s: string): string {
  if (!IDENT.test(s)) throw new Error(`invalid identifier ${s}`);
  return s;
}

const cache = new WeakMap<Db, Map<string, import('better-sqlite3').Statement>>();
export function stmt(db: Db, sql: string): import('better-sqlite3').Statement {
  let m = cache.get(db);
  if (!m) cache.set(db, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = db.prepare(sql)));
  return s;
}

function where(cols: string[]): string {
  return cols.map((c) => `${ident(c)} = ?`).join(' AND ');
}

export function insertRow(db: Db, table: string, row: Row): number {
  const cols = Object.keys(row);
  const sql = `INSERT INTO ${ident(table)} (${cols.map(ident).join(',')}) VALUES (${cols.map(() => '?').join(',')})`;
  const id = Number(stmt(db, sql).run(...cols.map((c) => toSql(row[c]))).lastInsertRowid);
  afterInsert(db, table, row, id); // the search index follows the turns (search-index.ts)
  return id;
}

function toSql(v: unknown): unknown {
  return typeof v === 'boolean' ? (v ? 1 : 0) : v;
}

function selectRows(db: Db, table: string, match: Row): Row[] {
  const cols = Object.keys(match);
  return stmt(db, `SELECT * FROM ${ident(table)} WHERE ${where(cols)}`).all(...cols.map((c) => match[c])) as Row[];
}

/** Collects rows to delete, parents first, following the schema's dependents recursively. */
function capture(db: Db, table: string, rows: Row[], out: Action[], seen: Set<string>): void {
  const kc = keyColumns(db, table);
  const fresh = rows.filter((r) => {
    const k = table + ':' + kc.map((c) => String(r[c])).join('\u0000');
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  if (!fresh.length) return;
  out.push({ op: 'insert', table, rows: fresh });
  for (const dep of dependentsOf(db)[table] ?? []) {
    for (const r of fresh) {
      const match: Row = { ...(dep.extra ?? {}) };
      dep.columns.forEach((c, i) => {
        match[c] = r[dep.parentColumns[i]];
      });
      const children = selectRows(db, dep.table, match);
      if (!children.length) continue;
      if (dep.nullify) {
        for (const c of children) {
          const key = pick(c, keyColumns(db, dep.table));
          out.push({ op: 'update', table: dep.table, key, set: pick(c, dep.columns) });
        }
      } else {
        capture(db, dep.table, children, out, seen);
      }
    }
  }
}

function pick(row: Row, cols: string[]): Row {
  const o: Row = {};
  for (const c of cols) o[c] = row[c];
  return o;
}

/** Applies actions in order and returns the actions that undo them, in the order to apply them. */
export function applyActions(db: Db, actions: Action[]): Action[] {
  const lists = actions.map((a) => applyOne(db, a));
  return lists.reverse().flat();
}

function applyOne(db: Db, a: Action): Action[] {
  if (a.op === 'insert') {
    const keys: Row[] = [];
    const kc = keyColumns(db, a.table);
    for (const r of a.rows) {
      const id = insertRow(db, a.table, r);
      const k = pick(r, kc);
      if (kc[0] === 'id' && k.id == null) k.id = id;
      keys.push(k);
    }
    return [{ op: 'delete', table: a.table, keys }];
  }
  if (a.op === 'update') {
    const cols = Object.keys(a.set);
    const [old] = selectRows(db, a.table, a.key);
    if (!old) throw new Error(`update: no ${a.table} row ${JSON.stringify(a.key)}`);
    const kc = Object.keys(a.key);
    stmt(db, `UPDATE ${ident(a.table)} SET ${cols.map((c) => `${ident(c)} = ?`).join(', ')} WHERE ${where(kc)}`).run(
      ...cols.map((c) => toSql(a.set[c])),
      ...kc.map((c) => a.key[c]),
    );
    return [{ op: 'update', table: a.table, key: a.key, set: pick(old, cols) }];
  }
  // delete: capture everything that goes with these rows, then remove children before parents
  const captured: Action[] = [];
  const seen = new Set<string>();
  for (const key of a.keys) capture(db, a.table, selectRows(db, a.table, key), captured, seen);
  for (const c of captured) {
    if (c.op === 'update') {
      const cols = Object.keys(c.set);
      const kc = Object.keys(c.key);
      stmt(db, `UPDATE ${ident(c.table)} SET ${cols.map((col) => `${ident(col)} = NULL`).join(', ')} WHERE ${where(kc)}`).run(
        ...kc.map((k) => c.key[k]),
      );
    }
  }
  for (let i = captured.length - 1; i >= 0; i--) {
    const c = captured[i];
    if (c.op !== 'insert') continue;
    const kc = keyColumns(db, c.table);
    const del = stmt(db, `DELETE FROM ${ident(c.table)} WHERE ${where(kc)}`);
    for (const r of c.rows) del.run(...kc.map((k) => r[k]));
  }
  // To undo: re-insert parents first, then restore nulled references.
  return [...captured.filter((c) => c.op === 'insert'), ...captured.filter((c) => c.op === 'update')];
}
