import type { Db } from '../../store/open.ts';
import { stmt } from '../../store/changes.ts';
import type { Operation } from '../../core/model/entities.ts';

/** The newest operations first, at most `limit`. */
export function listOperations(db: Db, limit: number): Operation[] {
  const rows = stmt(db, 'SELECT id, at, actor, method, summary, kind, state, target_op FROM operations ORDER BY id DESC LIMIT ?').all(
    limit,
  ) as {
    id: number;
    at: string;
    actor: string;
    method: string;
    summary: string;
    kind: Operation['kind'];
    state: Operation['state'];
    target_op: number | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    method: r.method,
    summary: r.summary,
    kind: r.kind,
    state: r.state,
    targetOp: r.target_op,
  }));
}

/** Whether any change is in this state ('done': something to undo; 'undone': something to redo). */
export function hasChangeIn(db: Db, state: 'done' | 'undone'): boolean {
  return !!stmt(db, `SELECT 1 FROM operations WHERE kind = 'change' AND state = ? LIMIT 1`).get(state);
}
