import { stmt } from '../../store/changes.ts';
import type { Tx } from '../../store/operations.ts';
import { insertDocument } from '../documents/queries.ts';
import { nowIso } from '../../store/rows.ts';
import type { RefiTextSource } from './model.ts';
import type { ExtDocument } from './extensions.ts';
import { plural, sourceLabel, type ReportItem } from '../../core/refi-report.ts';
import { canonicalText } from './store-import-match.ts';
import { normaliseLineEnds, removeRanges } from './store-export-text.ts';
import { transcriptTurns } from './media-import.ts';
import { sha256 } from '../../lib/hash.ts';
import { lineTurns } from './line-turns.ts';

// One text source -> one document and its codings. Words are kept exactly; only line ends are
// normalised ("\r\n" -> "\n") with every offset remapped, so each coding covers exactly the
// characters the original program coded. A Thematic export also gets its speaker labels taken
// out again and its turns back (when its text is unchanged).

export interface SourceContext {
  tx: Tx;
  codeIds: Map<string, number>;
  coderOf: (userGuid: string | undefined) => number;
  participantFor: (source: RefiTextSource, ext: ExtDocument | undefined) => number | null;
  existingHashes: Map<string, number>;
  /** The project's documents by GUID (lower case). */
  existingGuids: Map<string, number>;
  /** Another coder's file: the project's documents by canonical text (see store-import-match.ts). */
  canonical?: Map<string, number>;
  /** A source whose exact text is already in the project under another GUID: a separate document, or merged into it. */
  identicalText: 'separate' | 'merge';
  codingGuids: Set<string>;
  notCarried: ReportItem[];
  notes: ReportItem[];
  matched: ReportItem[];
}

export interface SourceResult {
  documentId: number;
  /** A new document (false: skipped, or its codings went onto a document already in the project). */
  added: boolean;
  /** Its codings went onto a document already in the project. */
  matched: boolean;
  codings: number;
  /** Codings the matched document already had (same code, coder and span): not doubled. */
  already: number;
  /** selection guid -> id of its first coding (for notes on selections) */
  selections: Map<string, number>;
  /** Selections without a code: where they are, for notes anchored on them. */
  uncoded: Map<string, { documentId: number; start: number; end: number }>;
  keptSelectionGuids: { codingId: number; guid: string }[];
  /** coding guid -> new id (as stored) */
  codingIds: Map<string, number>;
  /** coding guid as in the file (lower case) -> id, for notes anchored on codings */
  codingOf: Map<string, number>;
}

export function importSource(
  c: SourceContext,
  s: RefiTextSource,
  raw: string,
  from: string,
  ext: ExtDocument | undefined,
  selectionGuidOf: (codingGuid: string) => string,
): SourceResult {
  let text: string;
  let map: (o: number) => number;
  let exact = false;
  let textSha: string | undefined;
  if (ext) {
    const stripped = removeRanges(raw, ext.inserted);
    const strippedSha = sha256(stripped.text);
    exact = strippedSha === ext.textSha256;
    if (exact)
      textSha = strippedSha; // the stored text is the stripped one: no second hash
    else
      c.notes.push({
        kind: 'edited-text',
        name: sourceLabel(s),
        detail: 'its text differs from what Thematic exported; imported as plain text without the saved turns',
      });
    ({ text, map } = exact ? stripped : normaliseLineEnds(raw));
  } else ({ text, map } = normaliseLineEnds(raw));

  textSha ??= sha256(text);
  const label = sourceLabel(s);
  const codingCount = s.selections.reduce((n, x) => n + x.codings.length, 0);
  const nothing = {
    added: false,
    matched: false,
    codings: 0,
    already: 0,
    selections: new Map(),
    uncoded: new Map(),
    keptSelectionGuids: [],
    codingIds: new Map(),
    codingOf: new Map(),
  };
  const nameOf = (id: number) => (stmt(c.tx.db, 'SELECT name FROM documents WHERE id = ?').get(id) as { name: string }).name;
  // Where the codings go: a document already here (another coder's file, or identical text the
  // user asked to merge), mapping offsets; else a new document. A known GUID is skipped.
  let target: number | undefined;
  let into: (o: number) => number = (o) => o;
  if (c.canonical) {
    const canon = canonicalText(text);
    target = c.canonical.get(sha256(canon.text));
    if (target !== undefined) {
      const docText = (stmt(c.tx.db, 'SELECT text FROM documents WHERE id = ?').get(target) as { text: string }).text;
      const doc = canonicalText(docText);
      into = (o) => doc.back(canon.map(o));
      c.matched.push({
        kind: 'document',
        name: label,
        detail: `matched "${nameOf(target)}" (${docText === raw ? 'the same text' : 'the same text but for trailing whitespace or line ends'})`,
      });
    } else
      c.matched.push({
        kind: 'document-unmatched',
        name: label,
        detail: 'no document in the project has this text; added as a new document',
      });
  } else {
    const byGuid = c.existingGuids.get(s.guid.toLowerCase());
    if (byGuid !== undefined) {
      c.notCarried.push({
        kind: 'duplicate-source',
        name: label,
        detail: `skipped: a document with the same GUID is already in the project ("${nameOf(byGuid)}"); its ${plural(codingCount, 'coding')} not imported`,
      });
      return { documentId: byGuid, ...nothing };
    }
    const same = c.existingHashes.get(textSha) ?? (exact ? c.existingHashes.get(ext!.sha256) : undefined);
    if (same !== undefined && c.identicalText === 'merge') {
      target = same;
      c.notes.push({
        kind: 'merged-source',
        name: label,
        detail: `the same text as "${nameOf(same)}": merged into it as asked; its codings were added there`,
      });
    } else if (same !== undefined) {
      c.notes.push({
        kind: 'identical-text',
        name: label,
        detail: `the same text as "${nameOf(same)}", but a different source (GUID): imported as a separate document (ask to merge identical texts to combine them)`,
      });
    }
  }
  const documentId =
    target ??
    insertDocument(c.tx, {
      name: exact ? ext!.name : s.name.trim() ? s.name : s.guid,
      originalFilename: exact ? ext!.originalFilename : s.name.trim() ? s.name : s.guid,
      format: exact ? ext!.format : /docx/i.test(from) ? 'docx' : 'txt',
      sha256: exact ? ext!.sha256 : textSha,
      text,
      turns: exact ? ext!.turns : s.media ? transcriptTurns(s.media, text, map) : lineTurns(text),
      participantId: c.participantFor(s, exact ? ext : undefined),
    });
  if (target === undefined) {
    if (exact && ext!.importedAt) c.tx.update('documents', { id: documentId }, { imported_at: ext!.importedAt });
    if (!c.existingHashes.has(textSha)) c.existingHashes.set(textSha, documentId);
    if (!c.existingGuids.has(s.guid.toLowerCase())) c.existingGuids.set(s.guid.toLowerCase(), documentId);
  }
  const docLength =
    target === undefined
      ? text.length
      : (stmt(c.tx.db, 'SELECT char_length AS n FROM documents WHERE id = ?').get(target) as { n: number }).n;
  const have = new Map<string, number>();
  if (target !== undefined) {
    for (const r of stmt(c.tx.db, 'SELECT id, code_id, coder_id, start, end FROM codings WHERE document_id = ?').all(target) as {
      id: number;
      code_id: number;
      coder_id: number;
      start: number;
      end: number;
    }[]) {
      have.set(`${r.code_id}:${r.coder_id}:${r.start}:${r.end}`, r.id);
    }
  }

  const rows: Record<string, unknown>[] = [];
  const firstOf: { selGuid: string; codingGuid: string }[] = [];
  let outOfRange = 0,
    unknownCode = 0,
    already = 0;
  const uncoded = new Map<string, { documentId: number; start: number; end: number }>();
  const codingOf = new Map<string, number>();
  const firstKnown: { selGuid: string; id: number }[] = [];
  for (const sel of s.selections) {
    const start = into(map(sel.start)),
      end = into(map(sel.end));
    if (!(sel.start >= 0 && sel.end <= raw.length && start >= 0 && end > start && end <= docLength)) {
      outOfRange++;
      continue;
    }
    if (!sel.codings.length) {
      uncoded.set(sel.guid.toLowerCase(), { documentId, start, end });
      continue;
    }
    let first = true;
    for (const g of sel.codings) {
      const codeId = c.codeIds.get(g.codeGuid.toLowerCase());
      if (codeId === undefined) {
        unknownCode++;
        continue;
      }
      const coderId = c.coderOf(g.creatingUser ?? sel.creatingUser);
      const twin = have.get(`${codeId}:${coderId}:${start}:${end}`);
      if (twin !== undefined) {
        already++;
        if (g.guid) codingOf.set(g.guid.toLowerCase(), twin);
        if (first) firstKnown.push({ selGuid: sel.guid, id: twin });
        first = false;
        continue;
      }
      let guid = g.guid;
      if (!guid || c.codingGuids.has(guid)) guid = crypto.randomUUID();
      c.codingGuids.add(guid);
      rows.push({
        guid,
        fileGuid: g.guid,
        document_id: documentId,
        code_id: codeId,
        coder_id: coderId,
        start,
        end,
        created_at: g.creationDateTime ?? sel.creationDateTime ?? nowIso(),
      });
      if (first) firstOf.push({ selGuid: sel.guid, codingGuid: guid });
      first = false;
    }
  }
  // 100,000 codings go in through one prepared statement; the inverse is recorded exactly as
  // Tx.insertMany would record it (delete by id), so undo and redo work the same.
  const ins = stmt(
    c.tx.db,
    'INSERT INTO codings (guid, document_id, code_id, coder_id, start, end, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const idByGuid = new Map<string, number>();
  const keys = rows.map((r) => {
    const id = Number(ins.run(r.guid, r.document_id, r.code_id, r.coder_id, r.start, r.end, r.created_at).lastInsertRowid);
    idByGuid.set(r.guid as string, id);
    if (r.fileGuid) codingOf.set((r.fileGuid as string).toLowerCase(), id);
    return { id };
  });
  if (keys.length) c.tx.undo.push([{ op: 'delete', table: 'codings', keys }]);
  if (outOfRange)
    c.notCarried.push({
      kind: 'selection-out-of-range',
      name: label,
      detail: `${plural(outOfRange, 'selection')} outside its text (length ${raw.length}) left out`,
    });
  if (uncoded.size)
    c.notes.push({
      kind: 'uncoded-selection',
      name: label,
      detail: `${plural(uncoded.size, 'selection')} without a code left out (Thematic keeps coded text only)`,
    });
  if (unknownCode)
    c.notCarried.push({
      kind: 'unknown-code',
      name: label,
      detail: `${plural(unknownCode, 'coding')} with a code that is not in the file left out`,
    });
  const selections = new Map<string, number>(firstKnown.map((f) => [f.selGuid.toLowerCase(), f.id]));
  const keptSelectionGuids: { codingId: number; guid: string }[] = [];
  for (const f of firstOf) {
    const id = idByGuid.get(f.codingGuid)!;
    selections.set(f.selGuid.toLowerCase(), id);
    if (f.selGuid.toLowerCase() !== selectionGuidOf(f.codingGuid).toLowerCase()) keptSelectionGuids.push({ codingId: id, guid: f.selGuid });
  }
  return {
    documentId,
    added: target === undefined,
    matched: target !== undefined,
    codings: rows.length,
    already,
    selections,
    uncoded,
    keptSelectionGuids,
    codingIds: idByGuid,
    codingOf,
  };
}
