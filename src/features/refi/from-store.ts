import type { Db } from '../../store/open.ts';
import { stmt } from '../../store/changes.ts';
import { allThemes } from '../themes/queries.ts';
import { mapInput, savedPositions } from '../map/queries.ts';
import { layoutMap } from '../../core/map/layout.ts';
import { stableGuid, toRefiGraph } from '../../core/map/refi-graph.ts';
import { APP_VERSION } from '../../core/version.ts';
import type {
  RefiCase,
  RefiCodebook,
  RefiGraph,
  RefiLink,
  RefiNote,
  RefiNoteRef,
  RefiProject,
  RefiSet,
  RefiTextSource,
  RefiUser,
  RefiVariable,
} from './model.ts';
import { EXTENSIONS_FORMAT, type Extensions } from './extensions.ts';
import type { ExportReport, ReportItem } from '../../core/refi-report.ts';
import { guidSalt, guidsFor, keptGuids, selectionGuid } from './store-guids.ts';
import { labelTurns, type LabelledText } from './store-export-text.ts';
import { mediaSources, type MediaExportOptions } from './media-export.ts';
import { mediaReferences } from './media-store.ts';
import { codeTree, type CodeIn } from './store-export-codes.ts';
import { exportExtras } from './store-extras.ts';
import { exportDecisions } from './store-consensus.ts';
import { uncolouredCodes } from './store-code-colours.ts';
import { keptVariableTypes } from './store-import-participants.ts';
// The same hash the import checks textSha256 with.
import { sha256 } from '../../lib/hash.ts';

// A Thematic project as REFI-QDA plain data (plus the texts and Thematic/extensions.json). A pure
// read: GUIDs without a column are derived (see store-guids.ts), so exporting twice gives the
// same GUIDs and never touches the undo history.

export interface ProjectExport {
  project: RefiProject;
  texts: Map<string, string>;
  extensions: Extensions;
  report: ExportReport;
}

interface Ctx {
  db: Db;
  derive: (seed: string) => string;
}

function ctxOf(db: Db): Ctx {
  const salt = guidSalt(db);
  return { db, derive: (seed) => stableGuid(`${salt}:${seed}`) };
}

function codesAndThemes(c: Ctx) {
  const codes = stmt(
    c.db,
    'SELECT id, guid, parent_id, name, color, definition, when_to_use, when_not_to_use, example, in_vivo FROM codes ORDER BY id',
  ).all() as (CodeIn & { when_to_use: string; when_not_to_use: string; example: string; in_vivo: number })[];
  const themes = allThemes(c.db);
  const attach = stmt(c.db, 'SELECT theme_id, code_id, position FROM theme_codes').all() as {
    theme_id: number;
    code_id: number;
    position: number;
  }[];
  // Codes whose when-to-use / when-not-to-use / example / in-vivo fields have no REFI-QDA place.
  const fields = codes.filter((x) => x.when_to_use || x.when_not_to_use || x.example || x.in_vivo).length;
  return { codes, themes, attach, fields, tree: codeTree(codes, themes, attach, uncolouredCodes(c.db)) };
}

export function exportCodebook(db: Db, fileName = 'codebook.qdc'): { codebook: RefiCodebook; report: ExportReport } {
  const { codes, themes, fields, tree } = codesAndThemes(ctxOf(db));
  const lost = (kind: string, name: string, detail: string): ReportItem => ({ kind, name, detail });
  const notCarried: ReportItem[] = [];
  if (fields)
    notCarried.push(
      lost(
        'code-fields',
        `${fields} codes`,
        'when to use / when not to use / example / in-vivo flag: a codebook has only a description; lost',
      ),
    );
  if (themes.length)
    notCarried.push(
      lost('theme-details', `${themes.length} themes`, 'written as non-codable codes with a Set each; kind, status and order are lost'),
    );
  const rest = stmt(
    db,
    `SELECT (SELECT COUNT(*) FROM documents) AS d, (SELECT COUNT(*) FROM codings) AS c, (SELECT COUNT(*) FROM memos) AS m,
    (SELECT COUNT(*) FROM participants) AS p`,
  ).get() as { d: number; c: number; m: number; p: number };
  if (rest.d + rest.c + rest.m + rest.p)
    notCarried.push(
      lost(
        'not-a-codebook',
        'documents, codings, participants, memos and the map',
        `a codebook holds codes only (${rest.d} documents, ${rest.c} codings, ${rest.p} participants, ${rest.m} memos not included); export a .qdpx for the whole project`,
      ),
    );
  return {
    codebook: { origin: `Thematic ${APP_VERSION}`, codes: tree.codes, sets: tree.sets },
    report: { fileName, format: 'qdc', counts: { codes: codes.length, themes: themes.length, sets: tree.sets.length }, notCarried },
  };
}

export function exportProject(db: Db, projectName: string, fileName = 'project.qdpx', mediaOpts: MediaExportOptions = {}): ProjectExport {
  const c = ctxOf(db);
  const media = mediaReferences(db);
  // A document's GUID also hashes its (immutable) text, so a new document that happens to reuse a
  // deleted one's row id never inherits that document's GUID.
  const docSha = new Map(
    (stmt(db, 'SELECT id, sha256 FROM documents').all() as { id: number; sha256: string }[]).map((d) => [d.id, d.sha256]),
  );
  const docGuid = guidsFor(db, 'document', (id) => docSha.get(id) ?? ''),
    partGuid = guidsFor(db, 'participant'),
    coderGuid = guidsFor(db, 'coder');
  const linkGuid = guidsFor(db, 'theme_link'),
    selKept = keptGuids(db, 'selection');
  const notCarried: ReportItem[] = [];
  const ext: Extensions = {
    format: EXTENSIONS_FORMAT,
    version: 1,
    documents: {},
    codes: {},
    themes: [],
    themeLinks: [],
    themeEvents: [],
    mapPositions: {},
    mapVersions: [],
    memos: {},
    coders: [],
    participants: [],
    generated: [],
  };

  // Users: coders, then memo authors who never coded.
  const coders = stmt(db, 'SELECT id, name, is_consensus FROM coders ORDER BY id').all() as {
    id: number;
    name: string;
    is_consensus: number;
  }[];
  const users: RefiUser[] = coders.map((k) => ({ guid: coderGuid(k.id), name: k.name }));
  ext.coders = coders.map((k) => ({ guid: coderGuid(k.id), name: k.name, isConsensus: !!k.is_consensus }));
  const userByName = new Map(users.map((u) => [u.name, u.guid]));
  const userOf = (name: string): string | undefined => {
    if (!name) return undefined;
    if (!userByName.has(name)) {
      const u = { guid: stableGuid(`thematic-author:${name}`), name };
      users.push(u);
      userByName.set(name, u.guid);
    }
    return userByName.get(name);
  };

  const { codes, themes, attach, fields, tree } = codesAndThemes(c);
  const codeGuidById = new Map(codes.map((x) => [x.id, x.guid]));
  for (const x of codes) {
    ext.codes[x.guid] = {
      parentGuid: x.parent_id === null ? null : (codeGuidById.get(x.parent_id) ?? null),
      whenToUse: x.when_to_use,
      whenNotToUse: x.when_not_to_use,
      example: x.example,
      inVivo: !!x.in_vivo,
      color: x.color,
    };
  }
  const themeGuid = new Map(themes.map((t) => [t.id, t.guid]));
  ext.themes = themes.map((t) => ({
    guid: t.guid,
    parentGuid: t.parent_id === null ? null : themeGuid.get(t.parent_id)!,
    kind: t.kind,
    name: t.name,
    definition: t.definition,
    color: t.color,
    status: t.status,
    position: t.position,
    createdAt: t.created_at,
    codeGuids: attach
      .filter((a) => a.theme_id === t.id)
      .sort((a, b) => a.position - b.position || a.code_id - b.code_id)
      .map((a) => codeGuidById.get(a.code_id)!),
  }));

  // Participants as cases; every attribute key a Text variable.
  const participants = stmt(db, 'SELECT id, label FROM participants ORDER BY id').all() as { id: number; label: string }[];
  const attrs = stmt(db, 'SELECT participant_id, key, value FROM participant_attributes ORDER BY key').all() as {
    participant_id: number;
    key: string;
    value: string;
  }[];
  const variables = new Map<string, RefiVariable>();
  // A variable that came in typed (Integer, Date, ...) goes out with its type again.
  const kept = keptVariableTypes(db);
  for (const a of attrs)
    if (!variables.has(a.key)) variables.set(a.key, { guid: c.derive(`variable:${a.key}`), name: a.key, type: kept[a.key] ?? 'Text' });
  const docs = stmt(
    db,
    'SELECT id, name, original_filename, format, sha256, text, participant_id, imported_at FROM documents ORDER BY id',
  ).all() as {
    id: number;
    name: string;
    original_filename: string;
    format: string;
    sha256: string;
    text: string;
    participant_id: number | null;
    imported_at: string;
  }[];
  const speakerLinks = stmt(db, 'SELECT document_id, speaker, participant_id FROM speaker_participants').all() as {
    document_id: number;
    speaker: string;
    participant_id: number;
  }[];
  const cases: RefiCase[] = participants.map((p) => {
    const docIds = new Set([
      ...docs.filter((d) => d.participant_id === p.id).map((d) => d.id),
      ...speakerLinks.filter((s) => s.participant_id === p.id).map((s) => s.document_id),
    ]);
    return {
      guid: partGuid(p.id),
      name: p.label,
      values: attrs.filter((a) => a.participant_id === p.id).map((a) => ({ variableGuid: variables.get(a.key)!.guid, value: a.value })),
      sourceGuids: [...docIds].sort((a, b) => a - b).map(docGuid),
      codeGuids: [],
    };
  });
  ext.participants = participants.map((p) => ({ guid: partGuid(p.id), label: p.label }));
  type Made = { id: number; guid?: string; created_at: string };
  ext.createdAt = Object.fromEntries([
    ...(stmt(db, 'SELECT id, created_at FROM coders ORDER BY id').all() as Made[]).map((r) => [coderGuid(r.id), r.created_at]),
    ...(stmt(db, 'SELECT id, guid, created_at FROM codes ORDER BY id').all() as Made[]).map((r) => [r.guid!, r.created_at]),
    ...(stmt(db, 'SELECT id, created_at FROM participants ORDER BY id').all() as Made[]).map((r) => [partGuid(r.id), r.created_at]),
  ]);
  const partGuidOf = (id: number | null) => (id === null ? null : partGuid(id));

  // Memos as notes, hung where the schema lets a NoteRef point.
  const memos = stmt(db, 'SELECT * FROM memos ORDER BY id').all() as {
    id: number;
    guid: string;
    target_type: string;
    target_id: number | null;
    title: string;
    body: string;
    author: string;
    created_at: string;
    updated_at: string;
  }[];
  const notes: RefiNote[] = [];
  const noteRefs: RefiNoteRef[] = [];
  const docNotes = new Map<number, string[]>();
  const codingNotes = new Map<number, string[]>();
  const codingGuids = new Map<number, string>();
  const unsupported = new Map<string, number>();
  for (const m of memos) {
    notes.push({
      guid: m.guid,
      name: m.title || undefined,
      text: m.body,
      creatingUser: userOf(m.author),
      creationDateTime: m.created_at,
      modifiedDateTime: m.updated_at,
    });
    let targetGuid: string | null = null;
    const t = m.target_type,
      id = m.target_id;
    if (t === 'document' && id !== null) {
      (docNotes.get(id) ?? docNotes.set(id, []).get(id)!).push(m.guid);
      targetGuid = docGuid(id);
    } else if (t === 'coding' && id !== null) {
      (codingNotes.get(id) ?? codingNotes.set(id, []).get(id)!).push(m.guid);
    } else if (t === 'code' && id !== null && codeGuidById.has(id)) {
      targetGuid = codeGuidById.get(id)!;
      noteRefs.push({ noteGuid: m.guid, targetGuid });
    } else if (t === 'theme' && id !== null && themeGuid.has(id)) {
      targetGuid = themeGuid.get(id)!;
      noteRefs.push({ noteGuid: m.guid, targetGuid });
    } else if (t === 'project') noteRefs.push({ noteGuid: m.guid, targetGuid: '' });
    else if (t === 'participant' && id !== null) {
      targetGuid = partGuid(id);
      unsupported.set('participant', (unsupported.get('participant') ?? 0) + 1);
    } else if (t === 'phase') unsupported.set('phase', (unsupported.get('phase') ?? 0) + 1);
    ext.memos[m.guid] = {
      targetType: m.target_type as Extensions['memos'][string]['targetType'],
      targetGuid,
      targetId: t === 'phase' ? id : null,
      author: m.author,
      title: m.title,
    };
  }
  for (const [kind, n] of unsupported) {
    notCarried.push({
      kind: 'memo-target',
      name: `${n} ${kind} memo${n === 1 ? '' : 's'}`,
      detail: `written as notes, but a REFI-QDA ${kind === 'participant' ? 'case' : 'project'} cannot point at a note; the target is in Thematic/extensions.json`,
    });
  }

  // Documents with their codings; speaker labels written into the text.
  const turns = stmt(db, 'SELECT document_id, speaker, start, end, time_start, time_end FROM turns ORDER BY document_id, idx').all() as {
    document_id: number;
    speaker: string | null;
    start: number;
    end: number;
    time_start: number | null;
    time_end: number | null;
  }[];
  const turnsOf = new Map<number, typeof turns>();
  for (const t of turns) (turnsOf.get(t.document_id) ?? turnsOf.set(t.document_id, []).get(t.document_id)!).push(t);
  const codings = stmt(
    db,
    'SELECT id, guid, document_id, code_id, coder_id, start, end, created_at FROM codings ORDER BY document_id, start, end, id',
  ).all() as {
    id: number;
    guid: string;
    document_id: number;
    code_id: number;
    coder_id: number;
    start: number;
    end: number;
    created_at: string;
  }[];
  const codingsOf = new Map<number, typeof codings>();
  for (const g of codings) {
    (codingsOf.get(g.document_id) ?? codingsOf.set(g.document_id, []).get(g.document_id)!).push(g);
    codingGuids.set(g.id, g.guid);
  }
  const texts = new Map<string, string>();
  const labelledOf = new Map<string, LabelledText>();
  const docOfGuid = new Map<string, number>();
  const sources: RefiTextSource[] = docs.map((d) => {
    const guid = docGuid(d.id);
    const dt = turnsOf.get(d.id) ?? [];
    // A transcript's times go out as SyncPoints, not as "[hh:mm:ss]" in its text.
    const labelled = labelTurns(
      d.text,
      dt.map((t) => ({ speaker: t.speaker, start: t.start, timeStart: media.has(d.id) ? null : t.time_start })),
    );
    texts.set(guid, labelled.text);
    labelledOf.set(guid, labelled);
    docOfGuid.set(guid, d.id);
    const speakers: Record<string, string> = {};
    for (const s of speakerLinks) if (s.document_id === d.id) speakers[s.speaker] = partGuid(s.participant_id);
    ext.documents[guid] = {
      name: d.name,
      originalFilename: d.original_filename,
      format: d.format,
      sha256: d.sha256,
      importedAt: d.imported_at,
      textSha256: sha256(d.text),
      inserted: labelled.inserted,
      turns: dt.map((t) => ({ speaker: t.speaker, start: t.start, end: t.end, timeStart: t.time_start, timeEnd: t.time_end })),
      participantGuid: partGuidOf(d.participant_id),
      speakers,
    };
    return {
      kind: 'text',
      guid,
      name: d.name,
      creationDateTime: d.imported_at,
      plainTextPath: `internal://${guid}.txt`,
      noteGuids: docNotes.get(d.id) ?? [],
      values: [],
      selections: (codingsOf.get(d.id) ?? []).map((g) => ({
        guid: selKept.get(g.id) ?? selectionGuid(g.guid),
        start: labelled.mapStart(g.start),
        end: labelled.mapEnd(g.end),
        creatingUser: coderGuid(g.coder_id),
        creationDateTime: g.created_at,
        noteGuids: codingNotes.get(g.id) ?? [],
        codings: [
          { guid: g.guid, codeGuid: codeGuidById.get(g.code_id)!, creatingUser: coderGuid(g.coder_id), creationDateTime: g.created_at },
        ],
      })),
    };
  });

  const av = mediaSources(
    sources,
    {
      media,
      documentOf: (g) => docOfGuid.get(g)!,
      derive: c.derive,
      mapStart: (g, o) => labelledOf.get(g)!.mapStart(o),
      turnsOf: (id) => (turnsOf.get(id) ?? []).map((t) => ({ start: t.start, timeStart: t.time_start })),
    },
    mediaOpts,
  );
  notCarried.push(...av.items);

  // Theme links as REFI links between the theme codes; the map as a Graph.
  const links = stmt(db, 'SELECT id, from_theme_id, to_theme_id, label, created_at FROM theme_links ORDER BY id').all() as {
    id: number;
    from_theme_id: number;
    to_theme_id: number;
    label: string;
    created_at: string;
  }[];
  const refiLinks: RefiLink[] = links.map((l) => ({
    guid: linkGuid(l.id),
    name: l.label || undefined,
    direction: 'OneWay',
    originGuid: themeGuid.get(l.from_theme_id)!,
    targetGuid: themeGuid.get(l.to_theme_id)!,
  }));
  ext.themeLinks = links.map((l) => ({
    guid: linkGuid(l.id),
    fromGuid: themeGuid.get(l.from_theme_id)!,
    toGuid: themeGuid.get(l.to_theme_id)!,
    label: l.label,
    createdAt: l.created_at,
  }));
  const graphs: RefiGraph[] = [];
  const input = mapInput(db, { showCodes: true });
  const positions = savedPositions(db);
  if (input.nodes.length) {
    const layout = layoutMap(input, {
      layout: Object.keys(positions).length ? 'free' : 'radial',
      showCodes: true,
      palette: 'colorblind',
      positions,
    });
    const g = toRefiGraph(input, layout);
    graphs.push({
      guid: c.derive('thematic-map'),
      name: 'Thematic map',
      vertices: g.vertices.map((v) => ({
        guid: v.guid,
        representedGuid: v.representedGUID,
        name: v.name,
        firstX: v.firstX,
        firstY: v.firstY,
        secondX: v.secondX,
        secondY: v.secondY,
        shape: v.shape,
        color: v.color,
      })),
      edges: g.edges.map((e) => ({
        guid: e.guid,
        sourceVertex: e.sourceVertex,
        targetVertex: e.targetVertex,
        name: e.name,
        direction: e.direction,
        lineStyle: e.lineStyle,
        color: e.color,
      })),
    });
  }
  ext.mapPositions = positions;
  ext.themeEvents = (
    stmt(db, 'SELECT * FROM theme_events ORDER BY id').all() as {
      theme_id: number;
      theme_name: string;
      kind: string;
      rationale: string;
      details: string;
      actor: string;
      at: string;
    }[]
  ).map((e) => ({
    themeGuid: themeGuid.get(e.theme_id) ?? null,
    themeId: e.theme_id,
    themeName: e.theme_name,
    kind: e.kind,
    rationale: e.rationale,
    details: e.details,
    actor: e.actor,
    at: e.at,
  }));
  ext.mapVersions = (
    stmt(db, 'SELECT * FROM map_versions ORDER BY id').all() as {
      name: string;
      note: string;
      input: string;
      positions: string;
      actor: string;
      created_at: string;
    }[]
  ).map((v) => ({ name: v.name, note: v.note, input: v.input, positions: v.positions, actor: v.actor, createdAt: v.created_at }));

  // What other programs brought in and Thematic only keeps: written back, minus dangling members.
  const known = new Set<string>([
    ...codeGuidById.values(),
    ...themeGuid.values(),
    ...docs.map((d) => docGuid(d.id)),
    ...notes.map((n) => n.guid),
    ...cases.map((x) => x.guid),
    ...users.map((u) => u.guid),
    ...sources.flatMap((s) => s.selections.map((x) => x.guid)),
  ]);
  const extras = exportExtras(db, known);
  notCarried.push(...extras.dropped);

  const sets: RefiSet[] = [...tree.sets, ...extras.sets];
  ext.generated = [...tree.sets.map((x) => x.guid), ...refiLinks.map((l) => l.guid), ...graphs.map((g) => g.guid)];
  const say = (kind: string, name: string, detail: string) => notCarried.push({ kind, name, detail });
  const inExt = 'kept in Thematic/extensions.json (other programs ignore it)';
  if (turns.some((t) => t.speaker || t.time_start != null))
    say('turns', 'speaker turns and timestamps', `written into the text as "P4: " and "[hh:mm:ss] " labels; the turn layout is ${inExt}`);
  if (themes.length)
    say(
      'themes',
      `${themes.length} themes`,
      `written as non-codable codes with one Set per theme; kind, status, definitions, order and code attachments are ${inExt}`,
    );
  if (links.length) say('theme-links', `${links.length} theme links`, `written as Links; ${inExt}`);
  if (ext.themeEvents.length)
    say('theme-events', `${ext.themeEvents.length} theme decisions`, `the decision history has no REFI-QDA element; ${inExt}`);
  if (Object.keys(positions).length)
    say('map-positions', 'saved map positions', `the map is a Graph with those positions; the positions themselves are ${inExt}`);
  if (ext.mapVersions.length) say('map-versions', `${ext.mapVersions.length} map versions`, `no REFI-QDA element; ${inExt}`);
  if (fields)
    say(
      'code-fields',
      `${fields} codes`,
      `when to use / when not to use / example / in-vivo flag have no REFI-QDA field (the definition is the description); ${inExt}`,
    );
  ext.consensusDecisions = exportDecisions(db, docGuid, codeGuidById, codingGuids);
  const decisions = ext.consensusDecisions.length;
  if (decisions)
    say(
      'consensus-decisions',
      `${decisions} consensus decisions`,
      `the reconciliation log has no REFI-QDA element (the consensus codings are ordinary codings of the coder "consensus"); ${inExt}`,
    );
  if (participants.length && speakerLinks.length)
    say('speaker-links', 'speaker-participant links', `cases list their documents; which speaker is which participant is ${inExt}`);

  const project: RefiProject = {
    name: projectName,
    origin: `Thematic ${APP_VERSION}`,
    creatingUserGuid: users[0]?.guid,
    users,
    codes: tree.codes,
    variables: [...variables.values()],
    cases,
    sources: av.sources,
    notes,
    noteRefs,
    sets,
    links: [...refiLinks, ...extras.links],
    graphs: [...graphs, ...extras.graphs],
  };
  const report: ExportReport = {
    fileName,
    format: 'qdpx',
    notCarried,
    counts: {
      documents: docs.length,
      codes: codes.length,
      codings: codings.length,
      coders: coders.length,
      participants: participants.length,
      memos: memos.length,
      themes: themes.length,
      sets: sets.length,
      links: project.links.length,
      graphs: project.graphs.length,
      'recordings included': av.included,
    },
  };
  return { project, texts, extensions: ext, report };
}
