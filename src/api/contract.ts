import { z } from 'zod';
import {
  Attributes, Code, Coder, Coding, Color, DocumentSummary, Id, Participant, Turn,
} from '../core/model/entities.ts';
import { memosMethods } from '../features/memos/contract.ts';
import { historyMethods } from '../features/history/contract.ts';
import { searchMethods } from '../features/search/contract.ts';
import { themesMethods } from '../features/themes/contract.ts';
import { agreementMethods } from '../features/agreement/contract.ts';
import { refiMethods } from '../features/refi/contract.ts';
import { reportsMethods } from '../features/reports/contract.ts';
import { anonymiseMethods } from '../features/anonymise/contract.ts';
import { jobsMethods } from '../jobs/contract.ts';
import { backupMethods } from '../features/backups/contract.ts';
import { mediaMethods } from '../features/media/contract.ts';
import { withStringLimits } from './contract-limits.ts';
import { reconcileMethods } from '../features/reconcile/contract.ts';
import { appMethods } from '../features/project/app-contract.ts';

/**
 * The one API: every operation the UI, the CLI, the web mode and Electron can perform.
 * Each method has a zod input and output; `mutates` methods run as one transaction and one
 * entry in the operation log. Pure data: this module is safe to import in the renderer.
 */
const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, mutates = false) => ({ input, output, mutates });

const Name = z.string().trim().min(1, 'must not be empty').max(500);
const CoderName = z.string().trim().min(1, 'a coder name is required').max(100);
const Span = { start: z.number().int().min(0), end: z.number().int().min(1) };
const Empty = z.object({}).strict();
const Ok = z.object({ ok: z.literal(true) });

export const ImportFile = z.object({
  name: z.string().min(1).max(255),
  /** File content, base64: the web mode and IPC carry bytes this way (a transcript is at most 50 MB). */
  contentBase64: z.string().max(70_000_000, 'a transcript file is at most 50 MB'),
});

export const contract = withStringLimits({
  'project.info': method(Empty, z.object({
    path: z.string(), name: z.string(), schemaVersion: z.number().int(), appVersion: z.string(),
    counts: z.object({ documents: z.number(), participants: z.number(), codes: z.number(), codings: z.number(), coders: z.number() }),
    isSample: z.boolean(),
  })),

  'documents.list': method(
    z.object({ attribute: z.object({ key: z.string(), value: z.string() }).optional() }).strict(),
    z.array(DocumentSummary)),
  'documents.get': method(z.object({ id: Id }).strict(),
    z.object({ document: DocumentSummary, text: z.string(), turns: z.array(Turn) })),
  'documents.import': method(
    z.object({
      files: z.array(ImportFile).min(1).max(1000),
      participant: z.string().trim().min(1).max(100).optional(),
      attributes: Attributes.optional(),
      speakerPattern: z.string().max(500).optional(),
    }).strict(),
    z.object({
      documents: z.array(DocumentSummary),
      warnings: z.array(z.object({ file: z.string(), message: z.string() })),
    }), true),
  'documents.delete': method(z.object({ id: Id }).strict(), Ok, true),
  'documents.setParticipant': method(z.object({ documentId: Id, participantId: Id.nullable() }).strict(), Ok, true),
  'speakers.link': method(z.object({ documentId: Id, speaker: z.string().min(1), participantId: Id.nullable() }).strict(), Ok, true),

  'participants.list': method(Empty, z.array(Participant)),
  'participants.create': method(z.object({ label: Name, attributes: Attributes.optional() }).strict(), Participant, true),
  'participants.update': method(
    z.object({ id: Id, label: Name.optional(), attributes: z.record(z.string(), z.string().nullable()).optional() }).strict(),
    Participant, true),
  'participants.delete': method(z.object({ id: Id }).strict(), Ok, true),
  'participants.importCsv': method(z.object({ csv: z.string().max(20_000_000) }).strict(),
    z.object({ created: z.number().int(), updated: z.number().int(), linkedSpeakers: z.number().int() }), true),

  'coders.list': method(Empty, z.array(Coder)),
  'coders.create': method(z.object({ name: CoderName }).strict(), Coder, true),

  'codes.list': method(Empty, z.array(Code)),
  'codes.create': method(z.object({
    name: Name, parentId: Id.nullable().optional(), color: Color.optional(), definition: z.string().optional(),
    whenToUse: z.string().optional(), whenNotToUse: z.string().optional(), example: z.string().optional(), inVivo: z.boolean().optional(),
  }).strict(), Code, true),
  'codes.update': method(z.object({
    id: Id, name: Name.optional(), color: Color.optional(), definition: z.string().optional(),
    whenToUse: z.string().optional(), whenNotToUse: z.string().optional(), example: z.string().optional(),
  }).strict(), Code, true),
  'codes.move': method(z.object({ id: Id, parentId: Id.nullable() }).strict(), Code, true),
  'codes.merge': method(z.object({ sourceId: Id, targetId: Id }).strict(), z.object({ code: Code, movedCodings: z.number().int() }), true),
  'codes.delete': method(z.object({ id: Id, withCodings: z.boolean().default(false) }).strict(),
    z.object({ deletedCodes: z.number().int(), deletedCodings: z.number().int() }), true),

  'codings.list': method(z.object({
    documentId: Id.optional(), codeId: Id.optional(), coder: z.string().optional(), includeText: z.boolean().optional(),
  }).strict(), z.array(Coding)),
  'codings.create': method(z.object({ documentId: Id, codeId: Id, coder: CoderName, ...Span }).strict(), Coding, true),
  'codings.remove': method(z.object({ id: Id }).strict(), Ok, true),
  'codings.resize': method(z.object({ id: Id, ...Span }).strict(), Coding, true),
  'codings.inVivo': method(z.object({ documentId: Id, coder: CoderName, parentId: Id.nullable().optional(), ...Span }).strict(),
    z.object({ code: Code, coding: Coding }), true),

  ...memosMethods,
  ...historyMethods,
  ...searchMethods,
  ...themesMethods,
  ...agreementMethods,
  ...reconcileMethods,
  ...refiMethods,
  ...reportsMethods,
  ...anonymiseMethods,
  ...jobsMethods,
  ...backupMethods,
  ...mediaMethods,
  ...appMethods,
} as const);

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
export type Output<M extends MethodName> = z.output<Contract[M]['output']>;
export const methodNames = Object.keys(contract) as MethodName[];
export const isMethod = (m: string): m is MethodName => Object.hasOwn(contract, m);
