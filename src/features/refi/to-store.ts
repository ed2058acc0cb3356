import { stmt } from '../../store/changes.ts';
import type { Tx } from '../../store/operations.ts';
import { nowIso } from '../../store/rows.ts';
import type { RefiCodebook, RefiProject } from './model.ts';
import type { Extensions } from './extensions.ts';
import { plural, sourceLabel, type ImportReport, type ReportItem } from '../../core/refi-report.ts';
import { keepGuid, selectionGuid } from './store-guids.ts';
import { importCodes, type CodesProgress } from './store-import-codes.ts';
import { importSource } from './store-import-sources.ts';
import { sha256 } from '../../lib/hash.ts';
import { documentsByCanonicalText, documentsByGuid, matchCodesByPath } from './store-import-match.ts';
import { importParticipants } from './store-import-participants.ts';
import { isSystemUser } from './system-users.ts';
import { keepUncoloured } from './store-code-colours.ts';
import { importThemes } from './store-import-themes.ts';
import { keepExtras } from './store-extras.ts';
import { importDecisions } from './store-consensus.ts';
import { descriptionMemos, importNotes } from './store-import-notes.ts';
import { keepTranscriptMedia, mediaSourceItem, type Recordings } from './media-import.ts';
import type { ResolvedText } from './model.ts';

// A REFI-QDA project or codebook -> rows of a Thematic project, inside one operation (the caller's
// tx), so the import is all-or-nothing and one undo takes it back. Everything the file holds that
// Thematic cannot (PDF, picture, audio and video sources, source files missing from the archive,
// selections outside their text) is named in the report.

export interface ImportInput {
  fileName: string;
  kind: 'qdpx' | 'qde' | 'qdc';
  project?: RefiProject;
  codebook?: RefiCodebook;
  /** Source guid -> its text (selections already in UTF-16 offsets of that text) or why it is missing. */
  texts: Map<string, ResolvedText>;
  extensions?: Extensions;
  options?: ImportOptions;
  onProgress?: CodesProgress;
  /** The project file: a recording inside a .qdpx is copied beside it (media-import.ts). */
  projectPath?: string;
  /** Those copies, probed before the transaction, by source GUID (prepareRecordings). */
  recordings?: Recordings;
}

export interface ImportOptions {
  /** 'study' (default): bring the file in; 'another-coder': the same study coded by someone else (match documents and codes, add the codings). */
  mode?: 'study' | 'another-coder';
  /** another-coder: put every coding under this coder (else each coding's user in the file). */
  coder?: string;
  /** A source with exactly the text of a document already here but another GUID: 'separate' (default) or 'merge' into that document. */
  identicalText?: 'separate' | 'merge';
  /** Document groups named like "gender: male" (ATLAS.ti) become participant attributes. */
  groupsAsAttributes?: boolean;
}

export function importRefi(tx: Tx, input: ImportInput): ImportReport {
  const notCarried: ReportItem[] = [];
  const notes: ReportItem[] = [];
  const matched: ReportItem[] = [];
  const ext = input.project ? input.extensions : undefined;
  const opts = input.options ?? {};
  const another = opts.mode === 'another-coder' && !!input.project;
  const report: ImportReport = {
    fileName: input.fileName,
    kind: input.kind,
    origin: input.project?.origin ?? input.codebook?.origin,
    thematicExtensions: !!ext,
    counts: {},
    notCarried,
    notes,
  };
  const roots = input.project?.codes ?? input.codebook?.codes ?? [];
  const codes = importCodes(tx, roots, ext, notes, another ? matchCodesByPath(tx.db, roots, ext) : undefined, input.onProgress);
  report.counts.codes = codes.added;
  if (another) {
    report.mode = 'another-coder';
    report.matched = matched;
    report.counts['codes matched'] = codes.reused;
    matched.push({
      kind: 'codes',
      name: plural(codes.reused, 'code'),
      detail: `matched by GUID or by path and name${codes.added ? `; ${plural(codes.added, 'code')} not in the project were added` : ''}`,
    });
  } else if (codes.reused)
    notes.push({ kind: 'codes-reused', name: `${codes.reused} codes`, detail: 'already in the project (same GUID); reused, not copied' });
  if (codes.uncoloured.length) keepUncoloured(tx, codes.uncoloured);

  const p = input.project;
  if (!p) {
    report.counts.sets = keepExtras(
      tx,
      (input.codebook?.sets ?? []).map((item) => ({ kind: 'set' as const, item })),
    );
    return report;
  }
  const generated = new Set(ext?.generated ?? []);

  // Users become coders (a Thematic export lists its real coders; other users only wrote notes),
  // except the program itself ("ATLAS.ti"): what it created goes to the project's creator.
  const userName = new Map<string, string>();
  const usedNames = new Set<string>();
  for (const u of p.users) {
    const base = u.name.trim() || `User ${u.guid.slice(0, 8)}`;
    let name = base;
    for (let k = 2; usedNames.has(name.toLowerCase()); k++) name = `${base} (${k})`;
    usedNames.add(name.toLowerCase());
    userName.set(u.guid.toLowerCase(), name);
  }
  const system = new Set(ext ? [] : p.users.filter((u) => isSystemUser(u.name, p.origin)).map((u) => u.guid.toLowerCase()));
  const coderIds = new Map<string, number>();
  let codersAdded = 0;
  const coderByName = (name: string, guid?: string) => {
    const r = stmt(tx.db, 'SELECT id FROM coders WHERE name = ?').get(name) as { id: number } | undefined;
    if (r) return r.id;
    const id = tx.insert('coders', {
      name,
      is_consensus: name.toLowerCase() === 'consensus' ? 1 : 0,
      created_at: (guid && ext?.createdAt?.[guid]) || nowIso(),
    });
    keepGuid(tx, 'coder', id, guid);
    codersAdded++;
    return id;
  };
  const creator = p.creatingUserGuid?.toLowerCase();
  const fallbackUser = creator && !system.has(creator) ? creator : undefined;
  const asked = another && opts.coder?.trim() ? opts.coder.trim() : undefined;
  const coderUsers = ext
    ? ext.coders.map((k) => ({ guid: k.guid, name: k.name }))
    : p.users.filter((u) => !system.has(u.guid.toLowerCase())).map((u) => ({ guid: u.guid, name: userName.get(u.guid.toLowerCase())! }));
  if (!asked) for (const u of coderUsers) coderIds.set(u.guid.toLowerCase(), coderByName(u.name, u.guid));
  for (const u of p.users.filter((x) => system.has(x.guid.toLowerCase()))) {
    notes.push({
      kind: 'system-user',
      name: `user "${u.name}"`,
      detail: `the program itself, not a person: not made a coder${fallbackUser ? `; what it created is credited to "${userName.get(fallbackUser)}", the project's creator` : ''}`,
    });
  }
  const coderOf = (guid: string | undefined): number => {
    if (asked) return coderByName(asked);
    let g = guid?.toLowerCase() ?? fallbackUser;
    if (g && system.has(g)) g = fallbackUser;
    if (g && coderIds.has(g)) return coderIds.get(g)!;
    const name = g && userName.get(g) ? userName.get(g)! : 'Imported';
    const id = coderByName(name, g && userName.get(g) ? (guid ?? p.creatingUserGuid) : undefined);
    if (g) coderIds.set(g, id);
    return id;
  };

  const people = importParticipants(tx, p, !!opts.groupsAsAttributes, notes, notCarried, ext);
  const participantIds = people.ids;

  // Sources.
  const existingHashes = new Map<string, number>();
  for (const d of stmt(tx.db, 'SELECT id, sha256, text FROM documents').all() as { id: number; sha256: string; text: string }[]) {
    existingHashes.set(d.sha256, d.id);
    existingHashes.set(sha256(d.text), d.id);
  }
  const codingGuids = new Set((stmt(tx.db, 'SELECT guid FROM codings').all() as { guid: string }[]).map((r) => r.guid));
  const ctx = {
    tx,
    codeIds: codes.ids,
    coderOf,
    participantFor: people.participantFor,
    existingHashes,
    existingGuids: documentsByGuid(tx.db),
    canonical: another ? documentsByCanonicalText(tx.db) : undefined,
    identicalText: opts.identicalText ?? ('separate' as const),
    codingGuids,
    notCarried,
    notes,
    matched,
  };
  const docIds = new Map<string, number>();
  const selectionCoding = new Map<string, number>();
  const addedDocs = new Map<string, number>();
  const codingIds = new Map<string, number>();
  const codingOf = new Map<string, number>();
  const uncoded = new Map<string, { documentId: number; start: number; end: number }>();
  let documents = 0,
    codings = 0,
    docsMatched = 0,
    already = 0;
  const keptSelections: { codingId: number; guid: string }[] = [];
  for (const s of p.sources) {
    if (s.kind === 'audio' || s.kind === 'video') {
      notCarried.push(mediaSourceItem(s));
      continue;
    }
    if (s.kind !== 'text') {
      notCarried.push({
        kind: `${s.kind}-source`,
        name: sourceLabel(s, s.kind),
        detail: `Thematic holds text only; ${plural(s.selectionCount, 'selection')} and ${plural(s.codingCount, 'coding')} on it not imported${s.hasTextRepresentation ? ' (it has a text representation, not used)' : ''}`,
      });
      continue;
    }
    const t = input.texts.get(s.guid);
    if (!t || 'missing' in t) {
      notCarried.push({
        kind: 'missing-source',
        name: sourceLabel(s),
        detail: `${t && 'missing' in t ? t.missing.replace(/^source "[^"]*": /, '') : 'its text is not in the file'}; ${plural(s.selections.length, 'selection')} on it not imported`,
      });
      continue;
    }
    const x = ext?.documents[s.guid];
    const r = importSource(ctx, s, t.text, t.from, x, selectionGuid);
    docIds.set(s.guid.toLowerCase(), r.documentId);
    for (const [k, v] of r.selections) selectionCoding.set(k, v);
    for (const [k, v] of r.codingOf) codingOf.set(k, v);
    for (const [k, v] of r.uncoded) uncoded.set(k, v);
    keptSelections.push(...r.keptSelectionGuids);
    codings += r.codings;
    already += r.already;
    if (r.matched) docsMatched++;
    if (!r.added) continue;
    if (s.media) keepTranscriptMedia(tx, r.documentId, s, t.text, x, report, input.projectPath, input.recordings);
    documents++;
    addedDocs.set(s.guid.toLowerCase(), r.documentId);
    if (ext?.consensusDecisions?.length) for (const [g, id] of r.codingIds) codingIds.set(g, id);
    keepGuid(tx, 'document', r.documentId, s.guid);
    if (x)
      for (const [speaker, pg] of Object.entries(x.speakers)) {
        const pid = participantIds.get(pg.toLowerCase());
        if (pid !== undefined) tx.insert('speaker_participants', { document_id: r.documentId, speaker, participant_id: pid });
      }
  }
  const taken = new Set((stmt(tx.db, 'SELECT guid FROM refi_guids').all() as { guid: string }[]).map((r) => r.guid));
  tx.insertMany(
    'refi_guids',
    keptSelections.filter((k) => !taken.has(k.guid)).map((k) => ({ entity: 'selection', entity_id: k.codingId, guid: k.guid })),
  );

  const themes = ext ? importThemes(tx, ext, codes.ids, notes) : { themes: new Map<string, number>(), added: 0 };
  const decisions = ext?.consensusDecisions ? importDecisions(tx, ext.consensusDecisions, addedDocs, codes.ids, codingIds) : 0;
  const memos =
    importNotes(
      tx,
      p,
      ext,
      { docIds, selectionCoding, codingOf, uncoded, codeIds: codes.ids, themeIds: themes.themes, participantIds, userName },
      notes,
    ) + descriptionMemos(tx, p, addedDocs, selectionCoding, participantIds);

  const extras = [
    ...p.sets.filter((x) => !generated.has(x.guid)).map((item) => ({ kind: 'set' as const, item })),
    ...p.links.filter((x) => !generated.has(x.guid)).map((item) => ({ kind: 'link' as const, item })),
    ...p.graphs.filter((x) => !generated.has(x.guid)).map((item) => ({ kind: 'graph' as const, item })),
  ];
  const kept = keepExtras(tx, extras);
  if (kept)
    notes.push({
      kind: 'kept',
      name: (['set', 'link', 'graph'] as const)
        .map((k) => {
          const n = extras.filter((e) => e.kind === k).length;
          return plural(n, k);
        })
        .join(', '),
      detail: 'Thematic has no model for these; kept as they are and written back on export',
    });
  Object.assign(report.counts, {
    documents,
    codings,
    coders: codersAdded,
    participants: people.added,
    memos,
    themes: themes.added,
    'consensus decisions': decisions,
    'kept sets/links/graphs': kept,
  });
  if (another) report.counts['documents matched'] = docsMatched;
  else if (docsMatched) report.counts['documents merged'] = docsMatched;
  if (another || already) report.counts['codings already there'] = already;
  return report;
}
