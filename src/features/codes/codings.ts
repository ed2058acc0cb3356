import { randomUUID } from 'node:crypto';
import type { Db } from '../../store/open.ts';
import { stmt } from '../../store/changes.ts';
import type { Tx } from '../../store/operations.ts';
import type { Coding } from '../../core/model/entities.ts';
import { nowIso } from '../../store/rows.ts';
import { ThematicError } from '../../core/errors.ts';
import { coderId } from '../participants/coders.ts';

interface CodingRow {
  id: number;
  guid: string;
  document_id: number;
  code_id: number;
  coder: string;
  start: number;
  end: number;
  created_at: string;
}

const CODING_SQL = `SELECT g.id, g.guid, g.document_id, g.code_id, k.name AS coder, g.start, g.end, g.created_at
  FROM codings g JOIN coders k ON k.id = g.coder_id`;

const toCoding = (r: CodingRow): Coding => ({
  id: r.id,
  guid: r.guid,
  documentId: r.document_id,
  codeId: r.code_id,
  coder: r.coder,
  start: r.start,
  end: r.end,
  createdAt: r.created_at,
});

export function listCodings(db: Db, f: { documentId?: number; codeId?: number; coder?: string; includeText?: boolean }): Coding[] {
  const rows = stmt(
    db,
    `${CODING_SQL}
    WHERE (@doc IS NULL OR g.document_id = @doc) AND (@code IS NULL OR g.code_id = @code) AND (@coder IS NULL OR k.name = @coder)
    ORDER BY g.document_id, g.start, g.end, g.id`,
  ).all({ doc: f.documentId ?? null, code: f.codeId ?? null, coder: f.coder ?? null }) as CodingRow[];
  const out = rows.map(toCoding);
  if (f.includeText) {
    const texts = new Map<number, string>();
    for (const c of out) {
      if (!texts.has(c.documentId))
        texts.set(c.documentId, (stmt(db, 'SELECT text FROM documents WHERE id = ?').get(c.documentId) as { text: string }).text);
      c.text = texts.get(c.documentId)!.slice(c.start, c.end);
    }
  }
  return out;
}

export function getCoding(db: Db, id: number): Coding {
  const r = stmt(db, `${CODING_SQL} WHERE g.id = ?`).get(id) as CodingRow | undefined;
  if (!r) throw new ThematicError('not_found', `coding ${id} does not exist`);
  return toCoding(r);
}

export function checkSpan(db: Db, documentId: number, start: number, end: number): void {
  const d = stmt(db, 'SELECT char_length FROM documents WHERE id = ?').get(documentId) as { char_length: number } | undefined;
  if (!d) throw new ThematicError('not_found', `document ${documentId} does not exist`);
  if (!(start >= 0 && end > start && end <= d.char_length)) {
    throw new ThematicError('invalid_span', `span [${start}, ${end}) is not inside the document (length ${d.char_length})`);
  }
}

export function createCoding(tx: Tx, c: { documentId: number; codeId: number; coder: string; start: number; end: number }): number {
  checkSpan(tx.db, c.documentId, c.start, c.end);
  if (!stmt(tx.db, 'SELECT 1 FROM codes WHERE id = ?').get(c.codeId))
    throw new ThematicError('not_found', `code ${c.codeId} does not exist`);
  return tx.insert('codings', {
    guid: randomUUID(),
    document_id: c.documentId,
    code_id: c.codeId,
    coder_id: coderId(tx, c.coder),
    start: c.start,
    end: c.end,
    created_at: nowIso(),
  });
}

/** True if this coder already has exactly this coding (auto-coding and merges skip duplicates). */
export function hasCoding(db: Db, c: { documentId: number; codeId: number; coderId: number; start: number; end: number }): boolean {
  return !!stmt(db, 'SELECT 1 FROM codings WHERE document_id = ? AND code_id = ? AND coder_id = ? AND start = ? AND end = ?').get(
    c.documentId,
    c.codeId,
    c.coderId,
    c.start,
    c.end,
  );
}
