import type { Db } from '../../store/open.ts';
import { collectQuotes } from './quotes.ts';
import { quotesDocx } from './quotes-docx.ts';
import { quotesMarkdown } from './quotes-md.ts';
import { quotesHtml } from './quotes-html.ts';
import { collectCodebook } from './codebook.ts';
import { codebookDocx } from './codebook-docx.ts';
import { codebookMarkdown } from './codebook-md.ts';
import { codebookCsv } from './codebook-csv.ts';
import { segmentsCsv } from './segments-csv.ts';
import { matrixAttribute, matrixCsv } from './matrix-csv.ts';
import type { ReportFile, ReportFormat, ReportOptions } from '../../core/reports/types.ts';

export {
  REPORT_FORMATS,
  MATRIX_COUNTS,
  type ReportFormat,
  type ReportOptions,
  type ReportFile,
  type MatrixCount,
} from '../../core/reports/types.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const CSV = 'text/csv; charset=utf-8';
const MD = 'text/markdown; charset=utf-8';
const utf8 = (s: string) => new TextEncoder().encode(s);

/** Builds one report of the project as a file: its suggested name, media type and bytes. */
export async function exportReport(db: Db, format: ReportFormat, options: ReportOptions = {}): Promise<ReportFile> {
  const base = slug(options.projectName ?? 'project');
  switch (format) {
    case 'quotes-docx':
      return { fileName: `${base}-quotes.docx`, mime: DOCX, bytes: await quotesDocx(collectQuotes(db, options)) };
    case 'quotes-md':
      return { fileName: `${base}-quotes.md`, mime: MD, bytes: utf8(quotesMarkdown(collectQuotes(db, options))) };
    case 'quotes-html':
      return { fileName: `${base}-quotes.html`, mime: 'text/html; charset=utf-8', bytes: utf8(quotesHtml(collectQuotes(db, options))) };
    case 'codebook-docx':
      return { fileName: `${base}-codebook.docx`, mime: DOCX, bytes: await codebookDocx(collectCodebook(db, options)) };
    case 'codebook-md':
      return { fileName: `${base}-codebook.md`, mime: MD, bytes: utf8(codebookMarkdown(collectCodebook(db, options))) };
    case 'codebook-csv':
      return { fileName: `${base}-codebook.csv`, mime: CSV, bytes: codebookCsv(collectCodebook(db, options)) };
    case 'segments-csv':
      return { fileName: `${base}-coded-segments.csv`, mime: CSV, bytes: segmentsCsv(db, options) };
    case 'matrix-csv': {
      const key = matrixAttribute(db, options.attribute);
      return { fileName: `${base}-codes-by-${slug(key)}-${options.count ?? 'segments'}.csv`, mime: CSV, bytes: matrixCsv(db, options) };
    }
  }
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '') || 'project';
