import type { Handlers } from '../../api/handler-types.ts';
import { createMemo, getMemo, listMemos, updateMemo } from './queries.ts';
import { redoNext, undoLast } from '../../store/operations.ts';
import { stmt } from '../../store/changes.ts';
import { expandHit, search } from '../search/queries.ts';
import { getCode } from '../codes/queries.ts';
import { coderId, createCoding, hasCoding } from '../codes/codings.ts';
import type { Operation } from '../../core/model/entities.ts';

type Method = 'memos.list' | 'memos.create' | 'memos.update' | 'memos.delete' | 'history.list' | 'history.undo' | 'history.redo'
  | 'search.query' | 'search.autocode';

export const miscHandlers: Handlers<Method> = {
  'memos.list': (i, h) => listMemos(h.db, i.targetType, i.targetId),
  'memos.create': (i, h) => getMemo(h.db, h.op(`Write memo "${i.title || 'untitled'}"`, (tx) => createMemo(tx, { ...i, author: i.author || h.actor }))),
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

  'search.query': (i, h) => search(h.db, i.query, i.limit, i.documentId),
  'search.autocode': (i, h) => {
    const code = getCode(h.db, i.codeId);
    const { hits } = search(h.db, i.query, Number.MAX_SAFE_INTEGER, i.documentId);
    return h.op<{ created: number; skipped: number }>((r) => `Auto-code ${r.created} ${i.scope === 'hit' ? 'hits' : i.scope + 's'} of "${i.query}" as "${code.name}"`, (tx) => {
      const cid = coderId(tx, i.coder);
      const done = new Set<string>();
      let created = 0, skipped = 0;
      for (const hit of hits) {
        const span = expandHit(tx.db, hit, i.scope);
        const key = `${hit.documentId}:${span.start}:${span.end}`;
        if (done.has(key) || hasCoding(tx.db, { documentId: hit.documentId, codeId: i.codeId, coderId: cid, ...span })) { skipped++; continue; }
        done.add(key);
        createCoding(tx, { documentId: hit.documentId, codeId: i.codeId, coder: i.coder, ...span });
        created++;
      }
      return { created, skipped };
    });
  },
};
