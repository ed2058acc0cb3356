// Export side of REFI-QDA transcripts: a document that came from the Transcript of an audio or
// video source (it has a refi_media reference) goes out as that source again, with its text as
// the Transcript, a SyncPoint for every timed turn start and every sync point it came with, and
// each coding as a TranscriptSelection between two sync points (added where a coding starts or
// ends between them, timed by interpolation). The recording itself goes into the archive only
// when asked for and when Thematic has a copy of it; the export report says which.
import fs from 'node:fs';
import path from 'node:path';
import type { RefiOtherSource, RefiSource, RefiSyncPoint, RefiTextSource, RefiTranscript } from './model.ts';
import type { MediaReference } from './media-store.ts';
import { plural, type ReportItem } from '../../core/refi-report.ts';

export interface MediaExportOptions {
  /** Write each recording Thematic has a copy of into the archive's sources/ (default: no). */
  includeMedia?: boolean;
  /** The project file: copies of recordings are kept relative to its folder. */
  projectPath?: string;
}

export interface MediaExportInput {
  media: Map<number, MediaReference>;
  /** A text source's document id. */
  documentOf(guid: string): number;
  /** A document's turns: stored-text start and start time in seconds. */
  turnsOf(documentId: number): { start: number; timeStart: number | null }[];
  /** Stored-text offset -> offset in the exported text (after any inserted labels). */
  mapStart(guid: string, offset: number): number;
  derive(seed: string): string;
}

export interface MediaExport {
  sources: RefiSource[];
  items: ReportItem[];
  included: number;
}

export function mediaSources(textSources: RefiTextSource[], input: MediaExportInput, opts: MediaExportOptions = {}): MediaExport {
  const out: MediaExport = { sources: [], items: [], included: 0 };
  const bySource = new Map<string, { ref: MediaReference; source: RefiOtherSource }>();
  for (const s of textSources) {
    const docId = input.documentOf(s.guid);
    const ref = input.media.get(docId);
    if (!ref) {
      out.sources.push(s);
      continue;
    }
    const t = transcriptOf(s, ref, input);
    const known = bySource.get(ref.sourceGuid.toLowerCase());
    if (known) {
      known.source.transcripts!.push(t);
      continue;
    }
    const source: RefiOtherSource = {
      kind: ref.kind,
      guid: ref.sourceGuid,
      name: ref.sourceName,
      path: ref.path ?? undefined,
      selectionCount: 0,
      codingCount: 0,
      hasTextRepresentation: false,
      transcripts: [t],
    };
    bySource.set(ref.sourceGuid.toLowerCase(), { ref, source });
    out.sources.push(source);
  }
  for (const { ref, source } of bySource.values()) {
    const what = `${ref.kind} source "${ref.sourceName}"`;
    const points = source.transcripts!.reduce((n, t) => n + t.syncPoints.length, 0);
    const base = `${plural(source.transcripts!.length, 'transcript')} with ${plural(points, 'sync point')} written as an ${ref.kind === 'audio' ? 'AudioSource' : 'VideoSource'}`;
    const file = ref.file && opts.projectPath ? path.resolve(path.dirname(path.resolve(opts.projectPath)), ref.file) : undefined;
    if (opts.includeMedia && file && fs.existsSync(file)) {
      const entry = `${ref.sourceGuid}${path.extname(file).toLowerCase()}`;
      source.mediaFile = { entry: `sources/${entry}`, file };
      source.path = `internal://${entry}`;
      out.included++;
      out.items.push({ kind: 'recording-included', name: what, detail: `${base}; the recording is included as sources/${entry}` });
      continue;
    }
    // An internal:// path would name an entry this archive does not have.
    if (source.path && /^internal:\/\//i.test(source.path))
      source.path = `relative:///${path.posix.basename(source.path.replace(/\\/g, '/'))}`;
    const why = !opts.includeMedia ? 'not asked for' : !ref.file ? 'Thematic has no copy of it' : 'its copy is missing';
    out.items.push({
      kind: 'recording-not-included',
      name: what,
      detail: `${base}; the recording is not included (${why}), only referenced as ${source.path ?? 'no path'}`,
    });
  }
  return out;
}

function transcriptOf(s: RefiTextSource, ref: MediaReference, input: MediaExportInput): RefiTranscript {
  const at = (offset: number) => input.mapStart(s.guid, offset);
  // position -> sync point; a timed turn's time wins over an imported point at the same place
  const points = new Map<number, RefiSyncPoint>();
  for (const p of ref.syncPoints) {
    if (p.position === null) continue;
    const position = at(p.position);
    if (!points.has(position))
      points.set(position, { guid: p.guid, position, timeStamp: p.time === null ? undefined : Math.round(p.time * 1000) });
  }
  const timed: [number, number][] = [];
  for (const turn of input.turnsOf(ref.documentId)) {
    if (turn.timeStart === null) continue;
    const position = at(turn.start),
      timeStamp = Math.round(turn.timeStart * 1000);
    timed.push([position, timeStamp]);
    const known = points.get(position);
    points.set(position, { guid: known?.guid ?? input.derive(`sync:${s.guid}:${position}`), position, timeStamp });
  }
  const timeAt = (position: number): number | undefined => {
    let a: [number, number] | undefined, b: [number, number] | undefined;
    for (const k of timed) {
      if (k[0] <= position) a = k;
      else {
        b = k;
        break;
      }
    }
    if (!a || !b || b[1] < a[1]) return undefined;
    return Math.round(a[1] + ((b[1] - a[1]) * (position - a[0])) / (b[0] - a[0]));
  };
  const pointAt = (position: number): string => {
    let p = points.get(position);
    if (!p) points.set(position, (p = { guid: input.derive(`sync:${s.guid}:${position}`), position, timeStamp: timeAt(position) }));
    return p.guid;
  };
  const selections = s.selections.map((x) => ({ ...x, fromSyncPoint: pointAt(x.start), toSyncPoint: pointAt(x.end) }));
  const syncPoints = [...points.values()].sort((a, b) => a.position! - b.position!);
  return { ...s, guid: s.guid, selections, syncPoints };
}
