// Import side of REFI-QDA transcripts. A Transcript of an AudioSource/VideoSource is imported
// as a timed document: its text becomes the document (through the ordinary text-source path, so
// its TranscriptSelections' codings come with it), its turns are the text's lines, split where a
// sync point falls inside a line, and each turn's start time comes from the sync points (exact
// at a sync point, interpolated by position between two, unknown before the first and after the
// last). The recording is referenced, never copied into the project file (media-store.ts); one
// inside the .qdpx is copied beside the project (copyRecording).
import fs from 'node:fs';
import path from 'node:path';
import { stmt } from '../../store/changes.ts';
import type { Tx } from '../../store/operations.ts';
import { nowIso } from '../../store/rows.ts';
import type { ExtDocument } from './extensions.ts';
import type { RefiOtherSource, RefiSource, RefiTextSource, RefiTranscriptMedia } from './model.ts';
import { codePointsToUtf16 } from './offsets.ts';
import { resolveSourceText, selectionsInUtf16 } from './source-text.ts';
import type { ResolvedText } from './model.ts';
import { plural, type ReportItem } from '../../core/refi-report.ts';
import { lineTurns } from './line-turns.ts';
import { normaliseLineEnds, removeRanges } from './store-export-text.ts';
import type { MediaSyncPoint } from './media-store.ts';
import { linkRecording } from '../media/queries.ts';
import { probeRecording, type Probe } from '../media/probe.ts';
import './media-store.ts'; // registers the refi_media table with undo

export interface TimedTurn {
  speaker: null;
  start: number;
  end: number;
  timeStart: number | null;
  timeEnd: number | null;
}

/**
 * Adds to `sources` the text sources an import makes of an audio or video source's transcripts:
 * each one's text found (into `texts`), its selections and sync points in UTF-16 offsets of that
 * text, and the recording it belongs to (with its bytes when the archive holds it). ATLAS.ti also
 * lists each transcript as a TextSource with the same text file, and codes it there: that text
 * source then becomes the timed document (with both sets of selections) instead of a second copy.
 */
export async function addTranscripts(
  sources: RefiSource[],
  source: RefiOtherSource,
  files: Map<string, Uint8Array>,
  texts: Map<string, ResolvedText>,
): Promise<void> {
  if (source.kind !== 'audio' && source.kind !== 'video') return;
  const archiveEntry = entryOf(source.path, files);
  const samePath = (a?: string, b?: string) => a !== undefined && b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();
  for (const t of source.transcripts ?? []) {
    const twin = sources.findIndex((x) => x.kind === 'text' && !x.media && samePath(x.plainTextPath, t.plainTextPath));
    const r = twin >= 0 ? texts.get(sources[twin].guid)! : await resolveSourceText(t, files);
    const text = 'text' in r ? r.text : undefined;
    const { syncPoints, unplaced, ...rest } = t;
    const positions = syncPoints.map((p) => p.position ?? 0);
    const converted = text !== undefined && t.offsetUnit === 'codepoint' ? codePointsToUtf16(text, positions) : positions;
    const media: RefiTranscriptMedia = {
      kind: source.kind,
      sourceGuid: source.guid,
      sourceName: source.name,
      path: source.path,
      archiveEntry,
      bytes: archiveEntry === undefined ? undefined : files.get(archiveEntry),
      syncPoints: syncPoints.map((p, i) => ({ ...p, position: p.position === undefined ? undefined : converted[i] })),
      unplaced: unplaced ?? [],
    };
    const selections = text === undefined ? t.selections : selectionsInUtf16(t, text);
    if (twin >= 0) {
      const x = sources[twin] as RefiTextSource;
      sources[twin] = { ...x, selections: [...x.selections, ...selections], media };
      continue;
    }
    texts.set(t.guid, r);
    sources.push(text === undefined ? { ...rest, media } : { ...rest, media, selections, offsetUnit: 'utf16' });
  }
}

/** internal://x -> the archive entry sources/x (either casing of the folder); undefined when not inside. */
function entryOf(path: string | undefined, files: Map<string, Uint8Array>): string | undefined {
  const internal = path && /^internal:\/\/(.+)$/i.exec(path.trim());
  if (!internal) return undefined;
  const wanted = `sources/${internal[1]}`.replace(/\\/g, '/').toLowerCase();
  for (const name of files.keys()) if (name.replace(/\\/g, '/').toLowerCase() === wanted) return name;
  return undefined;
}

/** What the import report says of an audio or video source. */
export function mediaSourceItem(s: RefiOtherSource): ReportItem {
  const n = s.transcripts?.length ?? 0;
  const rest =
    s.selectionCount || s.codingCount
      ? `; ${plural(s.selectionCount, 'selection')} and ${plural(s.codingCount, 'coding')} on the recording itself not imported`
      : '';
  return n
    ? {
        kind: `${s.kind}-source`,
        name: `${s.kind} source "${s.name}"`,
        detail: `${plural(n, 'transcript')} taken in as timed ${n === 1 ? 'document' : 'documents'} (where the file has the text); the recording is referenced by its path (${s.path ?? 'none'}), not stored in the project${rest}`,
      }
    : {
        kind: `${s.kind}-source`,
        name: `${s.kind} source "${s.name}"`,
        detail: `Thematic holds text only and it has no transcript; ${plural(s.selectionCount, 'selection')} and ${plural(s.codingCount, 'coding')} on it not imported`,
      };
}

/**
 * After a transcript's document was added (its turns timed by transcriptTurns, or exactly as a
 * Thematic export had them): keep the recording's reference and the sync points in the stored
 * text's offsets, and report.
 */
export function keepTranscriptMedia(
  tx: Tx,
  documentId: number,
  s: RefiTextSource,
  raw: string,
  ext: ExtDocument | undefined,
  report: { notCarried: ReportItem[]; notes: ReportItem[] },
  projectPath?: string,
  recordings?: Recordings,
): void {
  const media = s.media!;
  const file = projectPath && media.bytes ? copyRecording(projectPath, media) : null;
  const text = (stmt(tx.db, 'SELECT text FROM documents WHERE id = ?').get(documentId) as { text: string }).text;
  const stripped = ext ? removeRanges(raw, ext.inserted) : undefined;
  const exact = stripped !== undefined && stripped.text === text;
  const map = exact ? stripped.map : normaliseLineEnds(raw).map;
  const points = storedPoints(media, map);
  const outside = points.filter((p) => p.position !== null && (p.position < 0 || p.position > text.length)).length;
  tx.insert('refi_media', {
    document_id: documentId,
    kind: media.kind,
    source_guid: media.sourceGuid,
    source_name: media.sourceName,
    path: media.path ?? null,
    archive_entry: media.archiveEntry ?? null,
    file,
    sync_points: JSON.stringify(points),
    created_at: nowIso(),
  });
  const name = `transcript "${s.name}"`;
  const copied = `${media.kind} source "${media.sourceName}"`;
  if (file && !report.notes.some((n) => n.kind === 'recording-copied' && n.name === copied))
    report.notes.push({
      kind: 'recording-copied',
      name: copied,
      detail: `the recording inside the archive (${media.archiveEntry}) was copied beside the project as ${file}`,
    });
  // The copy is linked to the document (as an attached recording is), so the player has it at once.
  const probe = file && projectPath ? recordings?.get(media.sourceGuid) : undefined;
  if (probe !== undefined && projectPath) {
    let why = typeof probe === 'string' ? probe : null;
    if (typeof probe !== 'string') {
      try {
        linkRecording(tx, projectPath, documentId, { ...probe, fileName: path.basename(probe.file) });
      } catch (e) {
        why = (e as Error).message;
      }
    }
    if (why)
      report.notes.push({
        kind: 'recording-not-linked',
        name: `${name}`,
        detail: `its recording was copied but not linked to the document: ${why}`,
      });
  }
  if (media.unplaced.length)
    report.notCarried.push({
      kind: 'transcript-selection',
      name,
      detail: `${plural(media.unplaced.length, 'selection')} left out: ${media.unplaced.join('; ')}`,
    });
  if (outside)
    report.notes.push({
      kind: 'sync-point-outside',
      name,
      detail: `${plural(outside, 'sync point')} outside its text (length ${text.length}) not used for turn times`,
    });
  if (exact) return;
  const turns = stmt(tx.db, 'SELECT COUNT(*) AS n, COUNT(time_start) AS timed FROM turns WHERE document_id = ?').get(documentId) as {
    n: number;
    timed: number;
  };
  report.notes.push({
    kind: 'timed-transcript',
    name,
    detail: `${plural(turns.n, 'turn')}, ${turns.timed} with a start time from ${plural(points.filter((p) => p.time !== null).length, 'sync point')}`,
  });
}

/** The sync points in the stored text's offsets (`map`: from the file's text) and seconds. */
function storedPoints(media: RefiTranscriptMedia, map: (o: number) => number): MediaSyncPoint[] {
  return media.syncPoints.map((p) => ({
    guid: p.guid,
    position: p.position === undefined ? null : map(p.position),
    time: p.timeStamp === undefined ? null : p.timeStamp / 1000,
  }));
}

/** A transcript's turns when its document is made (`map`: file text -> stored text offsets). */
export function transcriptTurns(media: RefiTranscriptMedia, text: string, map: (o: number) => number): TimedTurn[] {
  const inside = storedPoints(media, map).filter(
    (p): p is MediaSyncPoint & { position: number } => p.position !== null && p.position >= 0 && p.position <= text.length,
  );
  return timedTurns(text, inside);
}

/**
 * A recording inside the .qdpx is copied beside the project, into the folder attached recordings
 * go to (`study-media/` for `study.thematic`), named by its source GUID, so an export can put it
 * back and it can be linked to the document. Returns its path relative to the project's folder.
 * An import that is undone leaves the copy (a later import of the same archive reuses it).
 */
/** Source GUID -> the probed copy of its recording, or why it cannot be played. */
export type Recordings = Map<string, Probe | string>;

/**
 * Before the import's transaction (probing reads the file, asynchronously): each recording inside
 * the archive is copied beside the project and probed, so the import can link it to its documents.
 */
export async function prepareRecordings(
  projectPath: string,
  sources: { kind: string; media?: RefiTranscriptMedia }[],
): Promise<Recordings> {
  const out: Recordings = new Map();
  for (const s of sources) {
    const m = s.media;
    if (!m?.bytes || out.has(m.sourceGuid)) continue;
    const file = path.join(path.dirname(path.resolve(projectPath)), ...copyRecording(projectPath, m).split('/'));
    try {
      out.set(m.sourceGuid, await probeRecording(file, `${m.kind} source "${m.sourceName}"`));
    } catch (e) {
      out.set(m.sourceGuid, (e as Error).message);
    }
  }
  return out;
}

function copyRecording(projectPath: string, media: RefiTranscriptMedia): string {
  const base = path.basename(projectPath).replace(/\.thematic$/i, '');
  const ext = /\.[A-Za-z0-9]{1,5}$/.exec(media.archiveEntry ?? '')?.[0].toLowerCase() ?? '';
  const rel = `${base}-media/${media.sourceGuid.replace(/[^A-Za-z0-9-]/g, '_')}${ext}`;
  const file = path.join(path.dirname(path.resolve(projectPath)), ...rel.split('/'));
  const bytes = media.bytes!;
  if (!fs.existsSync(file) || fs.statSync(file).size !== bytes.length || !fs.readFileSync(file).equals(bytes)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, file);
  }
  return rel;
}

/**
 * One turn per non-empty line, split at every timed sync point inside a line; start times from the
 * sync points that have a position and a time. A turn ends (in time) where the next timed one starts.
 */
export function timedTurns(text: string, points: { position: number; time: number | null }[]): TimedTurn[] {
  const knots = [
    ...new Map(
      points
        .filter((p) => p.time !== null)
        .sort((a, b) => a.position - b.position)
        .map((p) => [p.position, p.time!]),
    ).entries(),
  ];
  const cuts = knots.map(([position]) => position); // a sync point without a time only bounds selections
  const turns: TimedTurn[] = [];
  for (const line of lineTurns(text)) {
    let from = line.start;
    for (const cut of cuts) {
      if (cut <= from || cut >= line.end) continue;
      pushTrimmed(text, turns, from, cut);
      from = cut;
    }
    pushTrimmed(text, turns, from, line.end);
  }
  const timeAt = (at: number): number | null => {
    let lo = 0,
      hi = knots.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (knots[mid][0] <= at) lo = mid + 1;
      else hi = mid;
    }
    const a = knots[lo - 1],
      b = knots[lo];
    if (!a) return null;
    if (a[0] === at) return a[1];
    if (!b || b[1] < a[1]) return null;
    return Math.round((a[1] + ((b[1] - a[1]) * (at - a[0])) / (b[0] - a[0])) * 1000) / 1000;
  };
  for (const t of turns) t.timeStart = timeAt(t.start);
  turns.forEach((t, i) => {
    t.timeEnd = t.timeStart === null ? null : (turns[i + 1]?.timeStart ?? null);
  });
  return turns;
}

function pushTrimmed(text: string, turns: TimedTurn[], start: number, end: number): void {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start) turns.push({ speaker: null, start, end, timeStart: null, timeEnd: null });
}
