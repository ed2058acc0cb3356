// The reports a paper needs, and the choices a researcher makes when exporting one.
export const REPORT_FORMATS = [
  'segments-csv',
  'matrix-csv',
  'codebook-docx',
  'codebook-md',
  'codebook-csv',
  'quotes-docx',
  'quotes-md',
  'quotes-html',
] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const MATRIX_COUNTS = ['segments', 'participants', 'documents'] as const;
export type MatrixCount = (typeof MATRIX_COUNTS)[number];

export interface ReportOptions {
  /** Theme names: those themes and their sub-themes. */
  themes?: string[];
  /** Code names or paths ("Parent > Child"). */
  codes?: string[];
  /** Participant attribute keys shown after the participant label; undefined = a sensible default. */
  attribution?: string[];
  /** "[00:12:34]" after a quote whose speaker turn has a start time. */
  timestamps?: boolean;
  coder?: string;
  /** The attribute whose values are the matrix columns. */
  attribute?: string;
  count?: MatrixCount;
  projectName?: string;
  /** The date printed in report headers (YYYY-MM-DD); today by default. */
  date?: string;
}

export interface ReportFile {
  fileName: string;
  mime: string;
  bytes: Uint8Array;
}
