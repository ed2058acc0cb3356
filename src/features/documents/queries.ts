import type { Db } from '../../store/open.ts';
import { stmt } from '../../store/changes.ts';
import type { Tx } from '../../store/operations.ts';
import type { DocumentSummary, Turn } from '../../core/model/entities.ts';
import { attributesOf } from '../participants/queries.ts';
import { nowIso } from '../../store/rows.ts';
import { ThematicError } from '../../core/errors.ts';

interface DocRow {
  id: number;
  name: string;
  original_filename: string;
  format: string;
  sha256: string;
  char_length: number;
  word_count: number;
  participant_id: number | null;
  participant: string | null;
  imported_at: string;
  turn_count: number;
}

const SUMMARY_SQL = `SELECT d.id, d.name, d.original_filename, d.format, d.sha256, d.char_length, d.word_count,
    d.participant_id, p.label AS participant, d.imported_at,
    (SELECT COUNT(*) FROM turns t WHERE t.document_id = d.id) AS turn_count
  FROM documents d LEFT JOIN participants p ON p.id = d.participant_id`;

export function listDocuments(db: Db, filter?: { key: string; value: string }): DocumentSummary[] {
  const rows = stmt(db, `${SUMMARY_SQL} ORDER BY d.name COLLATE NOCASE, d.id`).all() as DocRow[];
  const counts = stmt(
    db,
    `SELECT c.document_id, k.name, COUNT(*) AS n FROM codings c JOIN coders k ON k.id = c.coder_id GROUP BY c.document_id, k.name`,
  ).all() as { document_id: number; name: string; n: number }[];
  const byDoc = new Map<number, Record<string, number>>();
  for (const c of counts) (byDoc.get(c.document_id) ?? byDoc.set(c.document_id, {}).get(c.document_id)!)[c.name] = c.n;
  const docs = rows.map((r) => toSummary(db, r, byDoc.get(r.id) ?? {}));
  const natural = (a: DocumentSummary, b: DocumentSummary) => a.name.localeCompare(b.name, undefined, { numeric: true });
  docs.sort(natural);
  if (!filter) return docs;
  return docs.filter((d) => d.attributes[filter.key] === filter.value);
}

function toSummary(db: Db, r: DocRow, codingsByCoder: Record<string, number>): DocumentSummary {
  return {
    id: r.id,
    name: r.name,
    originalFilename: r.original_filename,
    format: r.format,
    sha256: r.sha256,
    charLength: r.char_length,
    wordCount: r.word_count,
    participantId: r.participant_id,
    participant: r.participant,
    attributes: r.participant_id ? attributesOf(db, r.participant_id) : {},
    importedAt: r.imported_at,
    codingsByCoder,
    turnCount: r.turn_count,
  };
}

export function getDocumentSummary(db: Db, id: number): DocumentSummary {
  const r = stmt(db, `${SUMMARY_SQL} WHERE d.id = ?`).get(id) as DocRow | undefined;
  if (!r) throw new ThematicError('not_found', `document ${id} does not exist`);
  const counts = stmt(
    db,
    `SELECT k.name, COUNT(*) AS n FROM codings c JOIN coders k ON k.id = c.coder_id WHERE c.document_id = ? GROUP BY k.name`,
  ).all(id) as { name: string; n: number }[];
  return toSummary(db, r, Object.fromEntries(counts.map((c) => [c.name, c.n])));
}

export function documentText(db: Db, id: number): string {
  const r = stmt(db, 'SELECT text FROM documents WHERE id = ?').get(id) as { text: string } | undefined;
  if (!r) throw new ThematicError('not_found', `document ${id} does not exist`);
  return r.text;
}

export function listTurns(db: Db, documentId: number): Turn[] {
  const rows = stmt(
    db,
    `SELECT t.id, t.idx, t.speaker, t.start, t.end, t.time_start, t.time_end,
      COALESCE(s.participant_id, NULL) AS participant_id, p.label AS participant
    FROM turns t
    LEFT JOIN speaker_participants s ON s.document_id = t.document_id AND s.speaker = t.speaker
    LEFT JOIN participants p ON p.id = s.participant_id
    WHERE t.document_id = ? ORDER BY t.idx`,
  ).all(documentId) as {
    id: number;
    idx: number;
    speaker: string | null;
    start: number;
    end: number;
    time_start: number | null;
    time_end: number | null;
    participant_id: number | null;
    participant: string | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    idx: r.idx,
    speaker: r.speaker,
    participantId: r.participant_id,
    participant: r.participant,
    start: r.start,
    end: r.end,
    timeStart: r.time_start,
    timeEnd: r.time_end,
  }));
}

export function findDocumentByHash(db: Db, sha256: string): { id: number; name: string } | undefined {
  return stmt(db, 'SELECT id, name FROM documents WHERE sha256 = ? LIMIT 1').get(sha256) as { id: number; name: string } | undefined;
}

export interface NewDocument {
  name: string;
  originalFilename: string;
  format: string;
  sha256: string;
  text: string;
  turns: { speaker: string | null; start: number; end: number; timeStart: number | null; timeEnd: number | null }[];
  participantId: number | null;
}

export function countWords(text: string): number {
  const m = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’\-]*/gu);
  return m ? m.length : 0;
}

export function insertDocument(tx: Tx, d: NewDocument): number {
  const id = tx.insert('documents', {
    name: d.name,
    original_filename: d.originalFilename,
    format: d.format,
    sha256: d.sha256,
    text: d.text,
    char_length: d.text.length,
    word_count: countWords(d.text),
    participant_id: d.participantId,
    imported_at: nowIso(),
  });
  tx.insertMany(
    'turns',
    d.turns.map((t, idx) => ({
      document_id: id,
      idx,
      speaker: t.speaker,
      start: t.start,
      end: t.end,
      time_start: t.timeStart,
      time_end: t.timeEnd,
    })),
  );
  return id;
}

export function documentExists(db: Db, id: number): boolean {
  return !!stmt(db, 'SELECT 1 FROM documents WHERE id = ?').get(id);
}

/** Whether the speaker has a turn in the document. */
export function speakerOccurs(db: Db, documentId: number, speaker: string): boolean {
  return !!stmt(db, 'SELECT 1 FROM turns WHERE document_id = ? AND speaker = ?').get(documentId, speaker);
}
