// Reads a REFI-QDA project (.qde, or project.qde inside a .qdpx) into the plain-data model.
// Values are kept exactly as written (names are never parsed as numbers, text is not trimmed);
// what the model needs and the file lacks is an error naming the element, never a guess.
//
// Who coded? A PlainTextSelection and each of its Codings carry their own creatingUser, and they
// can differ (in NVivo files the selection's is mostly the source's creator). Both are kept; the
// coder is the Coding's creatingUser, falling back to the selection's (coderOf in source-text.ts).
import type {
  RefiCase,
  RefiCode,
  RefiCoding,
  RefiEdge,
  RefiGraph,
  RefiLink,
  RefiNote,
  RefiNoteRef,
  RefiOtherSource,
  RefiProject,
  RefiSet,
  RefiSource,
  RefiTextSelection,
  RefiTextSource,
  RefiUser,
  RefiVariable,
  RefiVariableType,
  RefiVariableValue,
  RefiVertex,
} from './model.ts';
import { childText, childrenNamed, countDescendants, firstChild, importFailed, parseXml, type XmlElement } from '../../lib/xml.ts';
import { readTranscripts } from './media-read.ts';
import { describe, integer, nonEmpty, noteRefs, readCoding, required, type Ctx } from './read-kit.ts';

export interface ReadOptions {
  /** The file's name in messages (default project.qde). */
  label?: string;
}

export function readQde(input: string | Uint8Array, options: ReadOptions = {}): RefiProject {
  const label = options.label ?? 'project.qde';
  const root = parseXml(input, label);
  if (root.name === 'CodeBook')
    throw importFailed(`${label}: this is a REFI-QDA codebook (<CodeBook>), not a project; import it as a .qdc`);
  if (root.name !== 'Project')
    throw importFailed(`${label}: the root element is <${root.name}>, not <Project>; this is not a REFI-QDA project`);
  return readProject(root, { label, noteRefs: [] });
}

function readProject(root: XmlElement, ctx: Ctx): RefiProject {
  const origin = root.attrs.origin;
  // Offsets: NVivo counts UTF-16 code units, everyone else (ATLAS.ti, QualCoder, MAXQDA, Thematic)
  // counts code points; see ../shared/interop/README.md and selectionsInUtf16 in source-text.ts.
  const offsetUnit = origin !== undefined && /^\s*nvivo/i.test(origin) ? 'utf16' : 'codepoint';
  const section = (name: string, item: string) => {
    const el = firstChild(root, name);
    return el ? childrenNamed(el, item) : [];
  };
  const sources: RefiSource[] = [];
  for (const el of firstChild(root, 'Sources')?.children ?? []) {
    if (el.name === 'TextSource') sources.push(readTextSource(el, offsetUnit, ctx));
    else if (OTHER_KINDS[el.name]) sources.push(readOtherSource(el, OTHER_KINDS[el.name], offsetUnit, ctx));
  }
  const codeBook = firstChild(root, 'CodeBook');
  return {
    name: root.attrs.name ?? '',
    origin,
    creatingUserGuid: root.attrs.creatingUserGUID,
    creationDateTime: root.attrs.creationDateTime,
    description: nonEmpty(childText(root, 'Description')),
    users: section('Users', 'User').map((el): RefiUser => ({
      guid: required(el, 'guid', ctx),
      name: el.attrs.name ?? '',
      id: el.attrs.id,
    })),
    codes: readCodes(codeBook && firstChild(codeBook, 'Codes'), ctx),
    variables: section('Variables', 'Variable').map((el) => readVariable(el, ctx)),
    cases: section('Cases', 'Case').map((el) => readCase(el, ctx)),
    sources,
    notes: section('Notes', 'Note').map((el) => readNote(el, ctx)),
    // Project-level NoteRefs need no entry: a note that points nowhere belongs to the project.
    noteRefs: ctx.noteRefs,
    sets: readSets(firstChild(root, 'Sets'), ctx),
    links: section('Links', 'Link').map((el) => readLink(el, ctx)),
    graphs: section('Graphs', 'Graph').map((el) => readGraph(el, ctx)),
  };
}

// ---- attributes -------------------------------------------------------------------------------

function coordinate(el: XmlElement, attr: string, ctx: Ctx, optional = false): number | undefined {
  const raw = el.attrs[attr];
  if (raw === undefined && optional) return undefined;
  const value = Number(required(el, attr, ctx));
  if (!Number.isFinite(value)) throw importFailed(`${ctx.label}: ${describe(el)}: ${attr}="${raw}" is not a number`);
  return value;
}

/** #RGB or #RRGGBB -> #RRGGBB; anything else is dropped (a colour is never worth failing an import). */
function color(raw: string | undefined): string | undefined {
  const value = raw?.trim();
  if (value && /^#[0-9a-fA-F]{6}$/.test(value)) return value;
  if (value && /^#[0-9a-fA-F]{3}$/.test(value)) return `#${[...value.slice(1)].map((c) => c + c).join('')}`;
  return undefined;
}

const DIRECTIONS = new Set(['Associative', 'OneWay', 'Bidirectional']);
const direction = (raw: string | undefined) => (raw !== undefined && DIRECTIONS.has(raw) ? (raw as RefiLink['direction']) : undefined);

const refs = (el: XmlElement, name: string, ctx: Ctx) =>
  childrenNamed(el, name).map((ref) => ref.attrs.targetGUID ?? required(ref, 'guid', ctx));

// ---- codebook ---------------------------------------------------------------------------------

export function readCodes(codes: XmlElement | undefined, ctx: Ctx): RefiCode[] {
  return codes ? childrenNamed(codes, 'Code').map((el) => readCode(el, ctx)) : [];
}

function readCode(el: XmlElement, ctx: Ctx): RefiCode {
  const guid = required(el, 'guid', ctx);
  noteRefs(el, guid, ctx);
  const codable = el.attrs.isCodable?.trim();
  return {
    guid,
    name: el.attrs.name ?? '',
    color: color(el.attrs.color),
    description: nonEmpty(childText(el, 'Description')),
    isCodable: !(codable === 'false' || codable === '0'),
    children: childrenNamed(el, 'Code').map((child) => readCode(child, ctx)),
  };
}

export function readSets(sets: XmlElement | undefined, ctx: Ctx): RefiSet[] {
  return (sets ? childrenNamed(sets, 'Set') : []).map((el) => ({
    guid: required(el, 'guid', ctx),
    name: el.attrs.name ?? '',
    description: nonEmpty(childText(el, 'Description')),
    // Codebook.xsd calls the MemberCode attribute guid; Project.xsd calls it targetGUID.
    memberCodes: refs(el, 'MemberCode', ctx),
    memberSources: refs(el, 'MemberSource', ctx),
    memberNotes: refs(el, 'MemberNote', ctx),
  }));
}

// ---- variables and cases ----------------------------------------------------------------------

const VARIABLE_TYPES = new Set<RefiVariableType>(['Text', 'Boolean', 'Integer', 'Float', 'Date', 'DateTime']);

function readVariable(el: XmlElement, ctx: Ctx): RefiVariable {
  const type = el.attrs.typeOfVariable as RefiVariableType;
  return {
    guid: required(el, 'guid', ctx),
    name: el.attrs.name ?? '',
    // An unknown type still has values that read as text: keep them rather than fail.
    type: VARIABLE_TYPES.has(type) ? type : 'Text',
    description: nonEmpty(childText(el, 'Description')),
  };
}

const VALUE_ELEMENTS = ['TextValue', 'BooleanValue', 'IntegerValue', 'FloatValue', 'DateValue', 'DateTimeValue'];

function readValues(el: XmlElement, ctx: Ctx): RefiVariableValue[] {
  return childrenNamed(el, 'VariableValue').map((v) => {
    const ref = firstChild(v, 'VariableRef');
    if (!ref) throw importFailed(`${ctx.label}: a <VariableValue> in ${describe(el)} has no <VariableRef>`);
    const value = v.children.find((c) => VALUE_ELEMENTS.includes(c.name));
    return { variableGuid: required(ref, 'targetGUID', ctx), value: value?.text ?? '' };
  });
}

function readCase(el: XmlElement, ctx: Ctx): RefiCase {
  const guid = required(el, 'guid', ctx);
  noteRefs(el, guid, ctx);
  return {
    guid,
    name: el.attrs.name ?? '',
    description: nonEmpty(childText(el, 'Description')),
    values: readValues(el, ctx),
    sourceGuids: refs(el, 'SourceRef', ctx),
    codeGuids: refs(el, 'CodeRef', ctx),
  };
}

// ---- sources ----------------------------------------------------------------------------------

function readSelection(el: XmlElement, ctx: Ctx): RefiTextSelection {
  const guid = required(el, 'guid', ctx);
  const start = integer(el, 'startPosition', ctx);
  const end = integer(el, 'endPosition', ctx);
  if (end < start) throw importFailed(`${ctx.label}: ${describe(el)} ends (${end}) before it starts (${start})`);
  return {
    guid,
    name: el.attrs.name,
    start,
    end,
    creatingUser: el.attrs.creatingUser,
    creationDateTime: el.attrs.creationDateTime,
    description: nonEmpty(childText(el, 'Description')),
    codings: childrenNamed(el, 'Coding').map((c) => readCoding(c, ctx)),
    noteGuids: noteRefs(el, guid, ctx),
  };
}

function readTextSource(el: XmlElement, offsetUnit: 'utf16' | 'codepoint', ctx: Ctx): RefiTextSource {
  const guid = required(el, 'guid', ctx);
  const codings = childrenNamed(el, 'Coding').map((c) => readCoding(c, ctx));
  const source: RefiTextSource = {
    kind: 'text',
    guid,
    name: el.attrs.name ?? '',
    description: nonEmpty(childText(el, 'Description')),
    creatingUser: el.attrs.creatingUser,
    creationDateTime: el.attrs.creationDateTime,
    plainTextContent: childText(el, 'PlainTextContent'),
    plainTextPath: nonEmpty(el.attrs.plainTextPath),
    richTextPath: nonEmpty(el.attrs.richTextPath),
    selections: childrenNamed(el, 'PlainTextSelection').map((s) => readSelection(s, ctx)),
    noteGuids: noteRefs(el, guid, ctx),
    values: readValues(el, ctx),
    offsetUnit,
  };
  if (codings.length > 0) source.codings = codings;
  return source;
}

const OTHER_KINDS: Record<string, RefiOtherSource['kind']> = {
  PDFSource: 'pdf',
  PictureSource: 'picture',
  AudioSource: 'audio',
  VideoSource: 'video',
};
/** Per kind: its own selection elements, and the text element that may hold PlainTextSelections. */
const OTHER_PARTS = {
  pdf: { selection: 'PDFSelection', text: 'Representation', textSelection: 'PlainTextSelection' },
  picture: { selection: 'PictureSelection', text: 'TextDescription', textSelection: 'PlainTextSelection' },
  audio: { selection: 'AudioSelection', text: 'Transcript', textSelection: 'TranscriptSelection' },
  video: { selection: 'VideoSelection', text: 'Transcript', textSelection: 'TranscriptSelection' },
};

/**
 * Thematic holds only text: PDF and picture sources are counted for the import report, their
 * notes kept. Audio and video keep their Transcripts (media-read.ts); the counts are then of the
 * selections and codings on the recording itself.
 */
function readOtherSource(el: XmlElement, kind: RefiOtherSource['kind'], offsetUnit: 'utf16' | 'codepoint', ctx: Ctx): RefiOtherSource {
  const parts = OTHER_PARTS[kind];
  const media = kind === 'audio' || kind === 'video';
  const guid = required(el, 'guid', ctx);
  const texts = childrenNamed(el, parts.text);
  const transcripts = media ? readTranscripts(el, offsetUnit, ctx) : [];
  if (media) {
    noteRefs(el, guid, ctx);
    for (const child of el.children) if (child.name !== 'Transcript') collectNoteRefs(child, ctx);
  } else collectNoteRefs(el, ctx);
  const other: RefiOtherSource = {
    kind,
    guid,
    name: el.attrs.name ?? '',
    path: nonEmpty(el.attrs.path),
    selectionCount:
      childrenNamed(el, parts.selection).length + (media ? 0 : texts.reduce((n, t) => n + childrenNamed(t, parts.textSelection).length, 0)),
    codingCount: countDescendants(el, 'Coding') - texts.reduce((n, t) => n + (media ? countDescendants(t, 'Coding') : 0), 0),
    hasTextRepresentation: !media && texts.length > 0,
  };
  if (transcripts.length) other.transcripts = transcripts;
  return other;
}

/** Every NoteRef in a subtree, each on the guid of the element that holds it. */
function collectNoteRefs(el: XmlElement, ctx: Ctx): void {
  if (el.attrs.guid !== undefined) noteRefs(el, el.attrs.guid, ctx);
  for (const child of el.children) if (child.name !== 'NoteRef') collectNoteRefs(child, ctx);
}

// ---- notes, links, graphs ---------------------------------------------------------------------

function readNote(el: XmlElement, ctx: Ctx): RefiNote {
  const text = childText(el, 'PlainTextContent');
  const note: RefiNote = {
    guid: required(el, 'guid', ctx),
    name: el.attrs.name,
    text: text ?? '',
    creatingUser: el.attrs.creatingUser,
    creationDateTime: el.attrs.creationDateTime,
    modifiedDateTime: el.attrs.modifiedDateTime,
  };
  if (text === undefined && nonEmpty(el.attrs.plainTextPath)) note.plainTextPath = el.attrs.plainTextPath;
  return note;
}

function readLink(el: XmlElement, ctx: Ctx): RefiLink {
  const guid = required(el, 'guid', ctx);
  noteRefs(el, guid, ctx);
  return {
    guid,
    name: el.attrs.name,
    direction: direction(el.attrs.direction),
    color: color(el.attrs.color),
    originGuid: required(el, 'originGUID', ctx),
    targetGuid: required(el, 'targetGUID', ctx),
  };
}

function readGraph(el: XmlElement, ctx: Ctx): RefiGraph {
  return {
    guid: required(el, 'guid', ctx),
    name: el.attrs.name,
    vertices: childrenNamed(el, 'Vertex').map((v): RefiVertex => ({
      guid: required(v, 'guid', ctx),
      representedGuid: v.attrs.representedGUID,
      name: v.attrs.name,
      firstX: coordinate(v, 'firstX', ctx)!,
      firstY: coordinate(v, 'firstY', ctx)!,
      secondX: coordinate(v, 'secondX', ctx, true),
      secondY: coordinate(v, 'secondY', ctx, true),
      shape: v.attrs.shape,
      color: color(v.attrs.color),
    })),
    edges: childrenNamed(el, 'Edge').map((e): RefiEdge => ({
      guid: required(e, 'guid', ctx),
      representedGuid: e.attrs.representedGUID,
      name: e.attrs.name,
      sourceVertex: required(e, 'sourceVertex', ctx),
      targetVertex: required(e, 'targetVertex', ctx),
      color: color(e.attrs.color),
      direction: direction(e.attrs.direction),
      lineStyle: e.attrs.lineStyle,
    })),
  };
}
