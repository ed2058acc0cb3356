import type { Handlers } from '../../api/handler-types.ts';
import { createMemo, getMemo, listMemos, updateMemo } from './queries.ts';

type Method = 'memos.list' | 'memos.create' | 'memos.update' | 'memos.delete';

export const memoHandlers: Handlers<Method> = {
  'memos.list': (i, h) => listMemos(h.db, i.targetType, i.targetId),
  'memos.create': (i, h) =>
    getMemo(
      h.db,
      h.op(`Write memo "${i.title || 'untitled'}"`, (tx) => createMemo(tx, { ...i, author: i.author || h.actor })),
    ),
  'memos.update': (i, h) => {
    const m = getMemo(h.db, i.id);
    h.op(`Edit memo "${m.title || 'untitled'}"`, (tx) => updateMemo(tx, i.id, i));
    return getMemo(h.db, i.id);
  },
  'memos.delete': (i, h) => {
    const m = getMemo(h.db, i.id);
    h.op(`Delete memo "${m.title || 'untitled'}"`, (tx) => tx.delete('memos', [{ id: i.id }]));
    return { ok: true as const };
  },
};
