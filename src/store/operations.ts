import type { Db } from './open.ts';
import { applyActions, type Action, type Row, stmt } from './changes.ts';
import { ThematicError } from '../core/errors.ts';

/** What a mutating call does, expressed through change primitives that record their inverse. */
export class Tx {
  db: Db;
  undo: Action[][] = [];
  constructor(db: Db) {
    this.db = db;
  }
  private run(a: Action): Action[] {
    const inv = applyActions(this.db, [a]);
    this.undo.push(inv);
    return inv;
  }
  /** Inserts a row; returns its id (for tables keyed by id). */
  insert(table: string, row: Row): number {
    const inv = this.run({ op: 'insert', table, rows: [row] });
    const first = inv[0];
    return first.op === 'delete' ? Number(first.keys[0].id) : 0;
  }
  insertMany(table: string, rows: Row[]): void {
    if (rows.length) this.run({ op: 'insert', table, rows });
  }
  update(table: string, key: Row, set: Row): void {
    if (Object.keys(set).length) this.run({ op: 'update', table, key, set });
  }
  delete(table: string, keys: Row[]): void {
    if (keys.length) this.run({ op: 'delete', table, keys });
  }
  inverse(): Action[] {
    return this.undo.slice().reverse().flat();
  }
}

export interface OpInfo {
  actor: string;
  method: string;
  summary: string;
}

const now = () => new Date().toISOString();

/** Runs one mutating call as one transaction and one entry in the operation log. */
export function runOperation<T>(db: Db, info: OpInfo, fn: (tx: Tx) => T): T {
  return db.transaction(() => {
    const tx = new Tx(db);
    const result = fn(tx);
    const undo = tx.inverse();
    if (undo.length) {
      stmt(db, `UPDATE operations SET state = 'discarded' WHERE state = 'undone'`).run();
      stmt(db, `INSERT INTO operations (at, actor, method, summary, kind, state, undo) VALUES (?, ?, ?, ?, 'change', 'done', ?)`).run(
        now(),
        info.actor,
        info.method,
        info.summary,
        JSON.stringify(undo),
      );
    }
    return result;
  })();
}

interface OpRow {
  id: number;
  method: string;
  summary: string;
  undo: string | null;
  redo: string | null;
}

export function undoLast(db: Db, actor: string): { operationId: number; summary: string } {
  return db.transaction(() => {
    const op = stmt(
      db,
      `SELECT id, method, summary, undo, redo FROM operations WHERE kind = 'change' AND state = 'done' ORDER BY id DESC LIMIT 1`,
    ).get() as OpRow | undefined;
    if (!op) throw new ThematicError('nothing_to_undo', 'There is nothing to undo.');
    const redo = applyActions(db, JSON.parse(op.undo ?? '[]'));
    stmt(db, `UPDATE operations SET state = 'undone', redo = ? WHERE id = ?`).run(JSON.stringify(redo), op.id);
    stmt(db, `INSERT INTO operations (at, actor, method, summary, kind, target_op, state) VALUES (?, ?, ?, ?, 'undo', ?, 'record')`).run(
      now(),
      actor,
      op.method,
      `Undo: ${op.summary}`,
      op.id,
    );
    return { operationId: op.id, summary: op.summary };
  })();
}

export function redoNext(db: Db, actor: string): { operationId: number; summary: string } {
  return db.transaction(() => {
    const op = stmt(
      db,
      `SELECT id, method, summary, undo, redo FROM operations WHERE kind = 'change' AND state = 'undone' ORDER BY id ASC LIMIT 1`,
    ).get() as OpRow | undefined;
    if (!op) throw new ThematicError('nothing_to_redo', 'There is nothing to redo.');
    const undo = applyActions(db, JSON.parse(op.redo ?? '[]'));
    stmt(db, `UPDATE operations SET state = 'done', undo = ?, redo = NULL WHERE id = ?`).run(JSON.stringify(undo), op.id);
    stmt(db, `INSERT INTO operations (at, actor, method, summary, kind, target_op, state) VALUES (?, ?, ?, ?, 'redo', ?, 'record')`).run(
      now(),
      actor,
      op.method,
      `Redo: ${op.summary}`,
      op.id,
    );
    return { operationId: op.id, summary: op.summary };
  })();
}
