import { z } from 'zod';
import { Color, Id } from '../../core/model/entities.ts';

// themes and map methods of the API contract (merged into src/api/contract.ts). Pure data.
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

const MapNode = z.object({
  id: z.string(),
  kind: z.enum(['core', 'group', 'theme', 'subtheme', 'code']),
  label: z.string(),
  color: z.string().nullable().optional(),
  parentId: z.string().nullable(),
  candidate: z.boolean().optional(),
});
export const MapInput = z.object({
  nodes: z.array(MapNode),
  links: z.array(z.object({ id: z.string(), from: z.string(), to: z.string(), label: z.string().optional() })),
});
const Point = z.object({ x: z.number().finite(), y: z.number().finite() });
export const Positions = z.record(z.string().min(1).max(200), Point);
export const MapVersion = z.object({
  id: Id,
  name: z.string(),
  note: z.string(),
  actor: z.string(),
  createdAt: z.string(),
  themeCount: z.number().int(),
  codeCount: z.number().int(),
  linkCount: z.number().int(),
});
const VersionName = z.string().trim().min(1).max(200);
const LinkLabel = z.string().trim().max(200);
/** Any family may be named (the SVG names it first); the embedded one draws PNG/PDF (src/core/map/figure-fonts.ts). */
const FontFamily = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[^'"<>;{}]+$/, 'a font family name, without quotes');
const FontSize = z.number().finite().min(4).max(40);
const FigureTitle = z.string().trim().max(300);
export const FigureSettings = z.object({ fontFamily: z.string(), fontSize: z.number(), title: z.string() });
/** A saved version by name, or the working map. */
const MapRef = z.union([z.object({ version: VersionName }).strict(), z.object({ current: z.literal(true) }).strict()]);
const Change = z.object({ id: z.string(), kind: MapNode.shape.kind });
export const MapDiff = z.object({
  added: z.array(MapNode),
  removed: z.array(MapNode),
  renamed: z.array(Change.extend({ from: z.string(), to: z.string() })),
  moved: z.array(Change.extend({ fromParent: z.string().nullable(), toParent: z.string().nullable() })),
  linksAdded: z.array(z.string()),
  linksRemoved: z.array(z.string()),
});

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

  'map.get': method(z.object({ showCodes: z.boolean().default(false) }).strict(), z.object({ input: MapInput, positions: Positions })),
  'map.savePositions': method(z.object({ positions: Positions, replace: z.boolean().default(false) }).strict(), Ok, true),
  'map.saveVersion': method(z.object({ name: VersionName, note: z.string().max(10_000).default('') }).strict(), MapVersion, true),
  'map.deleteVersion': method(z.object({ name: VersionName }).strict(), Ok, true),
  'map.listVersions': method(z.object({}).strict(), z.array(MapVersion)),
  'map.getVersion': method(
    z.object({ name: VersionName }).strict(),
    z.object({ version: MapVersion, input: MapInput, positions: Positions }),
  ),
  /** The map as a publication figure file (same code path as `thematic map`); PNG width in px = widthMm / 25.4 * dpi. */
  'map.export': method(
    z
      .object({
        format: z.enum(['svg', 'png', 'pdf']),
        layout: z.enum(['radial', 'tree', 'free']).default('radial'),
        palette: z.enum(['colorblind', 'greyscale', 'custom']).default('colorblind'),
        showCodes: z.boolean().default(false),
        widthMm: z.number().finite().min(20).max(1000).default(174),
        dpi: z.number().int().min(72).max(1200).default(300),
        version: VersionName.optional(),
        fontSize: FontSize.optional(),
        fontFamily: FontFamily.optional(),
        title: FigureTitle.optional(),
      })
      .strict(),
    z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() }),
  ),
  /** The figure's font family, font size and title as saved with the project (defaults until set). */
  'map.getFigureSettings': method(z.object({}).strict(), FigureSettings),
  'map.saveFigureSettings': method(
    z.object({ fontFamily: FontFamily.optional(), fontSize: FontSize.optional(), title: FigureTitle.optional() }).strict(),
    FigureSettings,
    true,
  ),
  'map.diff': method(z.object({ from: MapRef, to: MapRef }).strict(), MapDiff),
} as const;
