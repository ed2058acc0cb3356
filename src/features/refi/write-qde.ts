// RefiProject -> QDA-XML 1.0 project (.qde), valid against Project-mrt2019.xsd. Element order
// follows the schema's sequences; wrappers (Users, Codes, ...) need one child, so empty ones are
// left out. Offsets go out as Unicode code points (the standard's "characters"; see offsets.ts),
// or as UTF-16 units when the file is for NVivo (export-targets.ts).

import type {
  RefiCase,
  RefiCode,
  RefiCoding,
  RefiEdge,
  RefiGraph,
  RefiLink,
  RefiNote,
  RefiOtherSource,
  RefiProject,
  RefiSet,
  RefiTextSelection,
  RefiTextSource,
  RefiTranscript,
  RefiVariableType,
  RefiVariableValue,
  RefiVertex,
} from './model.ts';
import { codePointsToUtf16, utf16ToCodePoints } from './offsets.ts';
import { el, refiGuid, refiValues, renderXml, typedValue, type RefiValues, type XmlElement } from './write-xml.ts';
import { plural } from '../../core/refi-report.ts';

export interface WriteQdeOptions {
  /** 'inline' (default): PlainTextContent in the file; 'files': plainTextPath="internal://<guid>.txt". */
  texts?: 'inline' | 'files';
  /** Gets one line per thing the file could not carry as given (for the export report). */
  warnings?: string[];
  /** Source texts by source guid, preferred over plainTextContent (writeQdpx passes its map). */
  sourceTexts?: Map<string, string>;
  /** What positions count: 'codepoint' (default: the standard's characters) or 'utf16' (NVivo). */
  offsets?: 'codepoint' | 'utf16';
}

export const PROJECT_NS = 'urn:QDA-XML:project:1.0';

interface Ctx {
  v: RefiValues;
  notes: NotePlaces;
  types: VariableTypes;
  mode: 'inline' | 'files';
  offsets: 'codepoint' | 'utf16';
  textOf(s: RefiTextSource): string | undefined;
}

export function writeQde(project: RefiProject, opts: WriteQdeOptions = {}): string {
  const v = refiValues(opts.warnings ?? []);
  const ctx: Ctx = {
    v,
    notes: noteRefPlaces(project, v),
    types: variableTypes(project, v),
    mode: opts.texts ?? 'inline',
    offsets: opts.offsets ?? 'codepoint',
    textOf: (s) => opts.sourceTexts?.get(s.guid) ?? s.plainTextContent,
  };
  const p = project;
  if (ctx.offsets === 'codepoint' && p.origin !== undefined && /^\s*nvivo/i.test(p.origin)) {
    // Readers take an NVivo origin to mean UTF-16 offsets; this file counts code points.
    v.warn(`origin "${p.origin}" names NVivo, but positions are written as code points, not NVivo's UTF-16 units`);
  }
  const root = el(
    'Project',
    {
      xmlns: PROJECT_NS,
      name: v.text(p.name, 'project name'),
      origin: p.origin === undefined ? undefined : v.text(p.origin, 'project origin'),
      creatingUserGUID: p.creatingUserGuid ? v.guid(p.creatingUserGuid) : undefined,
      creationDateTime: v.dateTime(p.creationDateTime, 'project'),
    },
    [
      wrap(
        'Users',
        p.users.map((u) =>
          el('User', {
            guid: v.guid(u.guid),
            name: v.text(u.name, `user "${u.name}"`),
            id: u.id === undefined ? undefined : v.text(u.id, `user "${u.name}" id`),
          }),
        ),
      ),
      p.codes.length > 0 &&
        el('CodeBook', {}, [
          wrap(
            'Codes',
            p.codes.map((c) => code(c, ctx)),
          ),
        ]),
      wrap(
        'Variables',
        p.variables.map((x) =>
          el(
            'Variable',
            {
              guid: v.guid(x.guid),
              name: v.text(x.name, `variable "${x.name}"`),
              typeOfVariable: ctx.types.get(key(x.guid))?.type ?? x.type,
            },
            [description(x.description, `variable "${x.name}"`, v)],
          ),
        ),
      ),
      wrap(
        'Cases',
        p.cases.map((c) => caseEl(c, ctx)),
      ),
      wrap(
        'Sources',
        p.sources.map((s) => (s.kind === 'text' ? textSource(s, ctx) : otherSource(s, ctx))),
      ),
      wrap(
        'Notes',
        p.notes.map((n) => note(n, ctx)),
      ),
      wrap(
        'Links',
        p.links.map((l) => link(l, ctx)),
      ),
      wrap(
        'Sets',
        p.sets.map((s) => set(s, ctx)),
      ),
      wrap(
        'Graphs',
        p.graphs.map((g) => graph(g, v)),
      ),
      description(p.description, 'project', v),
      ...noteRefs(ctx, ''),
    ],
  );
  return renderXml(root);
}

function wrap(name: string, children: XmlElement[]): XmlElement | undefined {
  return children.length > 0 ? el(name, {}, children) : undefined;
}

function description(text: string | undefined, what: string, v: RefiValues): XmlElement | undefined {
  return text === undefined || text === '' ? undefined : el('Description', {}, [v.text(text, `${what} description`)]);
}

function noteRefs(ctx: Ctx, target: string, extra: string[] = []): XmlElement[] {
  return ctx.notes.on(target, extra).map((n) => el('NoteRef', { targetGUID: ctx.v.guid(n) }));
}

function ref(name: string, guid: string, v: RefiValues): XmlElement {
  return el(name, { targetGUID: v.guid(guid) });
}

function code(c: RefiCode, ctx: Ctx): XmlElement {
  const { v } = ctx;
  return el(
    'Code',
    {
      guid: v.guid(c.guid),
      name: v.text(c.name, `code "${c.name}"`),
      isCodable: c.isCodable ? 'true' : 'false',
      color: v.color(c.color, `code "${c.name}"`),
    },
    [description(c.description, `code "${c.name}"`, v), ...noteRefs(ctx, c.guid), ...c.children.map((k) => code(k, ctx))],
  );
}

function values(list: RefiVariableValue[], ctx: Ctx, what: string): XmlElement[] {
  return list.flatMap((x) => {
    const typed = variableValue(x, ctx.types, ctx.v, what);
    return typed ? [el('VariableValue', {}, [ref('VariableRef', x.variableGuid, ctx.v), typed])] : [];
  });
}

function caseEl(c: RefiCase, ctx: Ctx): XmlElement {
  const { v } = ctx;
  const what = `case "${c.name}"`;
  return el('Case', { guid: v.guid(c.guid), name: v.text(c.name, what) }, [
    description(c.description, what, v),
    ...c.codeGuids.map((g) => ref('CodeRef', g, v)),
    ...values(c.values, ctx, what),
    ...c.sourceGuids.map((g) => ref('SourceRef', g, v)),
  ]);
}

function textSource(s: RefiTextSource, ctx: Ctx): XmlElement {
  const { v } = ctx;
  const what = `source "${s.name}"`;
  const text = ctx.textOf(s);
  const guid = v.guid(s.guid);
  let content: XmlElement | undefined;
  let paths: { richTextPath?: string; plainTextPath?: string };
  if (text === undefined) {
    // Nothing to embed or package: keep the file's own paths so the reference is not lost.
    v.warn(`${what}: its text is not available; only its original path is written`);
    paths = {
      richTextPath: s.richTextPath === undefined ? undefined : v.text(s.richTextPath, `${what} path`),
      plainTextPath: s.plainTextPath === undefined ? undefined : v.text(s.plainTextPath, `${what} path`),
    };
  } else if (ctx.mode === 'files') {
    paths = { plainTextPath: `internal://${guid}.txt` };
  } else {
    // Same length in UTF-16 and code points after cleaning, so offsets still hold.
    content = el('PlainTextContent', {}, [v.text(text, `${what} text`)]);
    paths = {};
  }
  const offsets = selectionOffsets(s, text, what, v, ctx.offsets);
  return el(
    'TextSource',
    {
      guid,
      name: v.text(s.name, what),
      ...paths,
      creatingUser: s.creatingUser ? v.guid(s.creatingUser) : undefined,
      creationDateTime: v.dateTime(s.creationDateTime, what),
    },
    [
      description(s.description, what, v),
      content,
      ...s.selections.map((sel, i) => selection(sel, offsets[2 * i], offsets[2 * i + 1], ctx, what)),
      ...(s.codings ?? []).map((c) => coding(c, ctx, what)),
      ...noteRefs(ctx, s.guid, s.noteGuids),
      ...values(s.values, ctx, what),
    ],
  );
}

/** [start0, end0, start1, end1, ...] in code points, or UTF-16 units for NVivo (a reader may have left them in code points). */
function selectionOffsets(s: RefiTextSource, text: string | undefined, what: string, v: RefiValues, unit: 'codepoint' | 'utf16'): number[] {
  const given = s.selections.flatMap((x) => [x.start, x.end]).map((n) => Math.round(n));
  const givenUnit = s.offsetUnit ?? 'utf16';
  if (givenUnit === unit) return given;
  if (text !== undefined) return unit === 'codepoint' ? utf16ToCodePoints(text, given) : codePointsToUtf16(text, given);
  if (given.length > 0)
    v.warn(
      `${what}: positions written as ${givenUnit === 'utf16' ? 'UTF-16 offsets' : 'code points'} (no text to count ${unit === 'utf16' ? 'UTF-16 units' : 'code points'} in)`,
    );
  return given;
}

function selection(x: RefiTextSelection, start: number, end: number, ctx: Ctx, where: string): XmlElement {
  const { v } = ctx;
  const what = `selection ${x.guid} in ${where}`;
  return el(
    'PlainTextSelection',
    {
      guid: v.guid(x.guid),
      name: x.name === undefined ? undefined : v.text(x.name, what),
      startPosition: start,
      endPosition: end,
      creatingUser: x.creatingUser ? v.guid(x.creatingUser) : undefined,
      creationDateTime: v.dateTime(x.creationDateTime, what),
    },
    [description(x.description, what, v), ...x.codings.map((c) => coding(c, ctx, what)), ...noteRefs(ctx, x.guid, x.noteGuids)],
  );
}

function coding(c: RefiCoding, ctx: Ctx, where: string): XmlElement {
  const { v } = ctx;
  return el(
    'Coding',
    {
      guid: v.guid(c.guid),
      creatingUser: c.creatingUser ? v.guid(c.creatingUser) : undefined,
      creationDateTime: v.dateTime(c.creationDateTime, `coding in ${where}`),
    },
    [ref('CodeRef', c.codeGuid, v), ...noteRefs(ctx, c.guid)],
  );
}

const OTHER_ELEMENT = { pdf: 'PDFSource', picture: 'PictureSource', audio: 'AudioSource', video: 'VideoSource' } as const;

/**
 * Sources Thematic cannot hold go out bare (name and path) so sets and cases still point
 * somewhere; audio and video with their Transcripts (text, SyncPoints, TranscriptSelections).
 */
function otherSource(s: RefiOtherSource, ctx: Ctx): XmlElement {
  const { v } = ctx;
  const what = `${s.kind} source "${s.name}"`;
  if (s.selectionCount > 0 || s.codingCount > 0) {
    v.warn(`${what}: its ${s.selectionCount} selections and ${s.codingCount} codings are not carried`);
  }
  return el(
    OTHER_ELEMENT[s.kind],
    {
      guid: v.guid(s.guid),
      name: v.text(s.name, what),
      path: s.path === undefined ? undefined : v.text(s.path, `${what} path`),
    },
    [...(s.transcripts ?? []).map((t) => transcript(t, ctx)), ...noteRefs(ctx, s.guid)],
  );
}

/** A Transcript: like a text source, but a selection runs between two of its SyncPoints. */
function transcript(t: RefiTranscript, ctx: Ctx): XmlElement {
  const { v } = ctx;
  const what = `transcript "${t.name}"`;
  const text = ctx.textOf(t);
  const guid = v.guid(t.guid);
  const inline = text !== undefined && ctx.mode === 'inline';
  const plainTextPath = text === undefined ? t.plainTextPath : ctx.mode === 'files' ? `internal://${guid}.txt` : undefined;
  if (text === undefined) v.warn(`${what}: its text is not available; only its original path is written`);
  // Sync point positions count like selection offsets: converted together.
  const units = { ...t, selections: t.syncPoints.map((p) => ({ start: p.position ?? 0, end: p.position ?? 0 }) as RefiTextSelection) };
  const positions = selectionOffsets(units, text, what, v, ctx.offsets);
  return el(
    'Transcript',
    {
      guid,
      name: v.text(t.name, what),
      richTextPath: text === undefined && t.richTextPath !== undefined ? v.text(t.richTextPath, `${what} path`) : undefined,
      plainTextPath: plainTextPath === undefined ? undefined : v.text(plainTextPath, `${what} path`),
      creatingUser: t.creatingUser ? v.guid(t.creatingUser) : undefined,
      creationDateTime: v.dateTime(t.creationDateTime, what),
    },
    [
      description(t.description, what, v),
      inline ? el('PlainTextContent', {}, [v.text(text, `${what} text`)]) : undefined,
      ...t.syncPoints.map((p, i) =>
        el('SyncPoint', {
          guid: v.guid(p.guid),
          timeStamp: p.timeStamp === undefined ? undefined : Math.round(p.timeStamp),
          position: p.position === undefined ? undefined : positions[2 * i],
        }),
      ),
      ...t.selections.flatMap((x) => {
        if (!x.fromSyncPoint || !x.toSyncPoint) {
          v.warn(`${what}: selection ${x.guid} has no sync points to run between; left out`);
          return [];
        }
        const sel = `selection ${x.guid} in ${what}`;
        return [
          el(
            'TranscriptSelection',
            {
              guid: v.guid(x.guid),
              name: x.name === undefined ? undefined : v.text(x.name, sel),
              fromSyncPoint: v.guid(x.fromSyncPoint),
              toSyncPoint: v.guid(x.toSyncPoint),
              creatingUser: x.creatingUser ? v.guid(x.creatingUser) : undefined,
              creationDateTime: v.dateTime(x.creationDateTime, sel),
            },
            [description(x.description, sel, v), ...x.codings.map((c) => coding(c, ctx, sel)), ...noteRefs(ctx, x.guid, x.noteGuids)],
          ),
        ];
      }),
      ...noteRefs(ctx, t.guid, t.noteGuids),
    ],
  );
}

function note(n: RefiNote, ctx: Ctx): XmlElement {
  const { v } = ctx;
  const what = `note "${n.name ?? n.guid}"`;
  return el(
    'Note',
    {
      guid: v.guid(n.guid),
      name: n.name === undefined ? undefined : v.text(n.name, what),
      creatingUser: n.creatingUser ? v.guid(n.creatingUser) : undefined,
      creationDateTime: v.dateTime(n.creationDateTime, what),
      modifiedDateTime: v.dateTime(n.modifiedDateTime, what),
      // A note whose text only a file of the original archive holds keeps pointing there.
      plainTextPath: n.text === '' && n.plainTextPath ? v.text(n.plainTextPath, `${what} path`) : undefined,
    },
    [n.text === '' && n.plainTextPath ? undefined : el('PlainTextContent', {}, [v.text(n.text, `${what} text`)]), ...noteRefs(ctx, n.guid)],
  );
}

const DIRECTIONS = new Set(['Associative', 'OneWay', 'Bidirectional']);

function direction(d: string | undefined, what: string, v: RefiValues): string | undefined {
  if (d === undefined || DIRECTIONS.has(d)) return d;
  v.warn(`${what}: direction ${JSON.stringify(d)} is not one QDA-XML knows; left out`);
  return undefined;
}

function link(l: RefiLink, ctx: Ctx): XmlElement {
  const { v } = ctx;
  const what = `link "${l.name ?? l.guid}"`;
  return el(
    'Link',
    {
      guid: v.guid(l.guid),
      name: l.name === undefined ? undefined : v.text(l.name, what),
      direction: direction(l.direction, what, v),
      color: v.color(l.color, what),
      originGUID: v.guid(l.originGuid),
      targetGUID: v.guid(l.targetGuid),
    },
    noteRefs(ctx, l.guid),
  );
}

function set(s: RefiSet, ctx: Ctx): XmlElement {
  const { v } = ctx;
  const what = `set "${s.name}"`;
  return el('Set', { guid: v.guid(s.guid), name: v.text(s.name, what) }, [
    description(s.description, what, v),
    ...s.memberCodes.map((g) => ref('MemberCode', g, v)),
    ...s.memberSources.map((g) => ref('MemberSource', g, v)),
    ...s.memberNotes.map((g) => ref('MemberNote', g, v)),
  ]);
}

const SHAPES = new Set([
  'Person',
  'Oval',
  'Rectangle',
  'RoundedRectangle',
  'Star',
  'LeftTriangle',
  'RightTriangle',
  'UpTriangle',
  'DownTriangle',
  'Note',
]);
const LINE_STYLES = new Set(['dotted', 'dashed', 'solid']);

function graph(g: RefiGraph, v: RefiValues): XmlElement {
  const what = `graph "${g.name ?? g.guid}"`;
  return el('Graph', { guid: v.guid(g.guid), name: g.name === undefined ? undefined : v.text(g.name, what) }, [
    ...g.vertices.map((x) => vertex(x, v, what)),
    ...g.edges.map((x) => edge(x, v, what)),
  ]);
}

/** xsd:integer: positions are rounded; a position that is no number becomes 0 (reported). */
function int(n: number | undefined, what: string, v: RefiValues): number | undefined {
  if (n === undefined) return undefined;
  if (Number.isFinite(n)) return Math.round(n) || 0; // || 0: no "-0"
  v.warn(`${what}: position ${n} is not a number; written as 0`);
  return 0;
}

function vertex(x: RefiVertex, v: RefiValues, where: string): XmlElement {
  const what = `vertex "${x.name ?? x.guid}" in ${where}`;
  if (x.shape !== undefined && !SHAPES.has(x.shape)) v.warn(`${what}: shape ${JSON.stringify(x.shape)} is not one QDA-XML knows; left out`);
  return el('Vertex', {
    guid: v.guid(x.guid),
    representedGUID: x.representedGuid ? v.guid(x.representedGuid) : undefined,
    name: x.name === undefined ? undefined : v.text(x.name, what),
    firstX: int(x.firstX, what, v) ?? 0,
    firstY: int(x.firstY, what, v) ?? 0,
    secondX: int(x.secondX, what, v),
    secondY: int(x.secondY, what, v),
    shape: x.shape !== undefined && SHAPES.has(x.shape) ? x.shape : undefined,
    color: v.color(x.color, what),
  });
}

function edge(x: RefiEdge, v: RefiValues, where: string): XmlElement {
  const what = `edge "${x.name ?? x.guid}" in ${where}`;
  if (x.lineStyle !== undefined && !LINE_STYLES.has(x.lineStyle))
    v.warn(`${what}: line style ${JSON.stringify(x.lineStyle)} is not one QDA-XML knows; left out`);
  return el('Edge', {
    guid: v.guid(x.guid),
    representedGUID: x.representedGuid ? v.guid(x.representedGuid) : undefined,
    name: x.name === undefined ? undefined : v.text(x.name, what),
    sourceVertex: v.guid(x.sourceVertex),
    targetVertex: v.guid(x.targetVertex),
    color: v.color(x.color, what),
    direction: direction(x.direction, what, v),
    lineStyle: x.lineStyle !== undefined && LINE_STYLES.has(x.lineStyle) ? x.lineStyle : undefined,
  });
}

// ---- Where notes hang ----

/** Element kinds QDA-XML 1.0 gives a NoteRef (Project, Code, sources, selections, Coding, Note, Link). */
const NOTE_PLACES = new Set(['code', 'source', 'selection', 'coding', 'note', 'link']);

interface NotePlaces {
  /** Note guids to write as NoteRef in the element `target` ('' = the project), `extra` first. */
  on(target: string, extra?: string[]): string[];
}

/** Guids compared the way they are written (see refiGuid), ignoring case. */
const key = (g: string) => (g === '' ? '' : refiGuid(g).toLowerCase());

/** Every element that has a guid, by key: what it is and how to name it in a warning. */
function elementKinds(p: RefiProject): Map<string, { kind: string; label: string }> {
  const kinds = new Map<string, { kind: string; label: string }>();
  const add = (guid: string, kind: string, label: string) => kinds.set(key(guid), { kind, label });
  p.users.forEach((u) => add(u.guid, 'user', `user "${u.name}"`));
  const codes = (list: RefiCode[]) =>
    list.forEach((c) => {
      add(c.guid, 'code', `code "${c.name}"`);
      codes(c.children);
    });
  codes(p.codes);
  p.variables.forEach((x) => add(x.guid, 'variable', `variable "${x.name}"`));
  p.cases.forEach((c) => add(c.guid, 'case', `case "${c.name}"`));
  for (const s of p.sources) {
    add(s.guid, 'source', `source "${s.name}"`);
    for (const t of s.kind === 'text' ? [s] : (s.transcripts ?? [])) {
      if (t !== s) add(t.guid, 'source', `transcript "${t.name}"`);
      for (const sel of t.selections) {
        add(sel.guid, 'selection', `a selection in "${t.name}"`);
        sel.codings.forEach((c) => add(c.guid, 'coding', `a coding in "${t.name}"`));
      }
      t.codings?.forEach((c) => add(c.guid, 'coding', `a coding of all of "${t.name}"`));
    }
  }
  p.notes.forEach((n) => add(n.guid, 'note', `note "${n.name ?? n.guid}"`));
  p.sets.forEach((s) => add(s.guid, 'set', `set "${s.name}"`));
  p.links.forEach((l) => add(l.guid, 'link', `link "${l.name ?? l.guid}"`));
  for (const g of p.graphs) {
    add(g.guid, 'graph', `graph "${g.name ?? g.guid}"`);
    g.vertices.forEach((x) => add(x.guid, 'vertex', `a vertex in graph "${g.name ?? g.guid}"`));
    g.edges.forEach((x) => add(x.guid, 'edge', `an edge in graph "${g.name ?? g.guid}"`));
  }
  return kinds;
}

function noteRefPlaces(p: RefiProject, v: RefiValues): NotePlaces {
  // Built only when some note is attached (an entry per selection and coding is costly).
  let known: Map<string, { kind: string; label: string }> | undefined;
  const kinds = () => (known ??= elementKinds(p));
  const noteLabel = (g: string) => kinds().get(key(g))?.label ?? `note ${g}`;
  const isNote = (g: string) => kinds().get(key(g))?.kind === 'note';

  const byTarget = new Map<string, string[]>();
  for (const r of p.noteRefs) {
    if (!isNote(r.noteGuid)) {
      v.warn(`a note reference points to ${r.noteGuid}, which is no note in the project; left out`);
      continue;
    }
    const target = r.targetGuid === '' ? undefined : kinds().get(key(r.targetGuid));
    if (r.targetGuid !== '' && !target) {
      v.warn(`${noteLabel(r.noteGuid)} is attached to ${r.targetGuid}, which is not in the project; written without that link`);
      continue;
    }
    if (target && !NOTE_PLACES.has(target.kind)) {
      v.warn(
        `${noteLabel(r.noteGuid)} is attached to ${target.label}, and QDA-XML 1.0 has no place for notes on a ${target.kind}; written without that link`,
      );
      continue;
    }
    const k = key(r.targetGuid);
    const list = byTarget.get(k);
    if (list) list.push(r.noteGuid);
    else byTarget.set(k, [r.noteGuid]);
  }
  return {
    on(target, extra = []) {
      // Called for every selection and coding; most have no notes.
      const attached = byTarget.size === 0 ? undefined : byTarget.get(key(target));
      if (extra.length === 0 && attached === undefined) return [];
      const seen = new Set<string>();
      const out: string[] = [];
      for (const n of attached ? [...extra, ...attached] : extra) {
        const k = key(n);
        if (seen.has(k)) continue;
        seen.add(k);
        if (kinds().get(k)?.kind === 'note') out.push(n);
        else v.warn(`${kinds().get(key(target))?.label ?? 'the project'} refers to note ${n}, which is not in the project; left out`);
      }
      return out;
    },
  };
}

// ---- Variable values ----

type VariableTypes = Map<string, { type: RefiVariableType; name: string }>;

/**
 * The type each variable is written with: its own, unless one of its values is not of that type
 * (e.g. "n/a" for an Integer); then the variable goes out as Text so no value is lost (reported).
 */
function variableTypes(p: RefiProject, v: RefiValues): VariableTypes {
  const types: VariableTypes = new Map(p.variables.map((x) => [key(x.guid), { type: x.type, name: x.name }]));
  const all = [...p.cases.flatMap((c) => c.values), ...p.sources.flatMap((s) => (s.kind === 'text' ? s.values : []))];
  for (const x of p.variables) {
    const bad = all.filter((a) => key(a.variableGuid) === key(x.guid) && a.value.trim() !== '' && !typedValue(x.type, a.value));
    if (bad.length === 0) continue;
    types.set(key(x.guid), { type: 'Text', name: x.name });
    v.warn(
      `variable "${x.name}": ${plural(bad.length, 'value')} (e.g. ${JSON.stringify(bad[0].value)}) not ${x.type}; written as a Text variable`,
    );
  }
  return types;
}

function variableValue(x: RefiVariableValue, types: VariableTypes, v: RefiValues, where: string): XmlElement | undefined {
  const t = types.get(key(x.variableGuid));
  if (!t) {
    v.warn(`${where}: a value for variable ${x.variableGuid}, which is not in the project; left out`);
    return undefined;
  }
  // An empty value of a typed variable means "no value": nothing to write.
  if (t.type !== 'Text' && x.value.trim() === '') return undefined;
  const typed = typedValue(t.type, x.value)!;
  return el(typed.element, {}, [v.text(typed.text, `${where} value of "${t.name}"`)]);
}
