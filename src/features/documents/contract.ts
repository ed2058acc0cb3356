import { z } from 'zod';
import { Attributes, DocumentSummary, Id, Turn } from '../../core/model/entities.ts';

// documents methods of the API contract (merged into src/api/contract.ts). Pure data.
const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, mutates = false) => ({ input, output, mutates });

const Ok = z.object({ ok: z.literal(true) });

export const ImportFile = z.object({
  name: z.string().min(1).max(255),
  /** File content, base64: the web mode and IPC carry bytes this way (a transcript is at most 50 MB). */
  contentBase64: z.string().max(70_000_000, 'a transcript file is at most 50 MB'),
});

export const documentsMethods = {
  'documents.list': method(
    z.object({ attribute: z.object({ key: z.string(), value: z.string() }).optional() }).strict(),
    z.array(DocumentSummary),
  ),
  'documents.get': method(z.object({ id: Id }).strict(), z.object({ document: DocumentSummary, text: z.string(), turns: z.array(Turn) })),
  'documents.import': method(
    z
      .object({
        files: z.array(ImportFile).min(1).max(1000),
        participant: z.string().trim().min(1).max(100).optional(),
        attributes: Attributes.optional(),
        speakerPattern: z.string().max(500).optional(),
      })
      .strict(),
    z.object({
      documents: z.array(DocumentSummary),
      warnings: z.array(z.object({ file: z.string(), message: z.string() })),
    }),
    true,
  ),
  'documents.delete': method(z.object({ id: Id }).strict(), Ok, true),
  'documents.setParticipant': method(z.object({ documentId: Id, participantId: Id.nullable() }).strict(), Ok, true),
  'speakers.link': method(z.object({ documentId: Id, speaker: z.string().min(1), participantId: Id.nullable() }).strict(), Ok, true),
} as const;
