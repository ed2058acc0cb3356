import { flag, UsageError, type Parsed } from './args.ts';
import type { Io } from './io.ts';
import { cmdExportRefi } from './refi-commands.ts';
import { cmdExportReport } from './reports-commands.ts';
import { REPORT_FORMATS, type ReportFormat } from '../core/reports/types.ts';

const FORMATS = ['qdpx', 'qdc', ...REPORT_FORMATS];

/** `thematic export FILE --format F --out PATH`: REFI-QDA files and the reports for a paper. */
export async function cmdExport(p: Parsed, io: Io): Promise<number> {
  const format = flag(p, 'format');
  if (!p.positionals[0] || !format)
    throw new UsageError(`usage: thematic export FILE --format ${FORMATS.join('|')} --out PATH [--theme NAME]... [--code NAME]...`);
  if (format === 'qdpx' || format === 'qdc') return cmdExportRefi(p, io, format);
  if ((REPORT_FORMATS as readonly string[]).includes(format)) return cmdExportReport(p, io, format as ReportFormat);
  throw new UsageError(`unknown export format "${format}"; choose one of ${FORMATS.join(', ')}`);
}
