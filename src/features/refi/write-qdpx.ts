// RefiProject + texts -> .qdpx: a zip with project.qde and sources/<guid>.txt (UTF-8, no BOM;
// REFI-QDA 1.5 sections 8.1 and 8.3 name the folder "sources", and strict readers look only there).
// Every entry has the same fixed time and entries come in a fixed order, so exporting the same
// project twice gives the same bytes.

import { readFileSync } from 'node:fs';
import { zipSync, type Zippable } from 'fflate';
import type { RefiProject } from './model.ts';
import { writeQde } from './write-qde.ts';
import { cleanXmlText, refiGuid } from './write-xml.ts';
import { plural } from '../../core/refi-report.ts';
import { EXPORT_TARGETS, SOURCES_FOLDER, type ExportTarget } from './export-targets.ts';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export interface WriteQdpxOptions {
  /** Gets one line per thing the archive could not carry as given (for the export report). */
  warnings?: string[];
  /** Which program the file is for (see export-targets.ts); the standard by default. */
  target?: ExportTarget;
}

// DOS zip times are local wall-clock times; built from local parts, this reads 2000-01-01 00:00
// in every time zone.
const FIXED_TIME = () => new Date(2000, 0, 1, 0, 0, 0);

/**
 * `texts`: source guid -> the text its selections count in (falls back to plainTextContent).
 * `extra`: more entries by archive path (e.g. 'Thematic/extensions.json'), written after the
 * sources in path order; they may not replace project.qde or a source text.
 */
export function writeQdpx(
  project: RefiProject,
  texts: Map<string, string>,
  extra: Map<string, Uint8Array> = new Map(),
  opts: WriteQdpxOptions = {},
): Uint8Array {
  const warnings = opts.warnings ?? [];
  const entries = new Map<string, Uint8Array>();
  const target = EXPORT_TARGETS[opts.target ?? 'standard'];
  const qde = writeQde(project, { texts: 'files', sourceTexts: texts, warnings, offsets: target.offsets });
  entries.set(target.qdeName, new TextEncoder().encode(qde));
  for (const s of project.sources.flatMap((x) => (x.kind === 'text' ? [x] : (x.transcripts ?? [])))) {
    const text = texts.get(s.guid) ?? s.plainTextContent;
    if (text === undefined) continue; // writeQde reported it and kept the source's own path
    // Only lone surrogates matter here (UTF-8 cannot hold them); TextEncoder makes them U+FFFD.
    const lone = text.match(LONE_SURROGATE)?.length ?? 0;
    if (lone > 0)
      warnings.push(`source "${cleanXmlText(s.name).text}": ${plural(lone, 'unpaired surrogate')} in its text written as U+FFFD`);
    entries.set(`${SOURCES_FOLDER}/${refiGuid(s.guid)}.txt`, new TextEncoder().encode(text));
  }
  // Recordings the export was asked to include (media-export.ts), read only now.
  for (const s of project.sources) if (s.kind !== 'text' && s.mediaFile) entries.set(s.mediaFile.entry, readFileSync(s.mediaFile.file));
  for (const path of [...extra.keys()].sort()) {
    if (entries.has(path) || path.toLowerCase() === target.qdeName.toLowerCase())
      throw new Error(`writeQdpx: extra entry ${path} would replace a REFI-QDA entry`);
    entries.set(path, extra.get(path)!);
  }
  // Level 1: on 10 MB of transcripts it saves over a second against level 6 for ~10% more bytes.
  const zip: Zippable = {};
  for (const [path, data] of entries) zip[path] = [data, { mtime: FIXED_TIME(), level: 1 }];
  return zipSync(zip);
}
