import path from 'node:path';
import { flag, flags, UsageError, type Parsed } from './args.ts';
import type { Io } from './io.ts';
import { actor, cmdImport, readTranscriptFiles, table, withProject } from './project-commands.ts';
import type { Service } from '../api/service.ts';
import { ThematicError } from '../core/errors.ts';
import { linkProbedRecordings, linkRecordingFile } from '../api/media-link.ts';
import { probeRecording, clock, type Probe } from '../api/files.ts';

// `thematic media FILE [DOCUMENT [RECORDING] [--copy | --detach | --relink [--accept-changed]]]`
// and `thematic import FILE TRANSCRIPTS... --media RECORDING...`.

export const MEDIA_BOOLEANS = ['copy', 'detach', 'relink', 'accept-changed'];

const USAGE = 'usage: thematic media FILE [DOCUMENT [RECORDING] [--copy] | DOCUMENT --detach | DOCUMENT --relink [--accept-changed]]';

/** A document named on the command line: its id, name or original file name. */
async function documentOf(s: Service, ref: string): Promise<{ id: number; name: string }> {
  const docs = await s.call('documents.list', {});
  const d =
    docs.find((x) => String(x.id) === ref) ??
    docs.find((x) => x.name.toLowerCase() === ref.toLowerCase()) ??
    docs.find((x) => x.originalFilename.toLowerCase() === ref.toLowerCase());
  if (!d) throw new ThematicError('not_found', `no document "${ref}" in the project (give its id, name or file name; see thematic docs)`);
  return d;
}

export async function cmdMedia(p: Parsed, io: Io): Promise<number> {
  const [file, ref, recording, ...more] = p.positionals;
  if (!file || more.length) throw new UsageError(USAGE);
  return withProject(file, async (s) => {
    if (!ref) {
      const list = await s.call('media.list', {});
      if (p.bools.has('json')) io.out(JSON.stringify(list, null, 2));
      else if (!list.length) io.out('No recordings linked. Link one with: thematic media FILE DOCUMENT RECORDING');
      else
        io.out(
          table(
            ['document', 'recording', 'duration', 'codec', 'status'],
            list.map((r) => [r.document, r.path, clock(r.duration), r.codec, r.problem ?? r.status]),
          ),
        );
      return 0;
    }
    const doc = await documentOf(s, ref);
    if (p.bools.has('detach')) {
      await s.call('media.detach', { documentId: doc.id }, { actor: actor() });
      io.out(`Detached the recording from ${doc.name}`);
      return 0;
    }
    if (p.bools.has('relink')) {
      const r = await s.call('media.relink', { documentId: doc.id, acceptChanged: p.bools.has('accept-changed') }, { actor: actor() });
      io.out(`Re-linked ${doc.name}: ${r.path}`);
      return 0;
    }
    if (!recording) throw new UsageError(USAGE);
    const r = await linkRecordingFile(s, doc.id, recording, { copy: p.bools.has('copy'), actor: actor() });
    io.out(
      p.bools.has('json')
        ? JSON.stringify(r, null, 2)
        : `Linked ${r.path} to ${doc.name}: ${clock(r.duration)}, ${r.codec}${r.copied ? ' (copied beside the project)' : ''}`,
    );
    return 0;
  });
}

const base = (f: string) =>
  path
    .basename(f)
    .replace(/\.[^.]+$/, '')
    .toLowerCase();

/**
 * Import with recordings: each --media file goes with the transcript of the same base name (or
 * with the only transcript). Every recording is checked before anything is imported, and if one
 * cannot be linked the import is undone: either all of it happens or none.
 */
export async function cmdImportWithMedia(p: Parsed, io: Io): Promise<number> {
  const [file, ...inputs] = p.positionals;
  const media = flags(p, 'media');
  if (!file || !inputs.length) throw new UsageError('usage: thematic import FILE TRANSCRIPTS... --media RECORDING...');
  const pairs = media.map((m) => {
    const t = inputs.length === 1 && media.length === 1 ? inputs[0] : inputs.find((x) => base(x) === base(m));
    if (!t) throw new UsageError(`--media ${m}: no transcript named ${base(m)}.* among ${inputs.map((x) => path.basename(x)).join(', ')}`);
    return { transcript: path.basename(t), recording: m };
  });
  readTranscriptFiles(inputs);
  const probes: ((typeof pairs)[number] & { probe: Probe })[] = [];
  for (const pr of pairs) probes.push({ ...pr, probe: await probeRecording(pr.recording, pr.recording) });
  const code = await cmdImport(p, io);
  await withProject(file, async (s) => {
    const docs = await s.call('documents.list', {});
    try {
      linkProbedRecordings(s, probes, docs, actor(), (line) => io.out(line));
    } catch (e) {
      await s.call('history.undo', {}, { actor: actor() });
      throw new ThematicError(
        (e as ThematicError).code ?? 'import_failed',
        `${(e as Error).message}. The import was undone; nothing was imported`,
      );
    }
  });
  return code;
}

export const hasMediaFlag = (p: Parsed) => flag(p, 'media') !== undefined;
