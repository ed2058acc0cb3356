import { z } from 'zod';

// The entities as the API shows them. The database is the source of truth; these are views of it.
export const Id = z.number().int().positive();
export const Color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #1f77b4');
export const Attributes = z.record(z.string(), z.string());

export const TranscriptFormat = z.enum(['txt', 'md', 'docx', 'odt', 'pdf', 'vtt', 'srt', 'zoom-cc']);

export const DocumentSummary = z.object({
  id: Id,
  name: z.string(),
  originalFilename: z.string(),
  format: z.string(),
  sha256: z.string(),
  charLength: z.number().int(),
  wordCount: z.number().int(),
  participantId: Id.nullable(),
  participant: z.string().nullable(),
  attributes: Attributes,
  importedAt: z.string(),
  codingsByCoder: z.record(z.string(), z.number().int()),
  turnCount: z.number().int(),
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;

export const Turn = z.object({
  id: Id,
  idx: z.number().int(),
  speaker: z.string().nullable(),
  participantId: Id.nullable(),
  participant: z.string().nullable(),
  start: z.number().int(),
  end: z.number().int(),
  timeStart: z.number().nullable(),
  timeEnd: z.number().nullable(),
});
export type Turn = z.infer<typeof Turn>;

export const Participant = z.object({
  id: Id,
  label: z.string(),
  attributes: Attributes,
  documentCount: z.number().int(),
});
export type Participant = z.infer<typeof Participant>;

export const Coder = z.object({ id: Id, name: z.string(), isConsensus: z.boolean(), codingCount: z.number().int() });
export type Coder = z.infer<typeof Coder>;

export const Code = z.object({
  id: Id,
  guid: z.string(),
  parentId: Id.nullable(),
  name: z.string(),
  color: z.string(),
  definition: z.string(),
  whenToUse: z.string(),
  whenNotToUse: z.string(),
  example: z.string(),
  inVivo: z.boolean(),
  codingCount: z.number().int(),
  documentCount: z.number().int(),
  participantCount: z.number().int(),
});
export type Code = z.infer<typeof Code>;

export const Coding = z.object({
  id: Id,
  guid: z.string(),
  documentId: Id,
  codeId: Id,
  coder: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  createdAt: z.string(),
  text: z.string().optional(),
});
export type Coding = z.infer<typeof Coding>;

export const MemoTarget = z.enum(['project', 'document', 'code', 'theme', 'coding', 'participant', 'phase']);
export const Memo = z.object({
  id: Id,
  guid: z.string(),
  targetType: MemoTarget,
  targetId: z.number().int().nullable(),
  title: z.string(),
  body: z.string(),
  author: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Memo = z.infer<typeof Memo>;

export const Operation = z.object({
  id: Id,
  at: z.string(),
  actor: z.string(),
  method: z.string(),
  summary: z.string(),
  kind: z.enum(['change', 'undo', 'redo']),
  state: z.enum(['done', 'undone', 'discarded', 'record']),
  targetOp: z.number().int().nullable(),
});
export type Operation = z.infer<typeof Operation>;

export const SearchHit = z.object({
  documentId: Id,
  document: z.string(),
  turnId: Id,
  speaker: z.string().nullable(),
  participant: z.string().nullable(),
  start: z.number().int(),
  end: z.number().int(),
  before: z.string(),
  match: z.string(),
  after: z.string(),
});
export type SearchHit = z.infer<typeof SearchHit>;
