import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Handlers } from '../../api/handler-types.ts';
import {
  findDocumentByHash,
  getDocumentSummary,
  insertDocument,
  listDocuments,
  listTurns,
  documentText,
  speakerOccurs,
} from './queries.ts';
import {
  createParticipant,
  findParticipantByLabel,
  linkSpeakersByLabel,
  participantExists,
  setAttributes,
} from '../participants/queries.ts';
import { ThematicError } from '../../core/errors.ts';
import { MAX_TRANSCRIPT_BYTES, parseTranscript, TranscriptImportError, type ParsedTranscript } from './importers/index.ts';

type Method = 'documents.list' | 'documents.get' | 'documents.import' | 'documents.delete' | 'documents.setParticipant' | 'speakers.link';

interface Parsed {
  name: string;
  bytes: Uint8Array;
  parsed: ParsedTranscript;
  sha256: string;
}

/** Decodes and parses every file before touching the project, so a bad file changes nothing. */
async function parseAll(files: { name: string; contentBase64: string }[], speakerPattern?: string): Promise<Parsed[]> {
  const out: Parsed[] = [];
  const problems: string[] = [];
  for (const f of files) {
    const name = path.basename(f.name);
    // base64 length tells the size before decoding a huge payload
    if (f.contentBase64.length * 0.75 > MAX_TRANSCRIPT_BYTES + 4) {
      problems.push(
        `${name}: file is ${((f.contentBase64.length * 0.75) / 2 ** 20).toFixed(0)} MB; the limit for one transcript is ${MAX_TRANSCRIPT_BYTES / 2 ** 20} MB`,
      );
      continue;
    }
    const bytes = new Uint8Array(Buffer.from(f.contentBase64, 'base64'));
    try {
      const parsed = await parseTranscript(name, bytes, { speakerPattern });
      out.push({ name, bytes, parsed, sha256: createHash('sha256').update(bytes).digest('hex') });
    } catch (e) {
      if (e instanceof TranscriptImportError) problems.push(e.message);
      else problems.push(`${name}: ${(e as Error).message}`);
    }
  }
  if (problems.length) {
    throw new ThematicError('import_failed', `Nothing was imported. ${problems.join('; ')}`);
  }
  return out;
}

export const documentHandlers: Handlers<Method> = {
  'documents.list': (i, h) => listDocuments(h.db, i.attribute),
  'documents.get': (i, h) => ({ document: getDocumentSummary(h.db, i.id), text: documentText(h.db, i.id), turns: listTurns(h.db, i.id) }),

  'documents.import': async (i, h) => {
    const files = await parseAll(i.files, i.speakerPattern);
    const warnings: { file: string; message: string }[] = [];
    for (const f of files) for (const w of f.parsed.warnings) warnings.push({ file: f.name, message: w });
    const ids = h.op<number[]>(
      (r) =>
        `Import ${r.length} document${r.length === 1 ? '' : 's'}${r.length ? ': ' + files.map((f) => f.name).join(', ') : ''}`.slice(
          0,
          500,
        ),
      (tx) => {
        let participantId: number | null = null;
        if (i.participant) {
          participantId = findParticipantByLabel(tx.db, i.participant)?.id ?? createParticipant(tx, i.participant);
          if (i.attributes) setAttributes(tx, participantId, i.attributes);
        } else if (i.attributes && Object.keys(i.attributes).length) {
          throw new ThematicError('invalid_input', 'attributes belong to a participant: give --participant as well');
        }
        const seen = new Set<string>();
        const created: number[] = [];
        for (const f of files) {
          const dup = findDocumentByHash(tx.db, f.sha256);
          if (dup || seen.has(f.sha256)) {
            warnings.push({ file: f.name, message: `skipped: the same file is already in the project${dup ? ` as "${dup.name}"` : ''}` });
            continue;
          }
          seen.add(f.sha256);
          const id = insertDocument(tx, {
            name: f.name.replace(/\.[^.]+$/, ''),
            originalFilename: f.name,
            format: f.parsed.format,
            sha256: f.sha256,
            text: f.parsed.text,
            turns: f.parsed.turns,
            participantId,
          });
          linkSpeakersByLabel(tx, id);
          created.push(id);
        }
        return created;
      },
    );
    return { documents: ids.map((id) => getDocumentSummary(h.db, id)), warnings };
  },

  'documents.delete': (i, h) => {
    const d = getDocumentSummary(h.db, i.id);
    h.op(`Delete document "${d.name}"`, (tx) => tx.delete('documents', [{ id: i.id }]));
    return { ok: true as const };
  },

  'documents.setParticipant': (i, h) => {
    const d = getDocumentSummary(h.db, i.documentId);
    if (i.participantId !== null && !participantExists(h.db, i.participantId)) {
      throw new ThematicError('not_found', `participant ${i.participantId} does not exist`);
    }
    h.op(`Set participant of "${d.name}"`, (tx) => tx.update('documents', { id: i.documentId }, { participant_id: i.participantId }));
    return { ok: true as const };
  },

  'speakers.link': (i, h) => {
    const d = getDocumentSummary(h.db, i.documentId);
    if (!speakerOccurs(h.db, i.documentId, i.speaker)) {
      throw new ThematicError('not_found', `speaker "${i.speaker}" does not occur in "${d.name}"`);
    }
    h.op(`Link speaker "${i.speaker}" in "${d.name}"`, (tx) => {
      tx.delete('speaker_participants', [{ document_id: i.documentId, speaker: i.speaker }]);
      if (i.participantId !== null) {
        if (!participantExists(tx.db, i.participantId))
          throw new ThematicError('not_found', `participant ${i.participantId} does not exist`);
        tx.insert('speaker_participants', { document_id: i.documentId, speaker: i.speaker, participant_id: i.participantId });
      }
    });
    return { ok: true as const };
  },
};
