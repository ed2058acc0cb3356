// Reliability data from a CSV table: a header row of coder names, one row per unit, an empty cell
// for a missing value. Numbers stay numbers (so ordinal/interval/ratio levels can measure
// distances); anything else is a category label. Identical rows are counted, not kept: the result
// holds each distinct row once with its count (a million rows of two coders are at most a few
// dozen patterns). Every problem names the line of the file it is on.
import type { Cell, ReliabilityData } from '../../core/agreement/index.ts';
import { ThematicError } from '../../core/errors.ts';

export interface CsvReliability {
  data: ReliabilityData;
  /** Unit rows read (blank lines skipped). */
  rows: number;
  missingValues: number;
  /** Things the reader accepted but the researcher should know (rows with fewer cells, ...). */
  warnings: string[];
}

const bad = (message: string) => new ThematicError('invalid_input', message);

/**
 * The file's bytes as text: UTF-8, with or without a BOM. Only a file that is not valid UTF-8 loads
 * the transcripts' byte finder to say where (the reliability command starts without it).
 */
export async function decodeCsv(bytes: Uint8Array, file: string): Promise<string> {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw bad(`${file}: UTF-16 text; save the CSV as UTF-8`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    const { firstInvalidUtf8 } = await import('../../lib/decode.ts');
    throw bad(`${file}: not valid UTF-8 (byte ${firstInvalidUtf8(body) + bytes.length - body.length}); save the CSV as UTF-8`);
  }
}

/**
 * The cells of the quoted record that starts at text[i] (RFC 4180: doubled quotes, commas and line
 * breaks inside quotes), the index after it and how many line breaks it spans.
 */
function quotedRecord(text: string, i: number, line: number, file: string): { cells: string[]; next: number; lines: number } {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  let lines = 0;
  let j = i;
  for (; j < text.length; j++) {
    const ch = text[j];
    if (quoted) {
      if (ch === '"') {
        if (text[j + 1] === '"') {
          cell += '"';
          j++;
        } else quoted = false;
      } else {
        if (ch === '\n') lines++;
        cell += ch;
      }
    } else if (ch === '"') {
      if (cell.trim() !== '')
        throw bad(`${file}, line ${line + lines}: a quote inside an unquoted cell ("${cell}"); quote the whole cell and double the quote`);
      quoted = true;
      cell = '';
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n') break;
    else if (ch !== '\r' || text[j + 1] !== '\n') cell += ch;
  }
  if (quoted) throw bad(`${file}, line ${line}: a quoted cell is never closed`);
  cells.push(cell);
  return { cells, next: j + 1, lines: lines + 1 };
}

// A quoted record's key: its cells, marked so that it cannot be mistaken for a plain line.
const QUOTED = '\u0001';

/** Reads reliability data; `level` other than nominal needs every value to be a number. */
export function reliabilityFromCsv(csv: string, level: string, file = 'the CSV'): CsvReliability {
  const text = csv.replace(/^\uFEFF/, '');
  // Pass 1: count identical lines. A plain line is hashed where it lies and compared with the
  // lines already seen, so the common case allocates nothing per row.
  const counts = new Map<string, number>();
  const firstLine = new Map<string, number>();
  const seen = new Map<number, string[]>();
  let header: { cells: string[]; line: number } | null = null;
  let line = 1;
  const n = text.length;
  for (let i = 0; i < n;) {
    let h = 0x811c9dc5;
    let quote = false;
    let blank = true;
    let end = i;
    for (; end < n; end++) {
      const ch = text.charCodeAt(end);
      if (ch === 10) break;
      if (ch === 34) quote = true;
      else if (ch !== 32 && ch !== 9 && ch !== 13) blank = false;
      h = Math.imul(h ^ ch, 16777619);
    }
    const at = line;
    let key: string | undefined;
    if (quote) {
      const r = quotedRecord(text, i, line, file);
      key = QUOTED + r.cells.map((c) => c.trim()).join('\u0000');
      i = r.next;
      line += r.lines;
      if (r.cells.every((c) => c.trim() === '')) continue;
    } else {
      const stop = text.charCodeAt(end - 1) === 13 ? end - 1 : end;
      const len = stop - i;
      const from = i;
      i = end + 1;
      line++;
      if (blank) continue;
      const bucket = seen.get(h);
      key = bucket?.find((k) => k.length === len && text.startsWith(k, from));
      if (key === undefined) {
        key = text.slice(from, stop);
        if (bucket) bucket.push(key);
        else seen.set(h, [key]);
      }
    }
    if (!header) {
      header = { cells: key.startsWith(QUOTED) ? key.slice(1).split('\u0000') : key.split(','), line: at };
      continue;
    }
    const c = counts.get(key);
    if (c === undefined) {
      counts.set(key, 1);
      firstLine.set(key, at);
    } else counts.set(key, c + 1);
  }
  if (!header) throw bad(`${file}: empty; it needs a header row of coder names and one row per unit`);
  const coders = header.cells.map((c) => c.trim());
  if (coders.length < 2)
    throw bad(`${file}, line ${header.line}: the header names ${coders.length} coder; agreement needs at least two coder columns`);
  const empty = coders.findIndex((c) => c === '');
  if (empty >= 0) throw bad(`${file}, line ${header.line}: column ${empty + 1} of the header row has no coder name`);
  const dup = coders.find((c, k) => coders.indexOf(c) !== k);
  if (dup !== undefined) throw bad(`${file}, line ${header.line}: coder "${dup}" appears twice in the header row`);
  if (counts.size === 0) throw bad(`${file}: only a header row; add one row per unit with each coder's value`);
  // Pass 2, once per distinct line: cells, checks, and lines that differ only in spacing merged.
  const rowsOf = new Map<string, { cells: string[]; count: number; line: number }>();
  const short: number[] = [];
  let rows = 0;
  for (const [key, count] of counts) {
    const at = firstLine.get(key)!;
    const cells = key.startsWith(QUOTED) ? key.slice(1).split('\u0000') : key.split(',').map((c) => c.trim());
    if (cells.length > coders.length) throw bad(`${file}, line ${at}: ${cells.length} cells, but the header names ${coders.length} coders`);
    if (cells.length < coders.length) {
      short.push(at);
      while (cells.length < coders.length) cells.push('');
    }
    const k = cells.join('\u0000');
    const r = rowsOf.get(k);
    if (r) {
      r.count += count;
      r.line = Math.min(r.line, at);
    } else rowsOf.set(k, { cells, count, line: at });
    rows += count;
  }
  short.sort((x, y) => x - y);
  // Numbers stay numbers only if every value is one.
  const distinct = [...rowsOf.values()];
  const numeric = distinct.every((r) => r.cells.every((v) => v === '' || Number.isFinite(Number(v))));
  if (level !== 'nominal' && !numeric) {
    const r = distinct.filter((x) => x.cells.some((v) => v !== '' && !Number.isFinite(Number(v)))).sort((x, y) => x.line - y.line)[0];
    const j = r.cells.findIndex((v) => v !== '' && !Number.isFinite(Number(v)));
    throw bad(
      `${file}, line ${r.line}, coder "${coders[j]}": "${r.cells[j]}" is not a number, and level ${level} needs numeric values (use --level nominal for category labels)`,
    );
  }
  const units: Cell[][] = distinct.map((r) => r.cells.map((v) => (v === '' ? null : numeric ? Number(v) : v)));
  const weights = distinct.map((r) => r.count);
  let missingValues = 0;
  units.forEach((r, u) => {
    for (const v of r) if (v === null) missingValues += weights[u];
  });
  const warnings: string[] = [];
  if (short.length)
    warnings.push(
      `line${short.length > 1 ? 's' : ''} ${short.slice(0, 5).join(', ')}${short.length > 5 ? ` and ${short.length - 5} more` : ''} had fewer cells than coders; the cells left out count as missing values`,
    );
  if (missingValues === rows * coders.length) warnings.push('every value is missing');
  return { data: { coders, units, weights }, rows, missingValues, warnings };
}
