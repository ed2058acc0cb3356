import { createHash } from 'node:crypto';
import { stmt } from '../../store/changes.ts';
import type { Tx } from '../../store/operations.ts';
import { insertDocument } from '../../store/documents.ts';
import { nowIso } from '../../store/rows.ts';
import type { RefiTextSource } from './model.ts';
import type { ExtDocument } from './extensions.ts';
import { plural, type ReportItem } from './report.ts';
import { normaliseLineEnds, removeRanges } from './store-export-text.ts';
import { transcriptTurns } from './media-import.ts';

// One text source -> one document and its codings. Words are kept exactly; only line ends are
// normalised ("\r\n" -> "\n") with every offset remapped, so each coding covers exactly the
// characters the original program coded. A Thematic export also gets its speaker labels taken
// out again and its turns back (when its text is unchanged).

export const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

export interface SourceContext {
  tx: Tx;
  codeIds: Map<string, number>;
  coderOf: (userGuid: string | undefined) => number;
  participantFor: (source: RefiTextSource, ext: ExtDocument | undefined) => number | null;
  existingHashes: Map<string, number>;
  codingGuids: Set<string>;
  notCarried: ReportItem[];
  notes: ReportItem[];
}

export interface SourceResult {
  documentId: number;
  added: boolean;
  codings: number;
  /** selection guid -> id of its first coding (for notes on selections) */
  selections: Map<string, number>;
  keptSelectionGuids: { codingId: number; guid: string }[];
  /** coding guid -> new id */
  codingIds: Map<string, number>;
}

/** Turns for text from other programs: one per non-empty line, no speaker (REFI has none). */
export function lineTurns(text: string): { speaker: null; start: number; end: number; timeStart: null; timeEnd: null }[] {
  const out: { speaker: null; start: number; end: number; timeStart: null; timeEnd: null }[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    const lead = line.length - line.trimStart().length;
    const body = line.trim();
    if (body) out.push({ speaker: null, start: at + lead, end: at + lead + body.length, timeStart: null, timeEnd: null });
    at += line.length + 1;
  }
  return out;
}

export function importSource(c: SourceContext, s: RefiTextSource, raw: string, from: string, ext: ExtDocument | undefined, selectionGuidOf: (codingGuid: string) => string): SourceResult {
  let text: string; let map: (o: number) => number; let exact = false; let textSha: string | undefined;
  if (ext) {
    const stripped = removeRanges(raw, ext.inserted);
    const strippedSha = sha256(stripped.text);
    exact = strippedSha === ext.textSha256;
    if (exact) textSha = strippedSha; // the stored text is the stripped one: no second hash
    else c.notes.push({ kind: 'edited-text', name: `source "${s.name}"`, detail: 'its text differs from what Thematic exported; imported as plain text without the saved turns' });
    ({ text, map } = exact ? stripped : normaliseLineEnds(raw));
  } else ({ text, map } = normaliseLineEnds(raw));

  textSha ??= sha256(text);
  const dup = c.existingHashes.get(textSha) ?? (exact ? c.existingHashes.get(ext!.sha256) : undefined);
  if (dup !== undefined) {
    const name = (stmt(c.tx.db, 'SELECT name FROM documents WHERE id = ?').get(dup) as { name: string }).name;
    const sel = s.selections.length;
    c.notes.push({ kind: 'duplicate-source', name: `source "${s.name}"`, detail: `skipped: the same text is already in the project as "${name}"${sel ? `; its ${sel} selection${sel === 1 ? ' was' : 's were'} not imported` : ''}` });
    return { documentId: dup, added: false, codings: 0, selections: new Map(), keptSelectionGuids: [], codingIds: new Map() };
  }
  const documentId = insertDocument(c.tx, {
    name: exact ? ext!.name : s.name, originalFilename: exact ? ext!.originalFilename : s.name,
    format: exact ? ext!.format : /docx/i.test(from) ? 'docx' : 'txt', sha256: exact ? ext!.sha256 : textSha, text,
    turns: exact ? ext!.turns : s.media ? transcriptTurns(s.media, text, map) : lineTurns(text), participantId: c.participantFor(s, exact ? ext : undefined),
  });
  if (exact && ext!.importedAt) c.tx.update('documents', { id: documentId }, { imported_at: ext!.importedAt });
  c.existingHashes.set(textSha, documentId);

  const rows: Record<string, unknown>[] = [];
  const firstOf: { selGuid: string; codingGuid: string }[] = [];
  let outOfRange = 0, uncoded = 0, unknownCode = 0;
  for (const sel of s.selections) {
    const start = map(sel.start), end = map(sel.end);
    if (!(sel.start >= 0 && sel.end <= raw.length && start >= 0 && end > start && end <= text.length)) { outOfRange++; continue; }
    if (!sel.codings.length) { uncoded++; continue; }
    let first = true;
    for (const g of sel.codings) {
      const codeId = c.codeIds.get(g.codeGuid.toLowerCase());
      if (codeId === undefined) { unknownCode++; continue; }
      let guid = g.guid;
      if (!guid || c.codingGuids.has(guid)) guid = crypto.randomUUID();
      c.codingGuids.add(guid);
      rows.push({ guid, document_id: documentId, code_id: codeId, coder_id: c.coderOf(g.creatingUser ?? sel.creatingUser), start, end,
        created_at: g.creationDateTime ?? sel.creationDateTime ?? nowIso() });
      if (first) firstOf.push({ selGuid: sel.guid, codingGuid: guid });
      first = false;
    }
  }
  // 100,000 codings go in through one prepared statement; the inverse is recorded exactly as
  // Tx.insertMany would record it (delete by id), so undo and redo work the same.
  const ins = stmt(c.tx.db, 'INSERT INTO codings (guid, document_id, code_id, coder_id, start, end, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const idByGuid = new Map<string, number>();
  const keys = rows.map((r) => {
    const id = Number(ins.run(r.guid, r.document_id, r.code_id, r.coder_id, r.start, r.end, r.created_at).lastInsertRowid);
    idByGuid.set(r.guid as string, id);
    return { id };
  });
  if (keys.length) c.tx.undo.push([{ op: 'delete', table: 'codings', keys }]);
  if (outOfRange) c.notCarried.push({ kind: 'selection-out-of-range', name: `source "${s.name}"`, detail: `${plural(outOfRange, 'selection')} outside its text (length ${raw.length}) left out` });
  if (uncoded) c.notes.push({ kind: 'uncoded-selection', name: `source "${s.name}"`, detail: `${plural(uncoded, 'selection')} without a code left out (Thematic keeps coded text only)` });
  if (unknownCode) c.notCarried.push({ kind: 'unknown-code', name: `source "${s.name}"`, detail: `${plural(unknownCode, 'coding')} with a code that is not in the file left out` });
  const selections = new Map<string, number>();
  const keptSelectionGuids: { codingId: number; guid: string }[] = [];
  for (const f of firstOf) {
    const id = idByGuid.get(f.codingGuid)!;
    selections.set(f.selGuid.toLowerCase(), id);
    if (f.selGuid.toLowerCase() !== selectionGuidOf(f.codingGuid).toLowerCase()) keptSelectionGuids.push({ codingId: id, guid: f.selGuid });
  }
  return { documentId, added: true, codings: rows.length, selections, keptSelectionGuids, codingIds: idByGuid };
}
