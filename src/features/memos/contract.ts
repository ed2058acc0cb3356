import { z } from 'zod';
import { Id, Memo, MemoTarget } from '../../core/model/entities.ts';

// memos methods of the API contract (merged into src/api/contract.ts). Pure data.
const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, mutates = false) => ({ input, output, mutates });

const Ok = z.object({ ok: z.literal(true) });

export const memosMethods = {
  'memos.list': method(
    z.object({ targetType: MemoTarget.optional(), targetId: z.number().int().nullable().optional() }).strict(),
    z.array(Memo),
  ),
  'memos.create': method(
    z
      .object({
        targetType: MemoTarget,
        targetId: z.number().int().nullable(),
        title: z.string().max(500).default(''),
        body: z.string().max(5_000_000).default(''),
        author: z.string().max(100).default(''),
      })
      .strict(),
    Memo,
    true,
  ),
  'memos.update': method(
    z.object({ id: Id, title: z.string().max(500).optional(), body: z.string().max(5_000_000).optional() }).strict(),
    Memo,
    true,
  ),
  'memos.delete': method(z.object({ id: Id }).strict(), Ok, true),
} as const;
