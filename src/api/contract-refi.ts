import { z } from 'zod';

// refi methods of the API contract (merged into src/api/contract.ts). Pure data.
const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, mutates = false) => ({ input, output, mutates });

const ReportItem = z.object({ kind: z.string(), name: z.string(), detail: z.string() });

export const RefiImportReport = z.object({
  fileName: z.string(), kind: z.enum(['qdpx', 'qde', 'qdc']), origin: z.string().optional(), thematicExtensions: z.boolean(),
  counts: z.record(z.string(), z.number().int()), notCarried: z.array(ReportItem), notes: z.array(ReportItem),
});
export const RefiExportReport = z.object({
  fileName: z.string(), format: z.enum(['qdpx', 'qdc']), counts: z.record(z.string(), z.number().int()), notCarried: z.array(ReportItem),
});

export const refiMethods = {
  /** Brings a REFI-QDA project (.qdpx, .qde) or codebook (.qdc) into this project; one undoable operation. */
  'refi.import': method(z.object({ fileName: z.string().min(1).max(255), contentBase64: z.string() }).strict(), RefiImportReport, true),
  /** The project as a .qdpx (everything) or .qdc (the codebook), with what the standard could not carry. */
  'refi.export': method(z.object({
    format: z.enum(['qdpx', 'qdc']),
    /** qdpx: put the recordings of transcripts (that Thematic has a copy of) into sources/; the report says which. */
    includeMedia: z.boolean().optional(),
  }).strict(),
    z.object({ fileName: z.string(), contentBase64: z.string(), report: RefiExportReport })),
};
