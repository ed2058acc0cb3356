import { z } from 'zod';

// jobs methods of the API contract (merged into src/api/contract.ts). Pure data.
const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, mutates = false) => ({ input, output, mutates });

/** Long work running in a worker thread (REFI-QDA, anonymised copy, reports, large agreement runs). */
export const Job = z.object({
  id: z.number().int(),
  method: z.string(),
  /** What it is doing now, e.g. "reading the project", "writing the XML", "saving". */
  phase: z.string(),
  done: z.number().optional(),
  total: z.number().optional(),
  startedAt: z.string(),
});

/** The methods that run as jobs (src/jobs/background.ts runs them; the UI shows their progress). */
export const backgroundMethods = [
  'refi.import',
  'refi.export',
  'anonymise.export',
  'anonymise.report',
  'reports.export',
  'agreement.compute',
  'agreement.report',
  'reconcile.coderCopy',
] as const;
export type BackgroundMethod = (typeof backgroundMethods)[number];

export const jobsMethods = {
  /** The long calls under way, with their progress: the UI polls this while it waits for one. */
  'jobs.list': method(z.object({}).strict(), z.array(Job)),
};
