import { z } from 'zod';
import { Id, Operation } from '../../core/model/entities.ts';

// history methods of the API contract (merged into src/api/contract.ts). Pure data.
const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, mutates = false) => ({ input, output, mutates });

const Empty = z.object({}).strict();
const Undo = z.object({ operationId: Id, summary: z.string() });

export const historyMethods = {
  'history.list': method(
    z.object({ limit: z.number().int().min(1).max(10_000).default(200) }).strict(),
    z.object({ operations: z.array(Operation), canUndo: z.boolean(), canRedo: z.boolean() }),
  ),
  'history.undo': method(Empty, Undo),
  'history.redo': method(Empty, Undo),
} as const;
