import { toCsv } from '../../lib/csv.ts';

// CSV reports open in Excel as UTF-8 (a BOM) with RFC 4180 quoting; cells starting with = + - @
// get an apostrophe so a spreadsheet never runs transcript text as a formula (numbers are left alone).
export function csvBytes(rows: unknown[][]): Uint8Array {
  return new TextEncoder().encode('\uFEFF' + toCsv(rows));
}
