import { z } from 'zod';
import { Color, Id } from '../../core/model/entities.ts';

// themes methods of the API contract (the map's are in src/features/map/contract.ts) (merged into src/api/contract.ts). Pure data.
const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, mutates = false) => ({ input, output, mutates });

const Name = z.string().trim().min(1, 'must not be empty').max(500);
const Why = z.string().max(10_000).optional();
const Ok = z.object({ ok: z.literal(true) });
export const ThemeKind = z.enum(['core', 'group', 'theme', 'subtheme']);
export const ThemeStatus = z.enum(['candidate', 'active', 'discarded']);

export const ThemeCode = z.object({ id: Id, name: z.string(), color: z.string(), codingCount: z.number().int(), themeIds: z.array(Id) });
export const Theme = z.object({
  id: Id,
  guid: z.string(),
  parentId: Id.nullable(),
  kind: ThemeKind,
  name: z.string(),
  definition: z.string(),
  color: z.string().nullable(),
  status: ThemeStatus,
  position: z.number().int(),
  codes: z.array(ThemeCode),
  codingCount: z.number().int(),
  documentCount: z.number().int(),
  participantCount: z.number().int(),
  participants: z.array(z.string()),
  groups: z.array(z.object({ group: z.string(), covered: z.number().int(), total: z.number().int() })),
  memoCount: z.number().int(),
});
export type Theme = z.infer<typeof Theme>;
export const ThemeLink = z.object({ id: Id, fromId: Id, toId: Id, label: z.string() });
export const ThemeEvent = z.object({
  id: Id,
  themeId: Id,
  themeName: z.string(),
  kind: z.enum(['created', 'renamed', 'moved', 'promoted', 'discarded', 'merged', 'split', 'deleted']),
  rationale: z.string(),
  details: z.record(z.string(), z.unknown()),
  actor: z.string(),
  at: z.string(),
});
export const Quote = z.object({
  codingIds: z.array(Id),
  documentId: Id,
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  codes: z.array(z.string()),
  coders: z.array(z.string()),
  participant: z.string().nullable(),
  group: z.string().nullable(),
  attribution: z.string(),
});

const LinkLabel = z.string().trim().max(200);

export const themesMethods = {
  'themes.list': method(
    z
      .object({
        coder: z.string().optional(),
        /** The participant attribute that names their group (the study's "patient", "HCP", ...). */
        groupBy: z.string().min(1).max(100).default('group'),
      })
      .strict(),
    z.object({ themes: z.array(Theme), links: z.array(ThemeLink), unattachedCodeIds: z.array(Id) }),
  ),
  'themes.create': method(
    z
      .object({
        kind: ThemeKind,
        parentId: Id.nullable().default(null),
        name: Name,
        definition: z.string().max(100_000).optional(),
        color: Color.nullable().optional(),
        status: ThemeStatus.exclude(['discarded']).default('active'),
        codeIds: z.array(Id).max(10_000).optional(),
        why: Why,
      })
      .strict(),
    Theme,
    true,
  ),
  'themes.update': method(
    z
      .object({
        id: Id,
        name: Name.optional(),
        definition: z.string().max(100_000).optional(),
        color: Color.nullable().optional(),
        why: Why,
      })
      .strict(),
    Theme,
    true,
  ),
  'themes.move': method(
    z.object({ id: Id, parentId: Id.nullable(), position: z.number().int().min(0).optional(), why: Why }).strict(),
    Theme,
    true,
  ),
  'themes.delete': method(z.object({ id: Id, why: Why }).strict(), z.object({ deletedThemes: z.number().int() }), true),
  'themes.attachCode': method(z.object({ themeId: Id, codeId: Id }).strict(), Theme, true),
  'themes.detachCode': method(z.object({ themeId: Id, codeId: Id }).strict(), Theme, true),
  'themes.promote': method(z.object({ id: Id, why: Why }).strict(), Theme, true),
  'themes.discard': method(z.object({ id: Id, why: Why }).strict(), Theme, true),
  'themes.merge': method(z.object({ sourceId: Id, targetId: Id, why: Why }).strict(), Theme, true),
  'themes.split': method(
    z
      .object({
        id: Id,
        why: Why,
        into: z
          .array(z.object({ name: Name, definition: z.string().max(100_000).optional(), codeIds: z.array(Id) }).strict())
          .min(1)
          .max(50),
      })
      .strict(),
    z.object({ original: Theme, created: z.array(Theme) }),
    true,
  ),
  'themes.history': method(z.object({ id: Id.optional() }).strict(), z.array(ThemeEvent)),
  'themes.quotes': method(
    z
      .object({
        id: Id,
        limit: z.number().int().min(1).max(100).default(3),
        coder: z.string().optional(),
        groupBy: z.string().min(1).max(100).default('group'),
      })
      .strict(),
    z.array(Quote),
  ),
  'themes.addLink': method(z.object({ fromId: Id, toId: Id, label: LinkLabel.default('') }).strict(), ThemeLink, true),
  'themes.removeLink': method(z.object({ id: Id }).strict(), Ok, true),
  'themes.updateLink': method(z.object({ id: Id, label: LinkLabel }).strict(), ThemeLink, true),
} as const;
