import { randomUUID } from 'node:crypto';
import type { Db } from '../../store/open.ts';
import { stmt } from '../../store/changes.ts';
import type { Tx } from '../../store/operations.ts';
import type { Memo } from '../../core/model/entities.ts';
import { nowIso } from '../../store/rows.ts';
import { ThematicError } from '../../core/errors.ts';

interface MemoRow {
  id: number;
  guid: string;
  target_type: Memo['targetType'];
  target_id: number | null;
  title: string;
  body: string;
  author: string;
  created_at: string;
  updated_at: string;
}
const toMemo = (r: MemoRow): Memo => ({
  id: r.id,
  guid: r.guid,
  targetType: r.target_type,
  targetId: r.target_id,
  title: r.title,
  body: r.body,
  author: r.author,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function listMemos(db: Db, targetType?: string, targetId?: number | null): Memo[] {
  return (
    stmt(db, `SELECT * FROM memos WHERE (@type IS NULL OR target_type = @type) AND (@id IS NULL OR target_id = @id) ORDER BY id`).all({
      type: targetType ?? null,
      id: targetId ?? null,
    }) as MemoRow[]
  ).map(toMemo);
}

export function getMemo(db: Db, id: number): Memo {
  const r = stmt(db, 'SELECT * FROM memos WHERE id = ?').get(id) as MemoRow | undefined;
  if (!r) throw new ThematicError('not_found', `memo ${id} does not exist`);
  return toMemo(r);
}

const TARGET_TABLE: Record<string, string> = {
  theme: 'themes',
  document: 'documents',
  code: 'codes',
  coding: 'codings',
  participant: 'participants',
};

export function createMemo(
  tx: Tx,
  m: { targetType: Memo['targetType']; targetId: number | null; title: string; body: string; author: string },
): number {
  const table = TARGET_TABLE[m.targetType];
  if (table) {
    if (m.targetId == null || !stmt(tx.db, `SELECT 1 FROM ${table} WHERE id = ?`).get(m.targetId)) {
      throw new ThematicError('not_found', `${m.targetType} ${m.targetId} does not exist`);
    }
  }
  const at = nowIso();
  return tx.insert('memos', {
    guid: randomUUID(),
    target_type: m.targetType,
    target_id: m.targetId,
    title: m.title,
    body: m.body,
    author: m.author,
    created_at: at,
    updated_at: at,
  });
}

export function updateMemo(tx: Tx, id: number, patch: { title?: string; body?: string }): void {
  getMemo(tx.db, id);
  const set: Record<string, unknown> = { updated_at: nowIso() };
  if (patch.title !== undefined) set.title = patch.title;
  if (patch.body !== undefined) set.body = patch.body;
  tx.update('memos', { id }, set);
}
