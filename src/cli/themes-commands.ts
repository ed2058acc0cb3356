import path from 'node:path';
import type { Parsed } from './args.ts';
import { flag, UsageError } from './args.ts';
import type { Io } from './io.ts';
import { withProject, writeOutputFile } from './project-commands.ts';
import { exportFigure, FIGURE_FORMATS, type FigureFormat, type FigureOptions } from '../api/files.ts';
import type { MapLayoutKind, MapPalette } from '../core/map/types.ts';

const LAYOUTS: MapLayoutKind[] = ['radial', 'tree', 'free'];
const PALETTES: MapPalette[] = ['colorblind', 'greyscale', 'custom'];

function oneOf<T extends string>(p: Parsed, name: string, allowed: readonly T[], fallback: T): T {
  const v = flag(p, name) ?? fallback;
  if (!(allowed as readonly string[]).includes(v)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}; got "${v}"`);
  return v as T;
}

function number(p: Parsed, name: string, fallback: number, min: number, max: number): number {
  const raw = flag(p, name);
  if (raw === undefined) return fallback;
  const v = Number(raw);
  if (!Number.isFinite(v) || v < min || v > max) throw new UsageError(`--${name} must be a number from ${min} to ${max}; got "${raw}"`);
  return v;
}

const MAP_USAGE =
  'usage: thematic map FILE --out map.svg|map.png|map.pdf [--width-mm 174] [--dpi 300] [--layout radial|tree|free]\n' +
  '       [--palette colorblind|greyscale|custom] [--version NAME] [--codes yes|no] [--font-size PT] [--font-family NAME] [--title TEXT]';

/** `thematic map`: the thematic map as a publication figure (vector SVG/PDF with the font embedded, PNG at a dpi). */
async function cmdMap(p: Parsed, io: Io): Promise<number> {
  const [file] = p.positionals;
  const out = flag(p, 'out');
  if (!file || !out) throw new UsageError(MAP_USAGE);
  const format = path.extname(out).slice(1).toLowerCase();
  if (!(FIGURE_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--out must end in .svg, .png or .pdf; got "${out}"`);
  const widthMm = number(p, 'width-mm', 174, 20, 1000);
  const dpi = number(p, 'dpi', 300, 72, 2400);
  const codes = oneOf(p, 'codes', ['yes', 'no'], 'no');
  const options: FigureOptions = {
    format: format as FigureFormat,
    dpi,
    layout: oneOf(p, 'layout', LAYOUTS, 'radial'),
    palette: oneOf(p, 'palette', PALETTES, 'colorblind'),
    showCodes: codes === 'yes',
    fontSize: flag(p, 'font-size') === undefined ? undefined : number(p, 'font-size', 9, 4, 40),
    fontFamily: flag(p, 'font-family'),
    widthMm,
    title: flag(p, 'title'),
  };
  const version = flag(p, 'version');
  const { input, positions, figure } = await withProject(file, async (s) => ({
    ...(version ? await s.call('map.getVersion', { name: version }) : await s.call('map.get', { showCodes: true })),
    figure: await s.call('map.getFigureSettings', {}),
  }));
  // The figure settings saved in the project (Map view) are the defaults; flags override them.
  options.fontSize ??= figure.fontSize;
  options.fontFamily ??= figure.fontFamily;
  options.title ??= figure.title || undefined;
  if (!input.nodes.length)
    throw new UsageError(`${path.basename(file)} has no themes yet, so there is no map to draw; create some with the theme board`);
  const bytes = await exportFigure(input, positions, options);
  writeOutputFile(out, bytes);
  const themes = input.nodes.filter((n) => n.kind === 'theme' || n.kind === 'subtheme').length;
  io.out(
    `Wrote ${out}: ${themes} themes${version ? ` (version "${version}")` : ''}, ${widthMm} mm wide${format === 'png' ? ` at ${dpi} dpi` : ''}`,
  );
  return 0;
}

/** `thematic themes`: the theme tree with codes, coding counts and group coverage. */
async function cmdThemes(p: Parsed, io: Io): Promise<number> {
  return withProject(p.positionals[0], async (s) => {
    const list = await s.call('themes.list', { groupBy: flag(p, 'group-by') ?? 'group' });
    if (p.bools.has('json')) {
      io.out(JSON.stringify(list, null, 2));
      return 0;
    }
    if (!list.themes.length) {
      io.out('No themes yet.');
      return 0;
    }
    const depth = new Map<number, number>();
    for (const t of list.themes) {
      const d = t.parentId === null ? 0 : depth.get(t.parentId)! + 1;
      depth.set(t.id, d);
      const status = t.status === 'active' ? '' : ` [${t.status}]`;
      const cover = t.groups.map((g) => `${g.group} ${g.covered}/${g.total}`).join(', ');
      const facts = t.kind === 'core' ? '' : `  (${t.codes.length} codes, ${t.codingCount} codings${cover ? `; ${cover}` : ''})`;
      io.out(`${'  '.repeat(d)}${t.kind === 'core' ? '◉' : t.kind === 'group' ? '■' : '•'} ${t.name}${status}${facts}`);
    }
    if (list.unattachedCodeIds.length) io.out(`\n${list.unattachedCodeIds.length} codes are not attached to any theme yet.`);
    return 0;
  });
}

/** CLI commands for themes: name -> handler (returns the exit code). */
export const themesCommands: Record<string, (p: Parsed, io: Io) => Promise<number>> = { map: cmdMap, themes: cmdThemes };
