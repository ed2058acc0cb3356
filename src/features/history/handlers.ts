import type { Handlers } from '../../api/handler-types.ts';
import { redoNext, undoLast } from '../../store/operations.ts';
import { stmt } from '../../store/changes.ts';
import type { Operation } from '../../core/model/entities.ts';

type Method = 'history.list' | 'history.undo' | 'history.redo';

export const historyHandlers: Handlers<Method> = {
  'history.list': (i, h) => {
    const rows = stmt(h.db, 'SELECT id, at, actor, method, summary, kind, state, target_op FROM operations ORDER BY id DESC LIMIT ?').all(i.limit) as
      { id: number; at: string; actor: string; method: string; summary: string; kind: Operation['kind']; state: Operation['state']; target_op: number | null }[];
    const has = (state: string) => !!stmt(h.db, `SELECT 1 FROM operations WHERE kind = 'change' AND state = ? LIMIT 1`).get(state);
    return {
      operations: rows.map((r) => ({ id: r.id, at: r.at, actor: r.actor, method: r.method, summary: r.summary, kind: r.kind, state: r.state, targetOp: r.target_op })),
      canUndo: has('done'),
      canRedo: has('undone'),
    };
  },
  'history.undo': (_i, h) => undoLast(h.db, h.actor),
  'history.redo': (_i, h) => redoNext(h.db, h.actor),
};
