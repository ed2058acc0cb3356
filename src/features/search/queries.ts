import type { Db } from '../../store/open.ts';
import { stmt } from '../../store/changes.ts';
import type { SearchHit } from '../../core/model/entities.ts';
import { ThematicError } from '../../core/errors.ts';
import { documentText } from '../documents/queries.ts';

interface Term {
  text: string;
  prefix: boolean;
}

/** Splits what the researcher typed into words and "quoted phrases"; a trailing * means prefix. */
export function parseQuery(q: string): Term[] {
  const terms: Term[] = [];
  const re = /"([^"]*)"(\*)?|(\S+)/g;
  for (let m; (m = re.exec(q));) {
    const raw = (m[1] ?? m[3] ?? '').trim();
    const prefix = !!m[2] || (!!m[3] && raw.endsWith('*'));
    const text = raw
      .replace(/\*+$/, '')
      .replace(/[^\p{L}\p{N}\s'’-]+/gu, ' ')
      .trim();
    if (text) terms.push({ text, prefix });
  }
  if (!terms.length) throw new ThematicError('invalid_query', `search "${q}" has no words to look for`);
  return terms;
}

/** FTS5 syntax built from quoted strings only, so user input can never be an FTS operator. */
export function toFtsQuery(terms: Term[]): string {
  return terms.map((t) => `"${t.text.replace(/"/g, '""')}"${t.prefix ? '*' : ''}`).join(' AND ');
}

function termRegex(terms: Term[]): RegExp {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  const parts = terms.map((t) => `${esc(t.text)}${t.prefix ? '[\\p{L}\\p{N}]*' : ''}`);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

interface TurnHit {
  id: number;
  document_id: number;
  start: number;
  end: number;
  speaker: string | null;
  document: string;
  participant: string | null;
}

const CONTEXT = 60;

export function search(db: Db, q: string, limit: number, documentId?: number): { hits: SearchHit[]; total: number } {
  const terms = parseQuery(q);
  const turns = stmt(
    db,
    `SELECT t.id, t.document_id, t.start, t.end, t.speaker, d.name AS document,
        COALESCE(sp.label, dp.label) AS participant
      FROM turn_fts f JOIN turns t ON t.id = f.rowid JOIN documents d ON d.id = t.document_id
      LEFT JOIN speaker_participants s ON s.document_id = t.document_id AND s.speaker = t.speaker
      LEFT JOIN participants sp ON sp.id = s.participant_id
      LEFT JOIN participants dp ON dp.id = d.participant_id
      WHERE turn_fts MATCH ? AND (? IS NULL OR t.document_id = ?)
      ORDER BY d.name, t.idx`,
  ).all(toFtsQuery(terms), documentId ?? null, documentId ?? null) as TurnHit[];
  const hits: SearchHit[] = [];
  let total = 0;
  const re = termRegex(terms);
  const docText = new Map<number, string>();
  for (const t of turns) {
    if (!docText.has(t.document_id)) docText.set(t.document_id, documentText(db, t.document_id));
    const text = docText.get(t.document_id)!.slice(t.start, t.end);
    re.lastIndex = 0;
    for (let m; (m = re.exec(text));) {
      total++;
      if (hits.length >= limit) continue;
      const s = m.index,
        e = m.index + m[0].length;
      hits.push({
        documentId: t.document_id,
        document: t.document,
        turnId: t.id,
        speaker: t.speaker,
        participant: t.participant,
        start: t.start + s,
        end: t.start + e,
        before: text.slice(Math.max(0, s - CONTEXT), s),
        match: m[0],
        after: text.slice(e, e + CONTEXT),
      });
    }
  }
  return { hits, total };
}

/** The span to code for a hit: the hit itself, its sentence, or its whole speaker turn. */
export function expandHit(db: Db, hit: SearchHit, scope: 'hit' | 'sentence' | 'turn'): { start: number; end: number } {
  if (scope === 'hit') return { start: hit.start, end: hit.end };
  const row = stmt(db, 'SELECT document_id, start, end FROM turns WHERE id = ?').get(hit.turnId) as {
    document_id: number;
    start: number;
    end: number;
  };
  const t = { ...row, text: documentText(db, row.document_id).slice(row.start, row.end) };
  if (scope === 'turn') return { start: t.start, end: t.end };
  const s = hit.start - t.start,
    e = hit.end - t.start;
  let a = s;
  while (a > 0 && !/[.!?…]\s/.test(t.text.slice(a - 2, a)) && t.text[a - 1] !== '\n') a--;
  let b = e;
  while (b < t.text.length && !/[.!?…]/.test(t.text[b - 1] ?? '') && t.text[b] !== '\n') b++;
  while (b < t.text.length && /[.!?…"'’”)]/.test(t.text[b])) b++;
  while (a < b && /\s/.test(t.text[a])) a++;
  return { start: t.start + a, end: t.start + Math.max(b, e) };
}
