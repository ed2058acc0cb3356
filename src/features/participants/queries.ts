import type { Db } from '../../store/open.ts';
import { stmt } from '../../store/changes.ts';
import type { Tx } from '../../store/operations.ts';
import type { Participant } from '../../core/model/entities.ts';
import { nowIso } from '../../store/rows.ts';
import { ThematicError } from '../../core/errors.ts';

export function attributesOf(db: Db, participantId: number): Record<string, string> {
  const rows = stmt(db, 'SELECT key, value FROM participant_attributes WHERE participant_id = ? ORDER BY key').all(participantId) as {
    key: string;
    value: string;
  }[];
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

export function listParticipants(db: Db): Participant[] {
  const rows = stmt(
    db,
    `SELECT p.id, p.label,
      (SELECT COUNT(DISTINCT d.id) FROM documents d WHERE d.participant_id = p.id
         OR d.id IN (SELECT document_id FROM speaker_participants s WHERE s.participant_id = p.id)) AS documentCount
    FROM participants p ORDER BY p.id`,
  ).all() as { id: number; label: string; documentCount: number }[];
  const attrs = stmt(db, 'SELECT participant_id, key, value FROM participant_attributes ORDER BY key').all() as {
    participant_id: number;
    key: string;
    value: string;
  }[];
  const by = new Map<number, Record<string, string>>();
  for (const a of attrs) (by.get(a.participant_id) ?? by.set(a.participant_id, {}).get(a.participant_id)!)[a.key] = a.value;
  // Natural order so P2 comes before P10.
  return rows
    .map((r) => ({ ...r, attributes: by.get(r.id) ?? {} }))
    .sort((a, b) => a.label.localeCompare(b.label, undefined, { numeric: true }));
}

export function getParticipant(db: Db, id: number): Participant {
  const p = listParticipants(db).find((x) => x.id === id);
  if (!p) throw new ThematicError('not_found', `participant ${id} does not exist`);
  return p;
}

export function findParticipantByLabel(db: Db, label: string): { id: number } | undefined {
  return stmt(db, 'SELECT id FROM participants WHERE label = ? COLLATE NOCASE').get(label) as { id: number } | undefined;
}

export function createParticipant(tx: Tx, label: string, attributes: Record<string, string> = {}): number {
  if (findParticipantByLabel(tx.db, label)) throw new ThematicError('exists', `participant ${label} already exists`);
  const id = tx.insert('participants', { label, created_at: nowIso() });
  setAttributes(tx, id, attributes);
  return id;
}

export function setAttributes(tx: Tx, participantId: number, attributes: Record<string, string | null>): void {
  const current = attributesOf(tx.db, participantId);
  for (const [key, value] of Object.entries(attributes)) {
    const k = key.trim();
    if (!k) continue;
    if (value === null || value === '') {
      if (k in current) tx.delete('participant_attributes', [{ participant_id: participantId, key: k }]);
    } else if (!(k in current)) {
      tx.insert('participant_attributes', { participant_id: participantId, key: k, value });
    } else if (current[k] !== value) {
      tx.update('participant_attributes', { participant_id: participantId, key: k }, { value });
    }
  }
}

/** Links every speaker label equal to a participant's label, in every document, to that participant. */
export function linkSpeakersByLabel(tx: Tx, documentId?: number): number {
  const rows = stmt(
    tx.db,
    `SELECT DISTINCT t.document_id AS documentId, t.speaker, p.id AS participantId
      FROM turns t JOIN participants p ON p.label = t.speaker COLLATE NOCASE
      WHERE t.speaker IS NOT NULL AND (? IS NULL OR t.document_id = ?)
        AND NOT EXISTS (SELECT 1 FROM speaker_participants s WHERE s.document_id = t.document_id AND s.speaker = t.speaker)`,
  ).all(documentId ?? null, documentId ?? null) as { documentId: number; speaker: string; participantId: number }[];
  for (const r of rows)
    tx.insert('speaker_participants', { document_id: r.documentId, speaker: r.speaker, participant_id: r.participantId });
  // A document whose interviewee is now known gets that participant, if it has none yet.
  for (const r of rows) {
    const d = stmt(tx.db, 'SELECT participant_id FROM documents WHERE id = ?').get(r.documentId) as { participant_id: number | null };
    if (d.participant_id == null) tx.update('documents', { id: r.documentId }, { participant_id: r.participantId });
  }
  return rows.length;
}

export function participantExists(db: Db, id: number): boolean {
  return !!stmt(db, 'SELECT 1 FROM participants WHERE id = ?').get(id);
}
