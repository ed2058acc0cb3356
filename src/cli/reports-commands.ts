import { flag, flags, UsageError, type Parsed } from './args.ts';
import type { Io } from './io.ts';
import { withProject, writeOutputFile } from './project-commands.ts';
import { MATRIX_COUNTS, REPORT_FORMATS, type MatrixCount, type ReportFormat } from '../core/reports/types.ts';

const USAGE = `usage: thematic export FILE --format ${REPORT_FORMATS.join('|')} --out PATH
       [--theme NAME]... [--code NAME]... [--coder NAME] [--attribution KEY,KEY] [--timestamps]
       [--attribute KEY] [--count ${MATRIX_COUNTS.join('|')}]`;

// `thematic export FILE --format <report> --out PATH [--theme NAME]... [--code NAME]...`
export async function cmdExportReport(p: Parsed, io: Io, format: ReportFormat): Promise<number> {
  const file = p.positionals[0];
  const out = flag(p, 'out');
  if (!file || !out) throw new UsageError(`--out PATH is required\n${USAGE}`);
  const count = flag(p, 'count');
  if (count !== undefined && !(MATRIX_COUNTS as readonly string[]).includes(count))
    throw new UsageError(`--count must be one of ${MATRIX_COUNTS.join(', ')}; got "${count}"`);
  const attribution = flag(p, 'attribution');
  const r = await withProject(file, (s) =>
    s.call('reports.export', {
      format,
      themes: flags(p, 'theme').length ? flags(p, 'theme') : undefined,
      codes: flags(p, 'code').length ? flags(p, 'code') : undefined,
      // "--attribution ''" turns attribution values off: the participant label alone.
      attribution:
        attribution === undefined
          ? undefined
          : attribution
              .split(',')
              .map((k) => k.trim())
              .filter(Boolean),
      timestamps: p.bools.has('timestamps') || undefined,
      coder: flag(p, 'coder'),
      attribute: flag(p, 'attribute'),
      count: count as MatrixCount | undefined,
    }),
  );
  const bytes = Buffer.from(r.contentBase64, 'base64');
  writeOutputFile(out, bytes);
  io.out(`Wrote ${out} (${format}, ${bytes.length.toLocaleString('en')} bytes)`);
  return 0;
}
