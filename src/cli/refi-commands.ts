import fs from 'node:fs';
import path from 'node:path';
import { flag, UsageError, type Parsed } from './args.ts';
import type { Io } from './io.ts';
import { actor, readInputFile, withProject } from './project-commands.ts';
import { ThematicError } from '../core/errors.ts';
import { renderExportReport, renderImportReport } from '../interop/refi/report.ts';

// `thematic import FILE X.qdpx|X.qde|X.qdc` and `thematic export FILE --format qdpx|qdc --out PATH`.

export async function cmdImportRefi(p: Parsed, io: Io): Promise<number> {
  const [file, input, ...more] = p.positionals;
  if (!file || !input || more.length) throw new UsageError('usage: thematic import FILE PROJECT.qdpx|PROJECT.qde|CODEBOOK.qdc [--json]');
  const bytes = readInputFile(input);
  // A new project file is created for the import, and removed again if the import fails.
  const existed = fs.existsSync(file);
  try {
    return await withProject(file, async (s) => {
      const r = await s.call('refi.import', { fileName: path.basename(input), contentBase64: bytes.toString('base64') }, { actor: actor() });
      io.out(p.bools.has('json') ? JSON.stringify(r, null, 2) : renderImportReport(r));
      return 0;
    }, true);
  } catch (e) {
    if (!existed) for (const ext of ['', '-wal', '-shm']) fs.rmSync(file + ext, { force: true });
    throw e;
  }
}

export async function cmdExportRefi(p: Parsed, io: Io, format: 'qdpx' | 'qdc'): Promise<number> {
  const file = p.positionals[0];
  const out = flag(p, 'out');
  if (!file || !out) throw new UsageError(`usage: thematic export FILE --format ${format} --out PATH.${format} [--json]`);
  if (!fs.existsSync(file)) throw new ThematicError('not_found', `${file}: no such project`);
  return withProject(file, async (s) => {
    const r = await s.call('refi.export', { format }, { actor: actor() });
    fs.writeFileSync(out, Buffer.from(r.contentBase64, 'base64'));
    const report = { ...r.report, fileName: path.basename(out) };
    io.out(p.bools.has('json') ? JSON.stringify(report, null, 2) : renderExportReport(report));
    return 0;
  });
}
