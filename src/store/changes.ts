import type { Db } from './open.ts';

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

const KEYS: Record<string, string[]> = {
  participant_attributes: ['participant_id', 'key'],
  speaker_participants: ['document_id', 'speaker'],
  project_meta: ['key'],
};
export const keyColumns = (table: string): string[] => KEYS[table] ?? ['id'];

interface Dependent { table: string; column: string; parentColumn: string; extra?: Row; nullify?: boolean }

// Rows that would be removed (or nulled) with their parent; listed so deletes are captured whole.
const DEPENDENTS: Record<string, Dependent[]> = {
  documents: [
    { table: 'codings', column: 'document_id', parentColumn: 'id' },
    { table: 'turns', column: 'document_id', parentColumn: 'id' },
    { table: 'speaker_participants', column: 'document_id', parentColumn: 'id' },
    { table: 'memos', column: 'target_id', parentColumn: 'id', extra: { target_type: 'document' } },
  ],
  codes: [
    { table: 'codes', column: 'parent_id', parentColumn: 'id' },
    { table: 'codings', column: 'code_id', parentColumn: 'id' },
    { table: 'memos', column: 'target_id', parentColumn: 'id', extra: { target_type: 'code' } },
  ],
  codings: [
    { table: 'memos', column: 'target_id', parentColumn: 'id', extra: { target_type: 'coding' } },
  ],
  participants: [
    { table: 'participant_attributes', column: 'participant_id', parentColumn: 'id' },
    { table: 'speaker_participants', column: 'participant_id', parentColumn: 'id' },
    { table: 'documents', column: 'participant_id', parentColumn: 'id', nullify: true },
    { table: 'memos', column: 'target_id', parentColumn: 'id', extra: { target_type: 'participant' } },
  ],
};

/** Lets later migrations register tables that hang off existing ones (e.g. themes). */
export function registerDependent(parent: string, dep: Dependent): void {
  (DEPENDENTS[parent] ??= []).push(dep);
}
export function registerKey(table: string, cols: string[]): void {
  KEYS[table] = cols;
}

type InsertHook = (db: Db, row: Row, id: number) => void;
const INSERT_HOOKS: Record<string, InsertHook> = {};
/** Work that must follow every insert into a table, however it happens (a call, undo or redo). */
export function registerInsertHook(table: string, hook: InsertHook): void {
  INSERT_HOOKS[table] = hook;
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
  INSERT_HOOKS[table]?.(db, row, id);
  return id;
}

function toSql(v: unknown): unknown {
  return typeof v === 'boolean' ? (v ? 1 : 0) : v;
}

function selectRows(db: Db, table: string, match: Row): Row[] {
  const cols = Object.keys(match);
  return stmt(db, `SELECT * FROM ${ident(table)} WHERE ${where(cols)}`).all(...cols.map((c) => match[c])) as Row[];
}

/** Collects rows to delete, parents first, following DEPENDENTS recursively. */
function capture(db: Db, table: string, rows: Row[], out: Action[], seen: Set<string>): void {
  const fresh = rows.filter((r) => {
    const k = table + ':' + keyColumns(table).map((c) => String(r[c])).join('\u0000');
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  if (!fresh.length) return;
  out.push({ op: 'insert', table, rows: fresh });
  for (const dep of DEPENDENTS[table] ?? []) {
    for (const r of fresh) {
      const children = selectRows(db, dep.table, { [dep.column]: r[dep.parentColumn], ...(dep.extra ?? {}) });
      if (!children.length) continue;
      if (dep.nullify) {
        for (const c of children) {
          const key = pick(c, keyColumns(dep.table));
          out.push({ op: 'update', table: dep.table, key, set: { [dep.column]: c[dep.column] } });
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
    for (const r of a.rows) {
      const id = insertRow(db, a.table, r);
      const k = pick(r, keyColumns(a.table));
      if (keyColumns(a.table)[0] === 'id' && k.id == null) k.id = id;
      keys.push(k);
    }
    return [{ op: 'delete', table: a.table, keys }];
  }
  if (a.op === 'update') {
    const cols = Object.keys(a.set);
    const [old] = selectRows(db, a.table, a.key);
    if (!old) throw new Error(`update: no ${a.table} row ${JSON.stringify(a.key)}`);
    const kc = Object.keys(a.key);
    stmt(db, `UPDATE ${ident(a.table)} SET ${cols.map((c) => `${ident(c)} = ?`).join(', ')} WHERE ${where(kc)}`)
      .run(...cols.map((c) => toSql(a.set[c])), ...kc.map((c) => a.key[c]));
    return [{ op: 'update', table: a.table, key: a.key, set: pick(old, cols) }];
  }
  // delete: capture everything that goes with these rows, then remove children before parents
  const captured: Action[] = [];
  const seen = new Set<string>();
  for (const key of a.keys) capture(db, a.table, selectRows(db, a.table, key), captured, seen);
  for (const c of captured) {
    if (c.op === 'update') {
      const col = Object.keys(c.set)[0];
      const kc = Object.keys(c.key);
      stmt(db, `UPDATE ${ident(c.table)} SET ${ident(col)} = NULL WHERE ${where(kc)}`).run(...kc.map((k) => c.key[k]));
    }
  }
  for (let i = captured.length - 1; i >= 0; i--) {
    const c = captured[i];
    if (c.op !== 'insert') continue;
    const kc = keyColumns(c.table);
    const del = stmt(db, `DELETE FROM ${ident(c.table)} WHERE ${where(kc)}`);
    for (const r of c.rows) del.run(...kc.map((k) => r[k]));
  }
  // To undo: re-insert parents first, then restore nulled references.
  return [
    ...captured.filter((c) => c.op === 'insert'),
    ...captured.filter((c) => c.op === 'update'),
  ];
}
