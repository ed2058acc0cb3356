import type { Handlers } from '../../api/handler-types.ts';
import { redoNext, undoLast } from '../../store/operations.ts';
import { hasChangeIn, listOperations } from './queries.ts';

type Method = 'history.list' | 'history.undo' | 'history.redo';

export const historyHandlers: Handlers<Method> = {
  'history.list': (i, h) => ({
    operations: listOperations(h.db, i.limit),
    canUndo: hasChangeIn(h.db, 'done'),
    canRedo: hasChangeIn(h.db, 'undone'),
  }),
  'history.undo': (_i, h) => undoLast(h.db, h.actor),
  'history.redo': (_i, h) => redoNext(h.db, h.actor),
};
