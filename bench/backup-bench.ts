// Backup benchmark (issue 13): on the 1,000,000-codings project of the codings benchmark, coding
// latency (apply, remove, undo) while an automatic backup runs, against the same calls with no backup.
// Also the backup's own duration, the opening check (quick_check) and the open time. Prints JSON.
// Usage: npm exec -- node bench/backup-bench.ts [--codings N] [--runs N]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Service } from '../src/api/service.ts';
import { writeBackup } from '../src/features/backups/backup.ts';
import { backupSettings } from '../src/lib/backup-paths.ts';
import { asTxt, bulkCodings, interview } from './corpus.ts';
import { arg, now, rng } from './kit.ts';
import { dbOf } from '../tests/helpers/db.ts';

const N = arg('codings', 1_000_000),
  RUNS = arg('runs', 300);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thematic-bench-backup-'));
const file = path.join(dir, 'p.thematic');
let s = Service.open(file, { create: true });
const docs: { id: number; len: number }[] = [];
for (let k = 0; k < 50; k++) {
  const r = await s.call('documents.import', {
    files: [{ name: `d${k}.txt`, contentBase64: Buffer.from(asTxt(interview(k + 7, 10_000))).toString('base64') }],
  });
  docs.push({ id: r.documents[0].id, len: r.documents[0].charLength });
}
const codes: number[] = [];
for (let k = 0; k < 200; k++) codes.push((await s.call('codes.create', { name: `code ${k}` })).id);
await s.call('coders.create', { name: 'A' });
await s.call('coders.create', { name: 'B' });
bulkCodings(dbOf(s), docs, codes, N);
s.close();
const bytes = fs.statSync(file).size;

let t = now();
s = Service.open(file);
const openMs = now() - t;
t = now();
const quick = dbOf(s).pragma('quick_check', { simple: true });
const quickCheckMs = now() - t;

const rnd = rng(7);
const pct = (xs: number[], p: number) => {
  const v = [...xs].sort((a, b) => a - b);
  return +v[Math.min(v.length - 1, Math.floor(p * v.length))].toFixed(3);
};
/** One apply + remove + undo per round, `rounds` rounds or until `until` resolves (at least `min`). */
async function code(rounds: number, until?: Promise<unknown>, min = 0) {
  const times: number[] = [];
  let done = false;
  void until?.then(
    () => {
      done = true;
    },
    () => {
      done = true;
    },
  );
  for (let k = 0; until ? !done || k < min : k < rounds; k++) {
    const d = docs[k % docs.length];
    const start = Math.floor(rnd() * (d.len - 400));
    let t0 = now();
    const c = await s.call('codings.create', { documentId: d.id, codeId: codes[k % codes.length], coder: 'A', start, end: start + 120 });
    times.push(now() - t0);
    t0 = now();
    await s.call('codings.remove', { id: c.id });
    times.push(now() - t0);
    t0 = now();
    await s.call('history.undo', {});
    times.push(now() - t0);
    // A researcher's pace is far slower; a macrotask between calls lets the backup's steps interleave.
    await new Promise((r) => setImmediate(r));
  }
  return times;
}

await code(20);
const quiet = await code(RUNS);
const settings = { ...backupSettings({}), dir: path.join(dir, 'backups') };
t = now();
let backupMs = 0;
const backup = writeBackup(dbOf(s), file, settings).then((r) => {
  backupMs = now() - t;
  return r;
});
const during = await code(0, backup, 50);
const result = await backup;
s.close();
// The disk's own floor for a durable commit: fdatasync of one 4 KiB page, as synchronous=FULL needs per commit.
const syncs: number[] = [];
const fd = fs.openSync(path.join(dir, 'sync.bin'), 'w');
for (let k = 0; k < 300; k++) {
  fs.writeSync(fd, Buffer.alloc(4096, k), 0, 4096, (k % 50) * 4096);
  const t1 = now();
  fs.fdatasyncSync(fd);
  syncs.push(now() - t1);
}
fs.closeSync(fd);
fs.rmSync(dir, { recursive: true, force: true });
console.log(
  JSON.stringify(
    {
      benchmark: 'backup',
      codingsInProject: N,
      projectMB: +(bytes / 2 ** 20).toFixed(1),
      synchronous: 'FULL',
      targetP99Ms: 5,
      openMs: +openMs.toFixed(1),
      quickCheckMs: +quickCheckMs.toFixed(1),
      quickCheck: quick,
      backupMs: +backupMs.toFixed(0),
      backupMB: +(result.backup.bytes / 2 ** 20).toFixed(1),
      callsWithoutBackup: { n: quiet.length, p50: pct(quiet, 0.5), p99: pct(quiet, 0.99), max: pct(quiet, 1) },
      callsDuringBackup: { n: during.length, p50: pct(during, 0.5), p99: pct(during, 0.99), max: pct(during, 1) },
      diskFdatasyncMs: { p50: pct(syncs, 0.5), p99: pct(syncs, 0.99), max: pct(syncs, 1) },
      note: 'each figure is one service call (apply, remove or undo); the backup copies 256 pages per step between calls and checks the copy in a worker thread',
    },
    null,
    2,
  ),
);
