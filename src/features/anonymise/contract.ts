import { z } from 'zod';
import { ReportFile, ReportRequest } from '../reports/contract.ts';
import { Id } from '../../core/model/entities.ts';

// anonymise methods of the API contract (merged into src/api/contract.ts). Pure data.
// None of them changes the open project: export writes a separate file.
const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, mutates = false) => ({ input, output, mutates });

export const Replacement = z
  .object({
    find: z.string().min(1, 'find must not be empty').max(2000),
    replace: z.string().max(2000),
    kind: z.enum(['name', 'place', 'date', 'pattern']),
    match: z.enum(['word', 'anywhere']).optional(),
    case: z.enum(['sensitive', 'insensitive']).optional(),
  })
  .strict();
const Replacements = z.array(Replacement).max(10_000);

const Around = {
  match: z.string(),
  replacement: z.string(),
  before: z.string(),
  after: z.string(),
  rule: z.number().int(),
  start: z.number().int(),
  end: z.number().int(),
};

export const anonymiseMethods = {
  'anonymise.parseKey': method(z.object({ csv: z.string().max(5_000_000) }).strict(), z.object({ replacements: z.array(Replacement) })),
  'anonymise.preview': method(
    z.object({ replacements: Replacements }).strict(),
    z.object({
      occurrences: z.array(z.object({ documentId: Id, document: z.string(), ...Around })),
      fields: z.array(z.object({ table: z.string(), column: z.string(), row: z.string(), count: z.number().int(), ...Around })),
      perRule: z.array(z.number().int()),
      truncated: z.boolean(),
    }),
  ),
  'anonymise.export': method(
    z
      .object({
        replacements: Replacements.min(1, 'give at least one replacement'),
        /** The copy's file name (….thematic), written beside the project. Default: <name>-anonymised.thematic. */
        outPath: z.string().min(1).max(4096).optional(),
        overwrite: z.boolean().default(false),
      })
      .strict(),
    z.object({
      path: z.string(),
      counts: z.object({
        documents: z.number().int(),
        occurrences: z.number().int(),
        fieldValues: z.number().int(),
        codings: z.number().int(),
        turns: z.number().int(),
        decisions: z.number().int(),
        /** Recordings never go into the copy (a voice identifies a person). */
        recordingsLeftOut: z.number().int(),
      }),
    }),
  ),
  /** A report for the paper made from an anonymised copy that is thrown away afterwards; nothing is written beside the project. */
  'anonymise.report': method(
    z
      .object({
        replacements: Replacements.min(1, 'give at least one replacement'),
        report: ReportRequest,
      })
      .strict(),
    ReportFile,
  ),
};
