import { z } from 'zod';
import { MATRIX_COUNTS, REPORT_FORMATS } from '../../core/reports/types.ts';

// reports methods of the API contract (merged into src/api/contract.ts). Pure data.
const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, mutates = false) => ({ input, output, mutates });

const Names = z.array(z.string().trim().min(1).max(500)).max(1000);

/** Which report, narrowed how: also used for an anonymised report (anonymise.report). */
export const ReportRequest = z
  .object({
    format: z.enum(REPORT_FORMATS),
    /** Theme names (with their sub-themes); code names or paths "Parent > Child". Unknown names are an error. */
    themes: Names.optional(),
    codes: Names.optional(),
    /** Participant attribute keys shown after the label, "(P13, peer worker)"; omitted = group (or role) when recorded. */
    attribution: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
    timestamps: z.boolean().optional(),
    coder: z.string().trim().min(1).max(100).optional(),
    /** matrix-csv: the attribute whose values are the columns, and what a cell counts. */
    attribute: z.string().trim().min(1).max(100).optional(),
    count: z.enum(MATRIX_COUNTS).optional(),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
  })
  .strict();
export const ReportFile = z.object({ fileName: z.string(), mime: z.string(), contentBase64: z.string() });

export const reportsMethods = {
  /** One report for the paper as a file (quotes, codebook, coded segments, code-by-attribute matrix). Read-only. */
  'reports.export': method(ReportRequest, ReportFile),
};
