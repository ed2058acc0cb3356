// Agreement benchmark (issue 5): two coders with N codings each over 500 documents and 200 codes.
// Times every per-code coefficient (plus per document, per group and overall) at the character,
// turn and document levels, and the unitizing alphas; then again with the codings doubled. With
// intervals (cluster bootstrap over documents) per code, and the sample study through the CLI.
// The project is generated straight into SQLite with INSERTs: setting the scene is not measured.
// Usage: npm exec -- node bench/agreement-bench.ts [--codings 100000] [--documents 500] [--codes 200]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openProject, type Db } from '../src/store/open.ts';
import { codeNames, computeOn, unitizingAlphas } from '../src/features/agreement/compute.ts';
import { loadProjectCodings } from '../src/features/agreement/data.ts';
import { buildSample } from '../src/api/sample.ts';
import { arg, now, rng } from './kit.ts';

const N = arg('codings', 100_000),
  DOCS = arg('documents', 500),
  CODES = arg('codes', 200);
const DOC_LEN = 30_000,
  TURN_LEN = 300; // ~5,000-word interviews, 100 turns each

function generate(db: Db, perCoder: number): void {
  const at = '2026-01-01T00:00:00Z';
  const r = rng(42);
  db.transaction(() => {
    db.prepare(`INSERT INTO coders (id, name, created_at) VALUES (1, 'A', ?), (2, 'B', ?)`).run(at, at);
    for (const g of ['patient', 'HCP', 'peer worker', 'employer']) {
      const p = db.prepare('INSERT INTO participants (label, created_at) VALUES (?, ?)').run(`group ${g}`, at).lastInsertRowid;
      db.prepare(`INSERT INTO participant_attributes VALUES (?, 'group', ?)`).run(p, g);
    }
    const text = 'a'.repeat(DOC_LEN);
    const doc =
      db.prepare(`INSERT INTO documents (name, original_filename, format, sha256, text, char_length, word_count, participant_id, imported_at)
      VALUES (?, ?, 'txt', ?, ?, ?, 5000, ?, ?)`);
    const turn = db.prepare('INSERT INTO turns (document_id, idx, speaker, start, end) VALUES (?, ?, ?, ?, ?)');
    for (let d = 1; d <= DOCS; d++) {
      doc.run(`d${d}`, `d${d}.txt`, `sha${d}`, text, DOC_LEN, 1 + (d % 4), at);
      for (let t = 0; t * TURN_LEN < DOC_LEN; t++)
        turn.run(d, t, t % 2 ? 'P' : 'Interviewer', t * TURN_LEN, Math.min(DOC_LEN, (t + 1) * TURN_LEN - 2));
    }
    const code = db.prepare(`INSERT INTO codes (guid, name, color, created_at) VALUES (?, ?, '#888888', ?)`);
    for (let c = 1; c <= CODES; c++) code.run(`g${c}`, `code ${c}`, at);
    const ins = db.prepare(
      'INSERT INTO codings (guid, document_id, code_id, coder_id, start, end, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    let g = 0;
    for (let k = 0; k < perCoder; k++) {
      const d = 1 + (k % DOCS);
      const c = 1 + Math.floor(r() * CODES);
      const start = Math.floor(r() * (DOC_LEN - 600));
      const end = start + 20 + Math.floor(r() * 500);
      ins.run(`c${g++}`, d, c, 1, start, end, at);
      // B: 80% the same passage and code (a third of those with other boundaries), 20% elsewhere.
      const x = r();
      if (x < 0.55) ins.run(`c${g++}`, d, c, 2, start, end, at);
      else if (x < 0.8) ins.run(`c${g++}`, d, c, 2, Math.max(0, start - 30), end + 15, at);
      else {
        const s2 = Math.floor(r() * (DOC_LEN - 600));
        ins.run(`c${g++}`, d, 1 + Math.floor(r() * CODES), 2, s2, s2 + 20 + Math.floor(r() * 500), at);
      }
    }
  })();
}

function scenario(perCoder: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thematic-bench-agreement-'));
  const db = openProject(path.join(dir, 'p.thematic'), { create: true });
  const t0 = now();
  generate(db, perCoder);
  const generateMs = now() - t0;
  const coders = ['A', 'B'];
  const levels: Record<string, unknown> = {};
  let t = now();
  // Read once (codings and turns), as a report computing every level would.
  const docs = loadProjectCodings(db, coders, { turns: true });
  const names = codeNames(db);
  const ctx = { docs, codeName: (k: string) => names.get(k) ?? k };
  const loadMs = now() - t;
  let total = loadMs;
  for (const unit of ['character', 'turn', 'document'] as const) {
    t = now();
    const cpu0 = process.cpuUsage();
    const r = computeOn(ctx, { coders, unit, bootstrap: 0, unitizing: false });
    const ms = now() - t;
    const cpu = process.cpuUsage(cpu0);
    total += ms;
    const kappa = r.overall.coefficients.find((c) => c.coefficient === 'cohen_kappa')!.value;
    levels[unit] = {
      ms: Math.round(ms),
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      codes: r.perCode.length,
      coefficientsPerCode: r.perCode[0].coefficients.length,
      overallUnits: r.overall.units,
      overallKappa: kappa,
    };
  }
  // With intervals (issue 12): the cluster bootstrap over documents, per code, at the CLI's default
  // 500 replicates and the report's 1,000 (the Reconcile view's "Agreement report").
  const intervals: Record<string, unknown> = {};
  for (const unit of ['character', 'turn'] as const) {
    for (const bootstrap of [500, 1000]) {
      t = now();
      const cpu0 = process.cpuUsage();
      const r = computeOn(ctx, { coders, unit, bootstrap, unitizing: false });
      const ms = now() - t;
      const cpu = process.cpuUsage(cpu0);
      const kappa = r.overall.coefficients.find((c) => c.coefficient === 'cohen_kappa')!;
      const perCode = r.perCode[0].coefficients.find((c) => c.coefficient === 'cohen_kappa')!;
      intervals[`${unit}, ${bootstrap} replicates`] = {
        ms: Math.round(ms),
        cpuMs: Math.round((cpu.user + cpu.system) / 1000),
        codesWithIntervals: r.perCode.filter((c) => c.coefficients.some((x) => x.ci)).length,
        overallKappa: [kappa.value, kappa.ci?.lower, kappa.ci?.upper],
        firstCodeKappa: [perCode.value, perCode.ci?.lower, perCode.ci?.upper],
        method: r.bootstrap.method,
      };
    }
  }
  t = now();
  const codes = Array.from({ length: CODES }, (_, i) => String(i + 1));
  const u = unitizingAlphas(docs, coders, codes, (k) => k);
  const unitizingMs = now() - t;
  total += unitizingMs;
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    codingsPerCoder: perCoder,
    documents: DOCS,
    codes: CODES,
    characters: DOCS * DOC_LEN,
    generateMs: Math.round(generateMs),
    loadMs: Math.round(loadMs),
    levels,
    intervals,
    unitizing: {
      ms: Math.round(unitizingMs),
      perCode: u.perCode.length,
      binaryUAlpha: u.binaryUAlpha.value,
      uAlpha: u.uAlpha.value,
      uAlphaNote: u.uAlpha.note ? 'codes overlap within a coder' : undefined,
      krippendorff2004: u.krippendorff2004.overall.value,
      leftOut: u.leftOut.length,
    },
    totalMs: Math.round(total),
  };
}

// Run only as a script (the generator is also imported by profiling scripts).
if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) await main();

/** The sample study through the CLI, as whole processes (start-up included), with intervals. */
async function sample() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thematic-bench-sample-'));
  const file = path.join(dir, 'sample.thematic');
  await buildSample(file, { force: true });
  const bin = path.resolve(import.meta.dirname, '../bin/thematic.mjs');
  const out: Record<string, unknown> = {};
  for (const unit of ['character', 'turn']) {
    const t = now();
    const r = spawnSync(process.execPath, [bin, 'agreement', file, '--coders', 'Amira,Ben', '--unit', unit, '--json'], {
      encoding: 'utf8',
      maxBuffer: 2 ** 28,
    });
    const ms = now() - t;
    if (r.status !== 0) throw new Error(r.stderr);
    const j = JSON.parse(r.stdout);
    const k = j.overall.coefficients.find((c: { coefficient: string }) => c.coefficient === 'cohen_kappa');
    out[unit] = {
      processMs: Math.round(ms),
      codes: j.perCode.length,
      replicates: j.bootstrap.replicates,
      overallKappa: [k.value, k.ci.lower, k.ci.upper],
      method: j.bootstrap.method,
    };
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return out;
}

async function main() {
  const sampleStudy = await sample();
  const base = scenario(N);
  const doubled = scenario(2 * N);
  console.log(
    JSON.stringify(
      {
        bench: 'agreement',
        node: process.version,
        targetMs: 2000,
        loadAverage: os.loadavg().map((x) => +x.toFixed(2)),
        sampleStudy,
        base,
        doubled,
        growth: +(doubled.totalMs / base.totalMs).toFixed(2),
        withinTarget: base.totalMs <= 2000,
      },
      null,
      2,
    ),
  );
}
