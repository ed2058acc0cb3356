import { z } from 'zod';

// project methods of the API contract (merged into src/api/contract.ts). Pure data.
const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, mutates = false) => ({ input, output, mutates });

const Empty = z.object({}).strict();

export const projectMethods = {
  'project.info': method(
    Empty,
    z.object({
      path: z.string(),
      name: z.string(),
      schemaVersion: z.number().int(),
      appVersion: z.string(),
      counts: z.object({ documents: z.number(), participants: z.number(), codes: z.number(), codings: z.number(), coders: z.number() }),
      isSample: z.boolean(),
    }),
  ),
} as const;
