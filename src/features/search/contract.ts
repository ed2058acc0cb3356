import { z } from 'zod';
import { Id, SearchHit } from '../../core/model/entities.ts';

// search methods of the API contract (merged into src/api/contract.ts). Pure data.
const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, mutates = false) => ({ input, output, mutates });

const CoderName = z.string().trim().min(1, 'a coder name is required').max(100);

export const searchMethods = {
  'search.query': method(
    z
      .object({
        query: z.string().trim().min(1).max(500),
        limit: z.number().int().min(1).max(10_000).default(200),
        documentId: Id.optional(),
      })
      .strict(),
    z.object({ hits: z.array(SearchHit), total: z.number().int() }),
  ),
  'search.autocode': method(
    z
      .object({
        query: z.string().trim().min(1).max(500),
        codeId: Id,
        coder: CoderName,
        scope: z.enum(['hit', 'sentence', 'turn']).default('hit'),
        documentId: Id.optional(),
      })
      .strict(),
    z.object({ created: z.number().int(), skipped: z.number().int() }),
    true,
  ),
} as const;
