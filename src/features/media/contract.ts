import { z } from 'zod';
import { Id } from '../../core/model/entities.ts';

// media methods of the API contract (merged into src/api/contract.ts). Pure data.
// Recordings are linked by reference. Through the API (the untrusted renderer) a recording comes in
// as bytes and is written into the folder beside the project; only the CLI links a file by its path.
const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, mutates = false) => ({ input, output, mutates });

export const Recording = z.object({
  documentId: Id,
  document: z.string(),
  fileName: z.string(),
  /** Relative to the project file's folder, with `/`. */
  path: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  duration: z.number(),
  container: z.string(),
  codec: z.string(),
  kind: z.enum(['audio', 'video']),
  mime: z.string(),
  copied: z.boolean(),
  linkedAt: z.string(),
  status: z.enum(['ok', 'missing', 'changed']),
  /** What is wrong when status is not ok, naming the file. */
  problem: z.string().nullable(),
});
export type Recording = z.infer<typeof Recording>;

const ByDocument = z.object({ documentId: Id }).strict();

export const mediaMethods = {
  /** The document's recording (a stat of the file, never a read), or null. */
  'media.get': method(ByDocument, Recording.nullable()),
  'media.list': method(z.object({}).strict(), z.array(Recording)),
  /** Writes the recording into `<project>-media/` beside the project and links it; one undoable operation. */
  'media.attach': method(
    z
      .object({
        documentId: Id,
        fileName: z.string().trim().min(1).max(255),
        contentBase64: z.string().min(1),
      })
      .strict(),
    Recording,
    true,
  ),
  'media.detach': method(ByDocument, z.object({ ok: z.literal(true) }), true),
  /** Finds a moved recording (same name and SHA-256, beside the project) or accepts a changed file at its place. */
  'media.relink': method(z.object({ documentId: Id, acceptChanged: z.boolean().default(false) }).strict(), Recording, true),
  /** Sets turn times from sync points (turn index → seconds into the recording), interpolating the rest. */
  'media.setSyncPoints': method(
    z
      .object({
        documentId: Id,
        points: z
          .array(z.object({ turnIdx: z.number().int().min(0), time: z.number().min(0) }).strict())
          .min(1)
          .max(100_000),
      })
      .strict(),
    z.object({ changedTurns: z.number().int() }),
    true,
  ),
  /** The current times of the document's turns, by turn index: the open transcript re-reads them after every change (sync points, undo, redo). */
  'media.turnTimes': method(
    ByDocument,
    z.array(z.object({ idx: z.number().int(), timeStart: z.number().nullable(), timeEnd: z.number().nullable() })),
  ),
  /** Time ranges of codings on timed transcripts (codings on untimed ones are left out). */
  'media.codingTimes': method(
    z.object({ codingIds: z.array(Id).max(20_000) }).strict(),
    z.array(
      z.object({
        codingId: Id,
        documentId: Id,
        timeStart: z.number(),
        timeEnd: z.number().nullable(),
        hasRecording: z.boolean(),
      }),
    ),
  ),
};
