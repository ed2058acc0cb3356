import path from 'node:path';
import type { Service } from './service.ts';
import { copyIntoMediaFolder, linkRecording, type Recording } from '../features/media/queries.ts';
import { probeRecording, clock, type Probe } from '../features/media/probe.ts';
import { ThematicError } from '../core/errors.ts';

/**
 * Links a recording on disk to a document by reference (trusted callers only: the CLI and the
 * sample builder; the renderer can only attach bytes). With `copy`, the file is first copied into
 * the folder beside the project, for a self-contained hand-over. One undoable operation.
 */
export async function linkRecordingFile(
  s: Service,
  documentId: number,
  file: string,
  opts: { copy?: boolean; actor?: string } = {},
): Promise<Recording> {
  let probe = await probeRecording(file, file);
  if (opts.copy) probe = { ...probe, file: copyIntoMediaFolder(s.path, file, probe.sha256) };
  const label = path.basename(file);
  return s.trustedOperation({ actor: opts.actor ?? 'researcher', method: 'media.link', summary: `Link recording ${label}` }, (tx) =>
    linkRecording(tx, s.path, documentId, { ...probe, fileName: label }, { copied: opts.copy }),
  );
}

/**
 * Links recordings already probed to the documents just imported from their transcripts (by the
 * transcript's file name, the newest document of that name), as one undoable operation: either all
 * are linked or none (a ThematicError names the first that could not be). `said` hears one line per link.
 */
export function linkProbedRecordings(
  s: Service,
  items: { transcript: string; recording: string; probe: Probe }[],
  documents: { id: number; name: string; originalFilename: string | null }[],
  actor: string,
  said: (line: string) => void,
): void {
  s.trustedOperation({ actor, method: 'media.link', summary: `Link ${items.length} recording${items.length === 1 ? '' : 's'}` }, (tx) => {
    for (const x of items) {
      const d = documents.filter((y) => y.originalFilename === x.transcript).sort((a, b) => b.id - a.id)[0];
      if (!d) throw new ThematicError('not_found', `${x.transcript}: was not imported, so ${x.recording} has nothing to go with`);
      linkRecording(tx, s.path, d.id, { ...x.probe, fileName: path.basename(x.recording) });
      said(`Linked ${path.basename(x.recording)} to ${d.name}: ${clock(x.probe.duration)}, ${x.probe.codec}`);
    }
  });
}
