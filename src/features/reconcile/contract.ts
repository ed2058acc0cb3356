import { z } from 'zod';
import { Id } from '../../core/model/entities.ts';
import { CoderName } from '../agreement/contract.ts';

// reconciliation methods of the API contract (merged into src/api/contract.ts): two coders'
// disagreements, the consensus decisions, merging a coder's copy and writing one. Pure data.
const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, mutates = false) => ({ input, output, mutates });

const Pair = { coderA: CoderName, coderB: CoderName, consensus: CoderName.default('Consensus') };
const Span = z.object({ id: Id, codeId: Id, start: z.number().int(), end: z.number().int() });
export const DecisionKind = z.enum(['keep-a', 'keep-b', 'both', 'union', 'intersection', 'edited', 'neither']);
export const Decision = z.object({
  id: Id,
  key: z.string(),
  documentId: Id,
  document: z.string(),
  codeId: Id,
  code: z.string(),
  otherCodeId: Id.nullable(),
  otherCode: z.string().nullable(),
  coderA: z.string(),
  coderB: z.string(),
  consensus: z.string(),
  kind: z.union([DecisionKind, z.literal('agreed')]),
  rationale: z.string(),
  decidedBy: z.string(),
  decidedAt: z.string(),
  codingIds: z.array(Id),
  supersededAt: z.string().nullable(),
});
export const Disagreement = z.object({
  key: z.string(),
  kind: z.enum(['a-only', 'b-only', 'boundaries', 'different-codes']),
  documentId: Id,
  document: z.string(),
  codeId: Id,
  code: z.string(),
  otherCodeId: Id.nullable(),
  otherCode: z.string().nullable(),
  start: z.number().int(),
  end: z.number().int(),
  before: z.string(),
  text: z.string(),
  after: z.string(),
  a: z.array(Span),
  b: z.array(Span),
  decision: Decision.nullable(),
});

export const reconcileMethods = {
  'reconcile.list': method(
    z
      .object({
        ...Pair,
        codeId: Id.optional(),
        documentId: Id.optional(),
        status: z.enum(['all', 'open', 'resolved']).default('all'),
        context: z.number().int().min(0).max(2000).default(80),
      })
      .strict(),
    z.object({
      items: z.array(Disagreement),
      groups: z.array(
        z.object({
          documentId: Id,
          document: z.string(),
          codeId: Id,
          code: z.string(),
          total: z.number().int(),
          resolved: z.number().int(),
        }),
      ),
      progress: z.object({ total: z.number().int(), resolved: z.number().int(), open: z.number().int() }),
      agreed: z.object({ passages: z.number().int(), accepted: z.number().int() }),
    }),
  ),
  'reconcile.decide': method(
    z
      .object({
        ...Pair,
        key: z.string().min(1).max(200),
        kind: DecisionKind,
        rationale: z.string().max(10_000).default(''),
        spans: z
          .array(z.object({ codeId: Id.optional(), start: z.number().int().min(0), end: z.number().int().min(1) }))
          .max(1000)
          .optional(),
      })
      .strict(),
    z.object({ decision: Decision, codingIds: z.array(Id) }),
    true,
  ),
  'reconcile.acceptAgreed': method(
    z.object({ ...Pair }).strict(),
    z.object({ accepted: z.number().int(), codings: z.number().int() }),
    true,
  ),
  'reconcile.log': method(
    z
      .object({
        coderA: CoderName.optional(),
        coderB: CoderName.optional(),
        consensus: CoderName.optional(),
        includeSuperseded: z.boolean().default(true),
      })
      .strict(),
    z.object({ decisions: z.array(Decision), csv: z.string() }),
  ),
  'reconcile.mergeCopy': method(
    z
      .object({
        /** The coder's copy (a .thematic file), base64 as the web mode and IPC carry files. */
        contentBase64: z.string().min(1),
        /** The copy's file name, for messages. */
        fileName: z.string().min(1).max(255).optional(),
        addNewCodes: z.boolean().default(false),
        dryRun: z.boolean().default(false),
      })
      .strict(),
    z.object({
      coders: z.array(z.string()),
      merged: z.number().int(),
      duplicates: z.number().int(),
      skipped: z.number().int(),
      memosNotMerged: z.number().int(),
      memosMerged: z.number().int(),
      conflicts: z.array(
        z.object({
          kind: z.enum(['document-missing', 'document-differs', 'code-renamed', 'code-added']),
          name: z.string(),
          detail: z.string(),
          codings: z.number().int(),
        }),
      ),
    }),
    true,
  ),
  /**
   * A blind copy for a second coder: documents, participants and codebook, with only that coder's
   * own codings (no other coder's, no consensus, no decisions, no history). Written beside the
   * project by file name; the CLI may name any path. The open project is not changed.
   */
  'reconcile.coderCopy': method(
    z
      .object({
        coder: z.string().trim().min(1, 'a coder name is required').max(100),
        outPath: z.string().min(1).max(4096),
      })
      .strict(),
    z.object({ path: z.string(), coder: z.string(), codings: z.number().int(), removedCodings: z.number().int() }),
  ),
} as const;
