import fs from 'node:fs';
import path from 'node:path';
import { flag, UsageError, type Parsed } from './args.ts';
import type { Io } from './io.ts';
import { actor, readInputFile, withProject, writeOutputFile } from './project-commands.ts';
import { ThematicError } from '../core/errors.ts';
import { renderExportReport, renderImportReport } from '../core/refi-report.ts';

// `thematic import FILE X.qdpx|X.qde|X.qdc` and `thematic export FILE --format qdpx|qdc --out PATH`.

const IMPORT_USAGE =
  'usage: thematic import FILE PROJECT.qdpx|PROJECT.qde|CODEBOOK.qdc [--as another-coder [--coder NAME]] [--identical-text separate|merge] [--document-groups groups|attributes] [--json]';

/** A flag that takes one of a few words, or a usage error naming them. */
function choice<T extends string>(p: Parsed, name: string, allowed: readonly T[], usage: string): T | undefined {
  const v = flag(p, name);
  if (v !== undefined && !allowed.includes(v as T)) throw new UsageError(`--${name} must be ${allowed.join(' or ')}, not "${v}"\n${usage}`);
  return v as T | undefined;
}

function importOptions(p: Parsed) {
  const as = choice(p, 'as', ['study', 'another-coder'] as const, IMPORT_USAGE);
  const coder = flag(p, 'coder');
  if (coder !== undefined && as !== 'another-coder') throw new UsageError(`--coder goes with --as another-coder\n${IMPORT_USAGE}`);
  const groups = choice(p, 'document-groups', ['groups', 'attributes'] as const, IMPORT_USAGE);
  return {
    ...(as ? { mode: as } : {}),
    ...(coder !== undefined ? { coder } : {}),
    ...(flag(p, 'identical-text') ? { identicalText: choice(p, 'identical-text', ['separate', 'merge'] as const, IMPORT_USAGE) } : {}),
    ...(groups ? { groupsAsAttributes: groups === 'attributes' } : {}),
  };
}

export async function cmdImportRefi(p: Parsed, io: Io): Promise<number> {
  const [file, input, ...more] = p.positionals;
  if (!file || !input || more.length) throw new UsageError(IMPORT_USAGE);
  const options = importOptions(p);
  const bytes = readInputFile(input);
  // A new project file is created for the import, and removed again if the import fails (withProject).
  return withProject(
    file,
    async (s) => {
      let shown = 0;
      const onProgress = ({ stage, done, total }: { stage: string; done: number; total: number }) => {
        if (total >= 1000 && (done === total || Date.now() - shown > 500)) {
          shown = Date.now();
          io.err(`importing ${stage}: ${done} of ${total}`);
        }
      };
      const r = await s.call(
        'refi.import',
        { fileName: path.basename(input), contentBase64: bytes.toString('base64'), ...options },
        { actor: actor(), onProgress },
      );
      io.out(p.bools.has('json') ? JSON.stringify(r, null, 2) : renderImportReport(r));
      return 0;
    },
    true,
  );
}

export async function cmdExportRefi(p: Parsed, io: Io, format: 'qdpx' | 'qdc'): Promise<number> {
  const file = p.positionals[0];
  const out = flag(p, 'out');
  const usage = `usage: thematic export FILE --format ${format} --out PATH.${format}${format === 'qdpx' ? ' [--target standard|nvivo] [--with-media]' : ''} [--json]`;
  if (!file || !out) throw new UsageError(usage);
  const target = format === 'qdpx' ? choice(p, 'target', ['standard', 'nvivo'] as const, usage) : undefined;
  if (format === 'qdc' && flag(p, 'target')) throw new UsageError(`--target is for --format qdpx\n${usage}`);
  if (format === 'qdc' && p.bools.has('with-media'))
    throw new UsageError('--with-media is for --format qdpx: a codebook holds no recordings');
  if (!fs.existsSync(file)) throw new ThematicError('not_found', `${file}: no such project`);
  return withProject(file, async (s) => {
    const r = await s.call(
      'refi.export',
      { format, ...(target ? { target } : {}), ...(p.bools.has('with-media') ? { includeMedia: true } : {}) },
      { actor: actor() },
    );
    writeOutputFile(out, Buffer.from(r.contentBase64, 'base64'));
    const report = { ...r.report, fileName: path.basename(out) };
    io.out(p.bools.has('json') ? JSON.stringify(report, null, 2) : renderExportReport(report));
    return 0;
  });
}
