// Reliability data from a CSV table: a header row of coder names, one row per unit, an empty cell
// for a missing value. Numbers stay numbers (so ordinal/interval/ratio levels can measure
// distances); anything else is a category label.
import { parseCsv } from '../interop/csv.ts';
import type { Cell, ReliabilityData } from '../agreement/index.ts';
import { ThematicError } from './errors.ts';

export function reliabilityFromCsv(text: string, level: string): ReliabilityData {
  let rows: string[][];
  try { rows = parseCsv(text); } catch (e) { throw new ThematicError('invalid_input', `CSV: ${(e as Error).message}`); }
  if (rows.length < 2) throw new ThematicError('invalid_input', 'CSV needs a header row of coder names and at least one unit row');
  const coders = rows[0].map((c) => c.trim());
  if (coders.length < 2) throw new ThematicError('invalid_input', 'CSV needs at least two coder columns');
  if (coders.some((c) => c === '')) throw new ThematicError('invalid_input', 'every column of the header row needs a coder name');
  const body = rows.slice(1);
  body.forEach((r, i) => {
    if (r.length > coders.length) throw new ThematicError('invalid_input', `CSV row ${i + 2} has ${r.length} cells but the header names ${coders.length} coders`);
  });
  const cells = body.map((r) => coders.map((_, j) => (r[j] ?? '').trim()));
  const numeric = cells.every((r) => r.every((v) => v === '' || Number.isFinite(Number(v))));
  if (level !== 'nominal' && !numeric) {
    const bad = cells.flat().find((v) => v !== '' && !Number.isFinite(Number(v)));
    throw new ThematicError('invalid_input', `level ${level} needs numeric values; found "${bad}"`);
  }
  const units: Cell[][] = cells.map((r) => r.map((v) => (v === '' ? null : numeric ? Number(v) : v)));
  return { coders, units };
}
