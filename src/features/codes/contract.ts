import { z } from 'zod';
import { Code, Coding, Color, Id } from '../../core/model/entities.ts';

// codes and codings methods of the API contract (merged into src/api/contract.ts). Pure data.
const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, mutates = false) => ({ input, output, mutates });

const Name = z.string().trim().min(1, 'must not be empty').max(500);
const CoderName = z.string().trim().min(1, 'a coder name is required').max(100);
const Span = { start: z.number().int().min(0), end: z.number().int().min(1) };
const Empty = z.object({}).strict();
const Ok = z.object({ ok: z.literal(true) });

export const codesMethods = {
  'codes.list': method(Empty, z.array(Code)),
  'codes.create': method(
    z
      .object({
        name: Name,
        parentId: Id.nullable().optional(),
        color: Color.optional(),
        definition: z.string().optional(),
        whenToUse: z.string().optional(),
        whenNotToUse: z.string().optional(),
        example: z.string().optional(),
        inVivo: z.boolean().optional(),
      })
      .strict(),
    Code,
    true,
  ),
  'codes.update': method(
    z
      .object({
        id: Id,
        name: Name.optional(),
        color: Color.optional(),
        definition: z.string().optional(),
        whenToUse: z.string().optional(),
        whenNotToUse: z.string().optional(),
        example: z.string().optional(),
      })
      .strict(),
    Code,
    true,
  ),
  'codes.move': method(z.object({ id: Id, parentId: Id.nullable() }).strict(), Code, true),
  'codes.merge': method(z.object({ sourceId: Id, targetId: Id }).strict(), z.object({ code: Code, movedCodings: z.number().int() }), true),
  'codes.delete': method(
    z.object({ id: Id, withCodings: z.boolean().default(false) }).strict(),
    z.object({ deletedCodes: z.number().int(), deletedCodings: z.number().int() }),
    true,
  ),

  'codings.list': method(
    z
      .object({
        documentId: Id.optional(),
        codeId: Id.optional(),
        coder: z.string().optional(),
        includeText: z.boolean().optional(),
      })
      .strict(),
    z.array(Coding),
  ),
  'codings.create': method(z.object({ documentId: Id, codeId: Id, coder: CoderName, ...Span }).strict(), Coding, true),
  'codings.remove': method(z.object({ id: Id }).strict(), Ok, true),
  'codings.resize': method(z.object({ id: Id, ...Span }).strict(), Coding, true),
  'codings.inVivo': method(
    z.object({ documentId: Id, coder: CoderName, parentId: Id.nullable().optional(), ...Span }).strict(),
    z.object({ code: Code, coding: Coding }),
    true,
  ),
} as const;
