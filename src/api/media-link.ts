import path from 'node:path';
import type { Service } from './service.ts';
import { copyIntoMediaFolder, linkRecording, type Recording } from '../features/media/queries.ts';
import { probeRecording } from '../features/media/probe.ts';

/**
 * Links a recording on disk to a document by reference (trusted callers only: the CLI and the
 * sample builder; the renderer can only attach bytes). With `copy`, the file is first copied into
 * the folder beside the project, for a self-contained hand-over. One undoable operation.
 */
export async function linkRecordingFile(s: Service, documentId: number, file: string, opts: { copy?: boolean; actor?: string } = {}): Promise<Recording> {
  let probe = await probeRecording(file, file);
  if (opts.copy) probe = { ...probe, file: copyIntoMediaFolder(s.path, file, probe.sha256) };
  const label = path.basename(file);
  return s.trustedOperation({ actor: opts.actor ?? 'researcher', method: 'media.link', summary: `Link recording ${label}` },
    (tx) => linkRecording(tx, s.path, documentId, { ...probe, fileName: label }, { copied: opts.copy }));
}
