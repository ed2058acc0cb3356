import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Handlers } from '../../api/handler-types.ts';
import { ThematicError } from '../../core/errors.ts';
import { documentExists } from '../documents/queries.ts';
import { probeRecording, MAX_RECORDING_BYTES } from './probe.ts';
import {
  checkFits,
  codingTimes,
  findRecording,
  freeName,
  getRecording,
  linkRecording,
  listRecordings,
  mediaFolder,
  moveLink,
  recordingFile,
  recordingRow,
  setSyncPoints,
  turnTimes,
  unlinkRecording,
  documentsWithRecording,
} from './queries.ts';

type Method =
  | 'media.get'
  | 'media.list'
  | 'media.attach'
  | 'media.detach'
  | 'media.relink'
  | 'media.setSyncPoints'
  | 'media.turnTimes'
  | 'media.codingTimes';

const mustHave = (db: Parameters<typeof recordingRow>[0], documentId: number) => {
  const r = recordingRow(db, documentId);
  if (!r) throw new ThematicError('not_found', `document ${documentId} has no recording`);
  return r;
};

export const mediaHandlers: Handlers<Method> = {
  'media.get': (i, h) => getRecording(h.db, h.path, i.documentId),
  'media.list': (_i, h) => listRecordings(h.db, h.path),

  'media.attach': async (i, h) => {
    const name = path.basename(i.fileName.replace(/\\/g, '/'));
    const bytes = Buffer.from(i.contentBase64, 'base64');
    if (bytes.length >= MAX_RECORDING_BYTES) throw new ThematicError('too_large', `${name}: recordings of 4 GB or more are not supported`);
    if (!documentExists(h.db, i.documentId)) throw new ThematicError('not_found', `document ${i.documentId} does not exist`);
    // Probed from a private temporary name in the media folder, renamed into place only once it is accepted.
    const dir = mediaFolder(h.path);
    fs.mkdirSync(dir, { recursive: true });
    const tmp = path.join(dir, `.${randomBytes(6).toString('hex')}${path.extname(name).toLowerCase()}`);
    fs.writeFileSync(tmp, bytes);
    try {
      const probe = await probeRecording(tmp, name);
      checkFits(h.db, i.documentId, { ...probe, fileName: name });
      const target = freeName(dir, name, probe.sha256);
      if (fs.existsSync(target)) fs.rmSync(tmp);
      else fs.renameSync(tmp, target);
      return h.op(`Attach recording ${name}`, (tx) =>
        linkRecording(tx, h.path, i.documentId, { ...probe, file: target, fileName: name }, { copied: true }),
      );
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  },

  'media.detach': (i, h) => {
    const r = mustHave(h.db, i.documentId);
    h.op(`Detach recording ${r.file_name}`, (tx) => unlinkRecording(tx, i.documentId));
    return { ok: true as const };
  },

  'media.relink': async (i, h) => {
    const r = mustHave(h.db, i.documentId);
    const found = await findRecording(h.path, r);
    if (found) {
      h.op(`Re-link recording ${r.file_name}`, (tx) => moveLink(tx, h.path, i.documentId, found));
      return getRecording(h.db, h.path, i.documentId)!;
    }
    const at = recordingFile(h.path, r.path);
    if (i.acceptChanged && fs.existsSync(at)) {
      const probe = await probeRecording(at, r.file_name);
      return h.op(`Re-link changed recording ${r.file_name}`, (tx) =>
        linkRecording(tx, h.path, i.documentId, probe, { copied: !!r.copied }),
      );
    }
    if (fs.existsSync(at)) {
      throw new ThematicError(
        'changed',
        `${r.file_name}: the file at ${at} is not the one that was linked (its SHA-256 differs); accept the changed file, or attach the original again`,
      );
    }
    throw new ThematicError('not_found', `${r.file_name}: not found at ${at}, nor beside the project; attach it again`);
  },

  'media.setSyncPoints': (i, h) => {
    const r = mustHave(h.db, i.documentId);
    const changedTurns = h.op<number>(
      (n) => `Set turn times from ${i.points.length} sync point${i.points.length === 1 ? '' : 's'} (${n} turns)`,
      (tx) => setSyncPoints(tx, i.documentId, i.points, r.duration),
    );
    return { changedTurns };
  },

  'media.turnTimes': (i, h) => turnTimes(h.db, i.documentId),

  'media.codingTimes': (i, h) => {
    const withRec = documentsWithRecording(h.db);
    return codingTimes(h.db, i.codingIds).map((t) => ({ ...t, hasRecording: withRec.has(t.documentId) }));
  },
};
