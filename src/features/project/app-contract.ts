import { z } from 'zod';

// Methods of the application rather than of one project (merged into src/api/contract.ts). Pure data.
// The host that holds the open project answers them (the web server; Electron uses its File menu):
// a Service alone refuses them.
const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, mutates = false) => ({ input, output, mutates });

const ProjectPath = z
  .string()
  .trim()
  .min(1, 'give a project file path')
  .max(4096)
  .refine((p) => /\.thematic$/i.test(p), 'a project file ends in .thematic');
const Counts = z.object({
  documents: z.number().int(),
  codes: z.number().int(),
  codings: z.number().int(),
  themes: z.number().int(),
  participants: z.number().int(),
  memos: z.number().int(),
});

/** What a salvage recovered, table by table, and what it had to drop (src/features/backups/salvage.ts). */
export const SalvageReportOut = z.object({
  method: z.string(),
  recoverUnavailable: z.string().optional(),
  tables: z.array(z.object({ table: z.string(), rows: z.number().int(), unreadable: z.boolean() })),
  orphansRemoved: z.array(z.object({ table: z.string(), rows: z.number().int() })),
  lines: z.array(z.string()),
});

export const appMethods = {
  /** Serves another project file (a refused one, locked, newer or not a project, leaves the current one open). */
  'app.openProject': method(
    z
      .object({
        path: ProjectPath,
        create: z.boolean().default(false),
      })
      .strict(),
    z.object({ path: z.string(), name: z.string() }).loose(),
  ),
  /**
   * A damaged project's way out, 1: its newest backup that passes its check, restored as a new
   * project beside it (named by the host), is opened. The damaged file is left as it is.
   */
  'app.openLatestBackup': method(
    z.object({ path: ProjectPath }).strict(),
    z
      .object({
        path: z.string(),
        name: z.string(),
        backup: z.object({ name: z.string(), at: z.string(), counts: Counts }),
      })
      .loose(),
  ),
  /**
   * A damaged project's way out, 2: what is readable is salvaged into a new project beside it
   * (`<name>-salvaged.thematic`, named by the host), which is opened; the report says what was kept and lost.
   */
  'app.salvage': method(
    z.object({ path: ProjectPath }).strict(),
    z
      .object({
        path: z.string(),
        name: z.string(),
        report: SalvageReportOut,
      })
      .loose(),
  ),
};
