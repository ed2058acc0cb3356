// Reliability benchmark (issue 12): `thematic reliability` against R's psych::cohen.kappa, both run
// as whole processes (start-up, reading the CSV and all), alternating, in the same run.
// Data sets: 200,000 units x 2 coders x 5 categories (target: at most half of R's time, with the
// default 1,000-replicate bootstrap and the analytic intervals, and kappa equal to R's to 1e-9);
// 10 coders x 20,000 units (Krippendorff's alpha, Fleiss' kappa; psych has neither, so no R);
// 1,000,000 units x 2 coders. Times are wall-clock and CPU (user + system) medians.
// Usage: npm exec -- node bench/reliability-bench.ts [--runs 5]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { arg, rng } from './kit.ts';

const RUNS = arg('runs', 5);
const BIN = path.resolve(import.meta.dirname, '../bin/thematic.mjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thematic-bench-reliability-'));

/** Units whose coders mostly agree on a skewed "true" category; `missing` of the values left empty. */
function generate(file: string, units: number, coders: number, categories: number, missing: number, seed: number) {
  const r = rng(seed);
  const lines = [Array.from({ length: coders }, (_, i) => `coder${i + 1}`).join(',')];
  for (let u = 0; u < units; u++) {
    const truth = Math.min(categories - 1, Math.floor(categories * r() * r() * 1.6));
    const row: string[] = [];
    for (let c = 0; c < coders; c++) row.push(r() < missing ? '' : String(1 + (r() < 0.8 ? truth : Math.floor(r() * categories))));
    lines.push(row.join(','));
  }
  fs.writeFileSync(file, lines.join('\n') + '\n');
}

/** One whole process, timed by bash's `time` (wall, user + system CPU in seconds). */
function timed(command: string, args: string[]): { wallMs: number; cpuMs: number; stdout: string } {
  const out = path.join(dir, 'out.txt');
  const quoted = [command, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('bash', ['-c', `TIMEFORMAT='%3R %3U %3S'; time ${quoted} > '${out}'`], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${command} failed: ${r.stderr}`);
  const [wall, user, sys] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  return { wallMs: Math.round(wall * 1000), cpuMs: Math.round((user + sys) * 1000), stdout: fs.readFileSync(out, 'utf8') };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const R_SCRIPT = (file: string) =>
  `suppressMessages(library(psych)); d <- read.csv("${file}"); k <- cohen.kappa(d); cat(sprintf("%.17g %.17g", k$kappa, sqrt(k$var.kappa)))`;

function compare(name: string, file: string, withR: boolean) {
  const ours: Array<{ wallMs: number; cpuMs: number }> = [];
  const theirs: Array<{ wallMs: number; cpuMs: number }> = [];
  let json: {
    units: number;
    distinctPatterns: number;
    coefficients: Array<{
      coefficient: string;
      value: number;
      analytic: { se: number } | null;
      ci: { lower: number; upper: number } | null;
    }>;
  } | null = null;
  let rOut = '';
  for (let i = 0; i < RUNS; i++) {
    if (withR) {
      const r = timed('Rscript', ['-e', R_SCRIPT(file)]);
      theirs.push(r);
      rOut = r.stdout;
    }
    const t = timed(process.execPath, [BIN, 'reliability', file, '--json']);
    ours.push(t);
    json = JSON.parse(t.stdout);
  }
  const get = (c: string) => json!.coefficients.find((x) => x.coefficient === c);
  const summary = (xs: Array<{ wallMs: number; cpuMs: number }>) => ({
    wallMs: median(xs.map((x) => x.wallMs)),
    cpuMs: median(xs.map((x) => x.cpuMs)),
    wallMsAll: xs.map((x) => x.wallMs),
  });
  const out: Record<string, unknown> = {
    name,
    units: json!.units,
    distinctPatterns: json!.distinctPatterns,
    thematic: summary(ours),
    coefficients: Object.fromEntries(
      json!.coefficients.map((c) => [
        c.coefficient,
        { value: c.value, se: c.analytic?.se ?? null, bootstrap95: c.ci ? [c.ci.lower, c.ci.upper] : null },
      ]),
    ),
  };
  if (withR) {
    const [kappa, se] = rOut.trim().split(/\s+/).map(Number);
    const r = summary(theirs);
    Object.assign(out, {
      r: { ...r, kappa, se },
      kappaDifference: Math.abs(get('cohen_kappa')!.value - kappa),
      seDifference: Math.abs(get('cohen_kappa')!.analytic!.se - se),
      wallRatio: +(summary(ours).wallMs / r.wallMs).toFixed(3),
      cpuRatio: +(summary(ours).cpuMs / r.cpuMs).toFixed(3),
    });
  }
  return out;
}

const a = path.join(dir, 'two-200k.csv');
const b = path.join(dir, 'ten-20k.csv');
const c = path.join(dir, 'two-1m.csv');
generate(a, 200_000, 2, 5, 0, 1);
generate(b, 20_000, 10, 5, 0.1, 2);
generate(c, 1_000_000, 2, 5, 0, 3);
const results = [
  compare('200,000 units x 2 coders x 5 categories', a, true),
  compare('10 coders x 20,000 units (10% missing)', b, false),
  compare('1,000,000 units x 2 coders', c, true),
];
fs.rmSync(dir, { recursive: true, force: true });
const first = results[0] as { wallRatio: number; kappaDifference: number };
console.log(
  JSON.stringify(
    {
      bench: 'reliability',
      node: process.version,
      runs: RUNS,
      cpus: os.cpus().length,
      loadAverage: os.loadavg().map((x) => +x.toFixed(2)),
      target: 'thematic reliability at most half of R psych::cohen.kappa (wall, same run) on 200,000 x 2 x 5, kappa within 1e-9',
      withinTarget: first.wallRatio <= 0.5 && first.kappaDifference <= 1e-9,
      results,
    },
    null,
    2,
  ),
);
