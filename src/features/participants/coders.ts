import type { Db } from '../../store/open.ts';
import { stmt } from '../../store/changes.ts';
import type { Tx } from '../../store/operations.ts';
import { nowIso } from '../../store/rows.ts';
import type { Coder } from '../../core/model/entities.ts';

export function listCoders(db: Db): Coder[] {
  return (
    stmt(
      db,
      `SELECT k.id, k.name, k.is_consensus, (SELECT COUNT(*) FROM codings g WHERE g.coder_id = k.id) AS n
      FROM coders k ORDER BY k.is_consensus, k.name`,
    ).all() as { id: number; name: string; is_consensus: number; n: number }[]
  ).map((r) => ({ id: r.id, name: r.name, isConsensus: !!r.is_consensus, codingCount: r.n }));
}

export function coderExists(db: Db, name: string): boolean {
  return !!stmt(db, 'SELECT 1 FROM coders WHERE name = ?').get(name);
}

/** The coder's id, creating the coder on first use. */
export function coderId(tx: Tx, name: string): number {
  const r = stmt(tx.db, 'SELECT id FROM coders WHERE name = ?').get(name) as { id: number } | undefined;
  if (r) return r.id;
  return tx.insert('coders', { name, is_consensus: name.toLowerCase() === 'consensus' ? 1 : 0, created_at: nowIso() });
}
