import { z } from 'zod';

// Backup methods of the API contract (merged into src/api/contract.ts). Pure data.
// None changes the open project: backups and restored copies are separate files.
const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, mutates = false) => ({ input, output, mutates });

const Counts = z.object({
  documents: z.number().int(),
  codes: z.number().int(),
  codings: z.number().int(),
  themes: z.number().int(),
  participants: z.number().int(),
  memos: z.number().int(),
});
export const BackupRow = z.object({ name: z.string(), at: z.string(), bytes: z.number().int(), counts: Counts });
/** A backup is named, never given as a path: the renderer can only reach the project's own backups. */
const BackupName = z
  .string()
  .max(255)
  .regex(/^[^/\\]+-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z\.thematic$/, 'not a backup name');

export const backupMethods = {
  /** The project's backups (newest first), where they are, and what the project home must say about the file. */
  'backups.list': method(
    z.object({}).strict(),
    z.object({
      folder: z.string(),
      backups: z.array(BackupRow),
      /** Opened for viewing only: the file or its folder cannot be written. */
      readOnly: z.boolean(),
      /** Said once per open: a network or sync folder where locking cannot be trusted. */
      locationWarning: z.string().nullable(),
      /** Automatic backups that failed in this session. */
      problems: z.array(z.string()),
    }),
  ),
  'backups.create': method(z.object({}).strict(), BackupRow),
  /** The backup as a new project file beside the current one; returns its path. */
  'backups.restoreCopy': method(z.object({ name: BackupName }).strict(), z.object({ path: z.string(), counts: Counts })),
  /** What changed from the backup to the project as it is now, in words, with both sets of counts. */
  'backups.compare': method(
    z.object({ name: BackupName }).strict(),
    z.object({
      backup: Counts,
      current: Counts,
      changes: z.array(z.string()),
    }),
  ),
};
