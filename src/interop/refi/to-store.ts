import { stmt } from '../../store/changes.ts';
import type { Tx } from '../../store/operations.ts';
import { nowIso } from '../../store/rows.ts';
import type { RefiCodebook, RefiProject, RefiTextSource } from './model.ts';
import type { Extensions } from './extensions.ts';
import { plural, type ImportReport, type ReportItem } from './report.ts';
import { findByGuid, keepGuid, selectionGuid } from './store-guids.ts';
import { importCodes } from './store-import-codes.ts';
import { importSource, sha256 } from './store-import-sources.ts';
import { importThemes } from './store-import-themes.ts';
import { keepExtras } from './store-extras.ts';
import { importDecisions } from './store-consensus.ts';
import { descriptionMemos, importNotes } from './store-import-notes.ts';
import { keepTranscriptMedia, mediaSourceItem } from './media-import.ts';

// A REFI-QDA project or codebook -> rows of a Thematic project, inside one operation (the caller's
// tx), so the import is all-or-nothing and one undo takes it back. Everything the file holds that
// Thematic cannot (PDF, picture, audio and video sources, source files missing from the archive,
// selections outside their text) is named in the report.

export type ResolvedText = { text: string; from: string } | { missing: string };

export interface ImportInput {
  fileName: string;
  kind: 'qdpx' | 'qde' | 'qdc';
  project?: RefiProject;
  codebook?: RefiCodebook;
  /** Source guid -> its text (selections already in UTF-16 offsets of that text) or why it is missing. */
  texts: Map<string, ResolvedText>;
  extensions?: Extensions;
  /** The project file: a recording inside a .qdpx is copied beside it (media-import.ts). */
  projectPath?: string;
}


export function importRefi(tx: Tx, input: ImportInput): ImportReport {
  const notCarried: ReportItem[] = []; const notes: ReportItem[] = [];
  const ext = input.project ? input.extensions : undefined;
  const report: ImportReport = { fileName: input.fileName, kind: input.kind, origin: input.project?.origin ?? input.codebook?.origin, thematicExtensions: !!ext, counts: {}, notCarried, notes };
  const roots = input.project?.codes ?? input.codebook?.codes ?? [];
  const codes = importCodes(tx, roots, ext, notes);
  report.counts.codes = codes.added;
  if (codes.reused) notes.push({ kind: 'codes-reused', name: `${codes.reused} codes`, detail: 'already in the project (same GUID); reused, not copied' });

  const p = input.project;
  if (!p) {
    report.counts.sets = keepExtras(tx, (input.codebook?.sets ?? []).map((item) => ({ kind: 'set' as const, item })));
    return report;
  }
  const generated = new Set(ext?.generated ?? []);

  // Users become coders (a Thematic export lists its real coders; other users only wrote notes).
  const userName = new Map<string, string>();
  const usedNames = new Set<string>();
  for (const u of p.users) {
    const base = u.name.trim() || `User ${u.guid.slice(0, 8)}`;
    let name = base;
    for (let k = 2; usedNames.has(name.toLowerCase()); k++) name = `${base} (${k})`;
    usedNames.add(name.toLowerCase());
    userName.set(u.guid.toLowerCase(), name);
  }
  const coderIds = new Map<string, number>();
  let codersAdded = 0;
  const coderByName = (name: string, guid?: string) => {
    const r = stmt(tx.db, 'SELECT id FROM coders WHERE name = ?').get(name) as { id: number } | undefined;
    if (r) return r.id;
    const id = tx.insert('coders', { name, is_consensus: name.toLowerCase() === 'consensus' ? 1 : 0, created_at: nowIso() });
    keepGuid(tx, 'coder', id, guid);
    codersAdded++;
    return id;
  };
  const coderUsers = ext ? ext.coders.map((k) => ({ guid: k.guid, name: k.name })) : p.users.map((u) => ({ guid: u.guid, name: userName.get(u.guid.toLowerCase())! }));
  for (const u of coderUsers) coderIds.set(u.guid.toLowerCase(), coderByName(u.name, u.guid));
  const fallbackUser = p.creatingUserGuid?.toLowerCase();
  const coderOf = (guid: string | undefined): number => {
    const g = guid?.toLowerCase() ?? fallbackUser;
    if (g && coderIds.has(g)) return coderIds.get(g)!;
    const name = g && userName.get(g) ? userName.get(g)! : 'Imported';
    const id = coderByName(name, g && userName.get(g) ? guid ?? p.creatingUserGuid : undefined);
    if (g) coderIds.set(g, id);
    return id;
  };

  // Cases -> participants with attributes (variable values as text).
  const varName = new Map(p.variables.map((v) => [v.guid.toLowerCase(), v.name]));
  const participantIds = new Map<string, number>();
  let participantsAdded = 0;
  for (const c of p.cases) {
    const label = c.name?.trim() || `Case ${c.guid.slice(0, 8)}`;
    const known = findByGuid(tx.db, c.guid);
    let id = known?.entity === 'participant' ? known.id : (stmt(tx.db, 'SELECT id FROM participants WHERE label = ? COLLATE NOCASE').get(label) as { id: number } | undefined)?.id;
    if (id === undefined) {
      id = tx.insert('participants', { label, created_at: nowIso() });
      keepGuid(tx, 'participant', id, c.guid);
      participantsAdded++;
    } else notes.push({ kind: 'participant-reused', name: `case "${label}"`, detail: 'a participant of that name is already in the project; its attributes were added to it' });
    const have = new Set((stmt(tx.db, 'SELECT key FROM participant_attributes WHERE participant_id = ?').all(id) as { key: string }[]).map((r) => r.key));
    for (const v of c.values) {
      const key = varName.get(v.variableGuid.toLowerCase())?.trim();
      if (!key || have.has(key) || v.value === '') continue;
      tx.insert('participant_attributes', { participant_id: id, key, value: v.value });
      have.add(key);
    }
    participantIds.set(c.guid.toLowerCase(), id);
  }
  const typed = p.variables.filter((v) => v.type !== 'Text');
  if (typed.length) notes.push({ kind: 'variable-types', name: typed.map((v) => `"${v.name}" (${v.type})`).join(', '), detail: 'participant attributes are text; these values were imported as text' });
  const caseCodes = p.cases.reduce((n, c) => n + c.codeGuids.length, 0);
  if (caseCodes) notCarried.push({ kind: 'case-codes', name: `${plural(caseCodes, 'code reference')} on cases`, detail: 'Thematic codes text, not participants; not imported' });
  const caseOfSource = new Map<string, string[]>();
  for (const c of p.cases) for (const s of c.sourceGuids) (caseOfSource.get(s.toLowerCase()) ?? caseOfSource.set(s.toLowerCase(), []).get(s.toLowerCase())!).push(c.guid);
  const participantFor = (s: RefiTextSource, x: Extensions['documents'][string] | undefined): number | null => {
    if (x) return x.participantGuid ? participantIds.get(x.participantGuid.toLowerCase()) ?? null : null;
    const cases = caseOfSource.get(s.guid.toLowerCase()) ?? [];
    if (cases.length > 1) {
      const names = cases.map((g) => p.cases.find((c) => c.guid === g)?.name ?? g);
      notes.push({ kind: 'several-cases', name: `source "${s.name}"`, detail: `belongs to ${cases.length} cases (${names.join(', ')}); linked to the first, ${names[0]}` });
    }
    return cases.length ? participantIds.get(cases[0].toLowerCase()) ?? null : null;
  };

  // Sources.
  const existingHashes = new Map<string, number>();
  for (const d of stmt(tx.db, 'SELECT id, sha256, text FROM documents').all() as { id: number; sha256: string; text: string }[]) {
    existingHashes.set(d.sha256, d.id);
    existingHashes.set(sha256(d.text), d.id);
  }
  const codingGuids = new Set((stmt(tx.db, 'SELECT guid FROM codings').all() as { guid: string }[]).map((r) => r.guid));
  const ctx = { tx, codeIds: codes.ids, coderOf, participantFor, existingHashes, codingGuids, notCarried, notes };
  const docIds = new Map<string, number>(); const selectionCoding = new Map<string, number>();
  const addedDocs = new Map<string, number>(); const codingIds = new Map<string, number>();
  let documents = 0, codings = 0;
  const keptSelections: { codingId: number; guid: string }[] = [];
  for (const s of p.sources) {
    if (s.kind === 'audio' || s.kind === 'video') { notCarried.push(mediaSourceItem(s)); continue; }
    if (s.kind !== 'text') {
      notCarried.push({ kind: `${s.kind}-source`, name: `${s.kind} source "${s.name}"`, detail: `Thematic holds text only; ${plural(s.selectionCount, 'selection')} and ${plural(s.codingCount, 'coding')} on it not imported${s.hasTextRepresentation ? ' (it has a text representation, not used)' : ''}` });
      continue;
    }
    const t = input.texts.get(s.guid);
    if (!t || 'missing' in t) {
      notCarried.push({ kind: 'missing-source', name: `source "${s.name}"`, detail: `${t && 'missing' in t ? t.missing.replace(/^source "[^"]*": /, '') : 'its text is not in the file'}; ${plural(s.selections.length, 'selection')} on it not imported` });
      continue;
    }
    const x = ext?.documents[s.guid];
    const r = importSource(ctx, s, t.text, t.from, x, selectionGuid);
    docIds.set(s.guid.toLowerCase(), r.documentId);
    for (const [k, v] of r.selections) selectionCoding.set(k, v);
    keptSelections.push(...r.keptSelectionGuids);
    if (!r.added) continue;
    if (s.media) keepTranscriptMedia(tx, r.documentId, s, t.text, x, report, input.projectPath);
    documents++; codings += r.codings;
    addedDocs.set(s.guid.toLowerCase(), r.documentId);
    if (ext?.consensusDecisions?.length) for (const [g, id] of r.codingIds) codingIds.set(g, id);
    keepGuid(tx, 'document', r.documentId, s.guid);
    if (x) for (const [speaker, pg] of Object.entries(x.speakers)) {
      const pid = participantIds.get(pg.toLowerCase());
      if (pid !== undefined) tx.insert('speaker_participants', { document_id: r.documentId, speaker, participant_id: pid });
    }
    if (s.values.length) notCarried.push({ kind: 'source-variables', name: `source "${s.name}"`, detail: `${plural(s.values.length, 'variable value')} on the source itself not imported (Thematic keeps attributes on participants)` });
  }
  const taken = new Set((stmt(tx.db, "SELECT guid FROM refi_guids").all() as { guid: string }[]).map((r) => r.guid));
  tx.insertMany('refi_guids', keptSelections.filter((k) => !taken.has(k.guid)).map((k) => ({ entity: 'selection', entity_id: k.codingId, guid: k.guid })));

  const themes = ext ? importThemes(tx, ext, codes.ids, notes) : { themes: new Map<string, number>(), added: 0 };
  const decisions = ext?.consensusDecisions ? importDecisions(tx, ext.consensusDecisions, addedDocs, codes.ids, codingIds) : 0;
  const memos = importNotes(tx, p, ext, { docIds, selectionCoding, codeIds: codes.ids, themeIds: themes.themes, participantIds, userName })
    + descriptionMemos(tx, p, addedDocs, selectionCoding, participantIds);

  const extras = [
    ...p.sets.filter((x) => !generated.has(x.guid)).map((item) => ({ kind: 'set' as const, item })),
    ...p.links.filter((x) => !generated.has(x.guid)).map((item) => ({ kind: 'link' as const, item })),
    ...p.graphs.filter((x) => !generated.has(x.guid)).map((item) => ({ kind: 'graph' as const, item })),
  ];
  const kept = keepExtras(tx, extras);
  if (kept) notes.push({ kind: 'kept', name: (['set', 'link', 'graph'] as const).map((k) => { const n = extras.filter((e) => e.kind === k).length; return plural(n, k); }).join(', '), detail: 'Thematic has no model for these; kept as they are and written back on export' });
  Object.assign(report.counts, { documents, codings, coders: codersAdded, participants: participantsAdded, memos, themes: themes.added, 'consensus decisions': decisions, 'kept sets/links/graphs': kept });
  return report;
}
