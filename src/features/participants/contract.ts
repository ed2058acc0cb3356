import { z } from 'zod';
import { Attributes, Coder, Id, Participant } from '../../core/model/entities.ts';

// participants and coders methods of the API contract (merged into src/api/contract.ts). Pure data.
const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, mutates = false) => ({ input, output, mutates });

const Name = z.string().trim().min(1, 'must not be empty').max(500);
const CoderName = z.string().trim().min(1, 'a coder name is required').max(100);
const Empty = z.object({}).strict();
const Ok = z.object({ ok: z.literal(true) });

export const participantsMethods = {
  'participants.list': method(Empty, z.array(Participant)),
  'participants.create': method(z.object({ label: Name, attributes: Attributes.optional() }).strict(), Participant, true),
  'participants.update': method(
    z.object({ id: Id, label: Name.optional(), attributes: z.record(z.string(), z.string().nullable()).optional() }).strict(),
    Participant,
    true,
  ),
  'participants.delete': method(z.object({ id: Id }).strict(), Ok, true),
  'participants.importCsv': method(
    z.object({ csv: z.string().max(20_000_000) }).strict(),
    z.object({ created: z.number().int(), updated: z.number().int(), linkedSpeakers: z.number().int() }),
    true,
  ),

  'coders.list': method(Empty, z.array(Coder)),
  'coders.create': method(z.object({ name: CoderName }).strict(), Coder, true),
} as const;
