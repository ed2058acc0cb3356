// Node only: where the bundled map font lives and its TTF form (resvg and pdfkit need TTF).
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { woffToTtf } from './woff.ts';
import { withTypographicFamily } from './font-names.ts';
import { DEFAULT_FONT_FAMILY } from '../../core/map/figure-fonts.ts';

/** The family whose files are embedded (the one family a figure may be set in; see figure-fonts.ts). */
export const FONT_FAMILY = DEFAULT_FONT_FAMILY;
export const FONT_WEIGHTS = [400, 600] as const;
export type FontWeight = (typeof FONT_WEIGHTS)[number];

// Not named `require`: the Electron bundle rewrites import.meta.url into a call of the CommonJS
// require, which a local `require` would shadow (and call before it exists).
const requireHere = createRequire(import.meta.url);

export function fontFilePath(weight: FontWeight, format: 'woff' | 'woff2'): string {
  return requireHere.resolve(`@fontsource/ibm-plex-sans/files/ibm-plex-sans-latin-${weight}-normal.${format}`);
}

const ttfCache = new Map<FontWeight, Uint8Array>();

export function fontTtf(weight: FontWeight): Uint8Array {
  let ttf = ttfCache.get(weight);
  if (!ttf) {
    ttf = withTypographicFamily(woffToTtf(readFileSync(fontFilePath(weight, 'woff'))), FONT_FAMILY);
    ttfCache.set(weight, ttf);
  }
  return ttf;
}

/** resvg-js 2.6 loads fonts only from files, so the converted TTFs are written once to a temp dir. */
export function fontTtfFiles(): string[] {
  const dir = join(tmpdir(), 'thematic-map-fonts-v2');
  mkdirSync(dir, { recursive: true });
  return FONT_WEIGHTS.map((w) => {
    const file = join(dir, `IBMPlexSans-latin-${w}.ttf`);
    const ttf = fontTtf(w);
    // Write when missing or stale (another version of the package may have left a different file).
    if (!existsSync(file) || readFileSync(file).length !== ttf.length) writeFileSync(file, ttf);
    return file;
  });
}
