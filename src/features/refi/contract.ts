import { z } from 'zod';

// refi methods of the API contract (merged into src/api/contract.ts). Pure data.
const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, mutates = false) => ({ input, output, mutates });

const ReportItem = z.object({ kind: z.string(), name: z.string(), detail: z.string() });

export const RefiImportReport = z.object({
  fileName: z.string(),
  kind: z.enum(['qdpx', 'qde', 'qdc']),
  origin: z.string().optional(),
  thematicExtensions: z.boolean(),
  counts: z.record(z.string(), z.number().int()),
  notCarried: z.array(ReportItem),
  notes: z.array(ReportItem),
  mode: z.literal('another-coder').optional(),
  matched: z.array(ReportItem).optional(),
});
export const RefiExportReport = z.object({
  fileName: z.string(),
  format: z.enum(['qdpx', 'qdc']),
  target: z.enum(['standard', 'nvivo']).optional(),
  counts: z.record(z.string(), z.number().int()),
  notCarried: z.array(ReportItem),
});

export const refiMethods = {
  /** Brings a REFI-QDA project (.qdpx, .qde) or codebook (.qdc) into this project; one undoable operation. */
  'refi.import': method(
    z
      .object({
        fileName: z.string().min(1).max(255),
        contentBase64: z.string(),
        /** 'another-coder': the same study coded by someone else: documents matched by text (modulo trailing whitespace and line ends), codes by path and name, codings added under their coder. */
        mode: z.enum(['study', 'another-coder']).optional(),
        /** another-coder: every coding goes under this coder instead of the file's users. */
        coder: z.string().trim().min(1).max(100).optional(),
        /** A source with exactly the text of a document already here but another GUID: a separate document (default) or merged into it. */
        identicalText: z.enum(['separate', 'merge']).optional(),
        /** Document groups named "key: value" (ATLAS.ti) become participant attributes. */
        groupsAsAttributes: z.boolean().optional(),
      })
      .strict(),
    RefiImportReport,
    true,
  ),
  /** The project as a .qdpx (everything) or .qdc (the codebook), with what the standard could not carry. */
  'refi.export': method(
    z
      .object({
        format: z.enum(['qdpx', 'qdc']),
        /** 'nvivo': positions in UTF-16 units, as NVivo reads them (the standard counts characters). */
        target: z.enum(['standard', 'nvivo']).optional(),
        /** qdpx: put the recordings of transcripts (that Thematic has a copy of) into sources/; the report says which. */
        includeMedia: z.boolean().optional(),
      })
      .strict(),
    z.object({ fileName: z.string(), contentBase64: z.string(), report: RefiExportReport }),
  ),
};
