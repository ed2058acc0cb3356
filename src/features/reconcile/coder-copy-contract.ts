import { z } from 'zod';

// The coder copy method of the API contract (merged into src/api/contract.ts). Pure data.
const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, mutates = false) => ({ input, output, mutates });

export const coderCopyMethods = {
  /**
   * A blind copy for a second coder: documents, participants and codebook, with only that coder's
   * own codings (no other coder's, no consensus, no decisions, no history). Written beside the
   * project by file name; the CLI may name any path. The open project is not changed.
   */
  'reconcile.coderCopy': method(z.object({
    coder: z.string().trim().min(1, 'a coder name is required').max(100),
    outPath: z.string().min(1).max(4096),
  }).strict(), z.object({ path: z.string(), coder: z.string(), codings: z.number().int(), removedCodings: z.number().int() })),
};
