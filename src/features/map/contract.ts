import { z } from 'zod';
import { Id } from '../../core/model/entities.ts';

// The thematic map: the themes laid out as a figure, its saved positions and versions, its export.

const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, mutates = false) => ({ input, output, mutates });
const Ok = z.object({ ok: z.literal(true) });

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

export const mapMethods = {
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
