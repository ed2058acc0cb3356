import { UsageError, type Parsed } from './args.ts';
import type { Io } from './io.ts';

export const REPORT_FORMATS = ['segments-csv', 'matrix-csv', 'codebook-docx', 'codebook-md', 'codebook-csv', 'quotes-docx', 'quotes-md', 'quotes-html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

// `thematic export FILE --format <report> --out PATH [--theme NAME]... [--code NAME]...`
export async function cmdExportReport(_p: Parsed, _io: Io, format: ReportFormat): Promise<number> {
  throw new UsageError(`export --format ${format} is not available yet`);
}
