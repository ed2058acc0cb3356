import { randomUUID } from 'node:crypto';
import type { Db } from '../../store/open.ts';
import { stmt } from '../../store/changes.ts';
import type { Tx } from '../../store/operations.ts';
import type { Code } from '../../core/model/entities.ts';
import { nowIso } from '../../store/rows.ts';
import { ThematicError } from '../../core/errors.ts';
import { moveAttachments } from '../themes/queries.ts';
import { CODE_PALETTE } from '../../core/model/code-palette.ts';

interface CodeRow {
  id: number;
  guid: string;
  parent_id: number | null;
  name: string;
  color: string;
  definition: string;
  when_to_use: string;
  when_not_to_use: string;
  example: string;
  in_vivo: number;
  coding_count: number;
  document_count: number;
  participant_count: number;
}

const CODE_SQL = `SELECT c.*,
   (SELECT COUNT(*) FROM codings g WHERE g.code_id = c.id) AS coding_count,
   (SELECT COUNT(DISTINCT g.document_id) FROM codings g WHERE g.code_id = c.id) AS document_count,
   (SELECT COUNT(DISTINCT d.participant_id) FROM codings g JOIN documents d ON d.id = g.document_id WHERE g.code_id = c.id AND d.participant_id IS NOT NULL) AS participant_count
  FROM codes c`;

const toCode = (r: CodeRow): Code => ({
  id: r.id,
  guid: r.guid,
  parentId: r.parent_id,
  name: r.name,
  color: r.color,
  definition: r.definition,
  whenToUse: r.when_to_use,
  whenNotToUse: r.when_not_to_use,
  example: r.example,
  inVivo: !!r.in_vivo,
  codingCount: r.coding_count,
  documentCount: r.document_count,
  participantCount: r.participant_count,
});

export function listCodes(db: Db): Code[] {
  return (stmt(db, `${CODE_SQL} ORDER BY c.name COLLATE NOCASE`).all() as CodeRow[]).map(toCode);
}

export function getCode(db: Db, id: number): Code {
  const r = stmt(db, `${CODE_SQL} WHERE c.id = ?`).get(id) as CodeRow | undefined;
  if (!r) throw new ThematicError('not_found', `code ${id} does not exist`);
  return toCode(r);
}

/** Just the name: cheap enough for the hot path (operation summaries), unlike getCode's counts. */
export function codeName(db: Db, id: number): string {
  const r = stmt(db, 'SELECT name FROM codes WHERE id = ?').get(id) as { name: string } | undefined;
  if (!r) throw new ThematicError('not_found', `code ${id} does not exist`);
  return r.name;
}

export function findCodeByName(db: Db, name: string, parentId: number | null = null): { id: number } | undefined {
  return stmt(db, 'SELECT id FROM codes WHERE name = ? COLLATE NOCASE AND parent_id IS ?').get(name, parentId) as
    { id: number } | undefined;
}

export interface NewCode {
  name: string;
  parentId?: number | null;
  color?: string;
  definition?: string;
  whenToUse?: string;
  whenNotToUse?: string;
  example?: string;
  inVivo?: boolean;
  guid?: string;
}

export function createCode(tx: Tx, c: NewCode): number {
  const parentId = c.parentId ?? null;
  if (parentId !== null) getCode(tx.db, parentId);
  if (findCodeByName(tx.db, c.name, parentId)) {
    throw new ThematicError('exists', `a code named "${c.name}" already exists here`);
  }
  const n = (stmt(tx.db, 'SELECT COUNT(*) AS n FROM codes').get() as { n: number }).n;
  return tx.insert('codes', {
    guid: c.guid ?? randomUUID(),
    parent_id: parentId,
    name: c.name,
    color: c.color ?? CODE_PALETTE[n % CODE_PALETTE.length],
    definition: c.definition ?? '',
    when_to_use: c.whenToUse ?? '',
    when_not_to_use: c.whenNotToUse ?? '',
    example: c.example ?? '',
    in_vivo: c.inVivo ? 1 : 0,
    created_at: nowIso(),
  });
}

export function updateCode(tx: Tx, id: number, patch: Partial<NewCode>): void {
  const cur = getCode(tx.db, id);
  if (patch.name !== undefined && patch.name.toLowerCase() !== cur.name.toLowerCase()) {
    const clash = findCodeByName(tx.db, patch.name, cur.parentId);
    if (clash && clash.id !== id) throw new ThematicError('exists', `a code named "${patch.name}" already exists here`);
  }
  const set: Record<string, unknown> = {};
  const map: [keyof NewCode, string][] = [
    ['name', 'name'],
    ['color', 'color'],
    ['definition', 'definition'],
    ['whenToUse', 'when_to_use'],
    ['whenNotToUse', 'when_not_to_use'],
    ['example', 'example'],
  ];
  for (const [k, col] of map) if (patch[k] !== undefined) set[col] = patch[k];
  tx.update('codes', { id }, set);
}

export function descendants(db: Db, id: number): number[] {
  return (
    stmt(
      db,
      `WITH RECURSIVE sub(id) AS (SELECT id FROM codes WHERE parent_id = ?
      UNION ALL SELECT c.id FROM codes c JOIN sub ON c.parent_id = sub.id) SELECT id FROM sub`,
    ).all(id) as { id: number }[]
  ).map((r) => r.id);
}

export function moveCode(tx: Tx, id: number, parentId: number | null): void {
  const cur = getCode(tx.db, id);
  if (parentId !== null) {
    getCode(tx.db, parentId);
    if (parentId === id || descendants(tx.db, id).includes(parentId)) {
      throw new ThematicError('invalid_move', `cannot move "${cur.name}" under itself or one of its sub-codes`);
    }
  }
  if (findCodeByName(tx.db, cur.name, parentId)) {
    const clash = findCodeByName(tx.db, cur.name, parentId)!;
    if (clash.id !== id) throw new ThematicError('exists', `a code named "${cur.name}" already exists there`);
  }
  tx.update('codes', { id }, { parent_id: parentId });
}

/**
 * Merges code `sourceId` into `targetId`: its codings move (a coding the target already has on the
 * same span by the same coder is dropped), its sub-codes and memos follow, the target takes over
 * its theme attachments, and the source is deleted. Returns how many codings moved.
 */
export function mergeCode(tx: Tx, sourceId: number, targetId: number): number {
  const rows = stmt(tx.db, 'SELECT id, document_id, coder_id, start, end FROM codings WHERE code_id = ?').all(sourceId) as {
    id: number;
    document_id: number;
    coder_id: number;
    start: number;
    end: number;
  }[];
  const dup = stmt(tx.db, 'SELECT 1 FROM codings WHERE code_id = ? AND document_id = ? AND coder_id = ? AND start = ? AND end = ?');
  let n = 0;
  for (const r of rows) {
    if (dup.get(targetId, r.document_id, r.coder_id, r.start, r.end)) tx.delete('codings', [{ id: r.id }]);
    else {
      tx.update('codings', { id: r.id }, { code_id: targetId });
      n++;
    }
  }
  for (const child of stmt(tx.db, 'SELECT id FROM codes WHERE parent_id = ?').all(sourceId) as { id: number }[])
    moveCode(tx, child.id, targetId);
  for (const m of stmt(tx.db, `SELECT id FROM memos WHERE target_type = 'code' AND target_id = ?`).all(sourceId) as { id: number }[]) {
    tx.update('memos', { id: m.id }, { target_id: targetId });
  }
  moveAttachments(tx, sourceId, targetId); // the merged code keeps supporting the same themes
  tx.delete('codes', [{ id: sourceId }]);
  return n;
}

/** How many codings the codes hold between them. */
export function codingCount(db: Db, codeIds: number[]): number {
  const one = stmt(db, 'SELECT COUNT(*) AS n FROM codings WHERE code_id = ?');
  return codeIds.reduce((n, id) => n + (one.get(id) as { n: number }).n, 0);
}

/** Deletes a code; its sub-codes, codings and memos go with it (and come back with undo). */
export function deleteCode(tx: Tx, id: number): void {
  tx.delete('codes', [{ id }]);
}
