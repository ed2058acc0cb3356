// `thematic reliability DATA.csv`: the agreement engine on any reliability data, outside a project.
// Kept apart from the project commands (and free of the database and the API) so that the
// command starts fast: bin/thematic.mjs loads only this module for it.
import fs from 'node:fs';
import type { Level } from '../core/agreement/index.ts';
import { decodeCsv, reliabilityFromCsv } from '../api/reliability-csv.ts';
import { summarize, type CoefficientSummary } from '../core/agreement/summary.ts';
import { ThematicError } from '../core/errors.ts';
import { flag, parseArgs, UsageError, type Parsed } from './args.ts';
import { processIo, type Io } from './io.ts';

const LEVELS = ['nominal', 'ordinal', 'interval', 'ratio'];

const fmt = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toFixed(3));
const range = (lo: number | null | undefined, hi: number | null | undefined) =>
  lo === null || lo === undefined ? '—' : `[${fmt(lo)}, ${fmt(hi)}]`;

export function intFlag(p: Parsed, name: string, dflt: number, max: number): number {
  const v = flag(p, name);
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || !Number.isSafeInteger(n) || n > max)
    throw new UsageError(`--${name} must be a whole number from 0 to ${max}`);
  return n;
}

/** Plain-text columns (the same look as the project commands' tables). */
function columns(head: string[], rows: string[][]): string {
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  return [head, ...rows]
    .map((r) =>
      r
        .map((c, i) => c.padEnd(width[i]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function coefficientTable(list: CoefficientSummary[]): string {
  return columns(
    ['coefficient', 'value', '95% CI (bootstrap)', 'SE', '95% CI (analytic)', 'units', 'D_o', 'D_e'],
    list.map((c) => [
      c.coefficient,
      c.value === null ? 'undefined' : fmt(c.value),
      range(c.ci?.lower, c.ci?.upper),
      fmt(c.analytic?.se),
      range(c.analytic?.lower, c.analytic?.upper),
      String(c.units),
      fmt(c.observedDisagreement),
      fmt(c.expectedDisagreement),
    ]),
  );
}

/** What a reader of the table needs beside it: undefined coefficients and how the intervals were made. */
export function tableNotes(list: CoefficientSummary[]): string[] {
  const out = list.filter((c) => c.undefinedReason).map((c) => `${c.coefficient} is undefined: ${c.undefinedReason}`);
  const boot = list.find((c) => c.ci)?.ci;
  if (boot) out.push(`Bootstrap: ${boot.method}; ${boot.replicates} replicates, seed ${boot.seed}${boot.note ? `; ${boot.note}` : ''}.`);
  for (const c of list) if (c.analytic) out.push(`${c.coefficient}: ${c.analytic.method}.`);
  for (const c of list) {
    const k = c.krippendorffBootstrap;
    if (k)
      out.push(
        `${c.coefficient}, ${k.method}: ${range(k.lower, k.upper)}, ${k.pairs} pairs of values, ${k.replicates} replicates, seed ${k.seed}${k.qBelow ? `; q(alpha < ${k.qBelow.min}) = ${k.qBelow.q.toFixed(3)}` : ''}.`,
      );
  }
  return out;
}

export async function cmdReliability(p: Parsed, io: Io): Promise<number> {
  const file = p.positionals[0];
  if (!file)
    throw new UsageError(
      'usage: thematic reliability DATA.csv [--level nominal|ordinal|interval|ratio] [--bootstrap N] [--seed N] [--alpha-min 0.667] [--json]',
    );
  const level = (flag(p, 'level') ?? 'nominal') as Level;
  if (!LEVELS.includes(level)) throw new UsageError(`--level must be one of ${LEVELS.join(', ')}`);
  const bootstrap = intFlag(p, 'bootstrap', 1000, 100_000);
  const seed = intFlag(p, 'seed', 1, 2 ** 32 - 1);
  const minText = flag(p, 'alpha-min');
  const min = minText === undefined ? undefined : Number(minText);
  if (min !== undefined && !(min > -1 && min <= 1))
    throw new UsageError('--alpha-min must be a number above -1 and at most 1 (e.g. 0.667)');
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new ThematicError('not_found', `${file}: no such file`);
  }
  const csv = reliabilityFromCsv(await decodeCsv(bytes, file), level, file);
  const data = csv.data;
  const coefficients = summarize(data, { level, bootstrap, seed, krippendorff: min === undefined ? undefined : { min } });
  const out = {
    coders: data.coders,
    units: csv.rows,
    missingValues: csv.missingValues,
    distinctPatterns: data.units.length,
    level,
    bootstrap: {
      replicates: bootstrap,
      seed,
      method: bootstrap > 0 ? 'unit bootstrap: multinomial draws of all units over the distinct unit patterns, percentile limits' : 'none',
    },
    coefficients,
    warnings: csv.warnings,
  };
  if (p.bools.has('json')) io.out(JSON.stringify(out, null, 2));
  else {
    io.out(`${data.coders.length} coders, ${out.units} units, ${csv.missingValues} missing values, level ${level}`);
    io.out(coefficientTable(coefficients));
    for (const line of tableNotes(coefficients)) io.out(line);
  }
  for (const w of csv.warnings) io.err(`note: ${w}`);
  return 0;
}

/** The whole CLI for `thematic reliability ...` alone (bin/thematic.mjs calls it without loading the rest). */
export async function reliabilityMain(argv: string[], io: Io = processIo): Promise<number> {
  try {
    return await cmdReliability(parseArgs(argv.slice(1), ['json']), io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof ThematicError) {
      io.err(`thematic: ${e.message}`);
      return 2;
    }
    io.err(`thematic: ${(e as Error).message ?? e}`);
    return 1;
  }
}
