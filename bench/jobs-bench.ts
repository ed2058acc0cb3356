// Long work off the main thread (issue 10): how quick calls fare while a job runs in a worker.
//  - codings.create round trips through the Service, then through the web server (from a client
//    thread, as a browser would be its own process), while a 200-document REFI export runs: p99 < 5 ms.
//  - project.info while a 10,000-code REFI import runs (issue 15: it waited 5.1 s when the import
//    ran on the main thread).
// Usage: npm exec -- node bench/jobs-bench.ts [--documents N] [--codings N] [--words N] [--codes N]
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Service } from '../src/api/service.ts';
import { startServer } from '../src/server/server.ts';
import { writeQdc } from '../src/features/refi/write-qdc.ts';
import { asTxt, bulkCodings, interview } from './corpus.ts';
import { arg, now } from './kit.ts';
import { dbOf } from '../tests/helpers/db.ts';

const DOCS = arg('documents', 200),
  N = arg('codings', 100_000),
  WORDS = arg('words', 10_000),
  CODES = arg('codes', 10_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thematic-bench-jobs-'));
const s = Service.open(path.join(dir, 'p.thematic'), { create: true });

// Setting the scene (not measured), as in refi-bench.ts.
const docs: { id: number; len: number }[] = [];
for (let k = 0; k < DOCS; k += 20) {
  const files = Array.from({ length: Math.min(20, DOCS - k) }, (_, j) => ({
    name: `P${k + j + 1}.txt`,
    contentBase64: Buffer.from(asTxt(interview(k + j + 7, WORDS, `P${k + j + 1}`))).toString('base64'),
  }));
  for (const d of (await s.call('documents.import', { files })).documents) docs.push({ id: d.id, len: d.charLength });
}
const codes: number[] = [];
for (let k = 0; k < 200; k++) codes.push((await s.call('codes.create', { name: `code ${k}` })).id);
await s.call('coders.create', { name: 'A' });
await s.call('coders.create', { name: 'B' });
bulkCodings(dbOf(s), docs, codes, N);

const log = (m: string) => process.stderr.write(`jobs-bench: ${m}\n`);
log('project built');
const stats = (xs: number[]) => {
  const v = [...xs].sort((a, b) => a - b);
  const q = (p: number) => +v[Math.min(v.length - 1, Math.floor(p * v.length))].toFixed(3);
  return { calls: v.length, p50: q(0.5), p99: q(0.99), max: +v[v.length - 1].toFixed(3) };
};
let k = 0;
const coding = () => ({
  documentId: docs[k % docs.length].id,
  codeId: codes[k % codes.length],
  coder: 'A',
  start: (k * 7) % 1000,
  end: ((k++ * 7) % 1000) + 30,
});

/**
 * Calls `quick` back to back until `long` settles; returns the quick calls' latencies and the long
 * call's duration. Each call starts from a new turn of the event loop, as a request from IPC or
 * HTTP does (a loop of already-resolved awaits would never let the job's messages in).
 */
async function during(long: () => Promise<unknown>, quick: () => Promise<unknown>) {
  const lat: number[] = [];
  let done = false;
  const t0 = now();
  const p = long().finally(() => {
    done = true;
  });
  let longMs = 0;
  void p.then(() => {
    longMs = now() - t0;
  });
  while (!done) {
    await new Promise(setImmediate);
    const t = now();
    await quick();
    lat.push(now() - t);
  }
  await p;
  return { longMs: Math.round(longMs), ...stats(lat) };
}

// The job thread loads once per process: a first (small) job warms it, as the hosts do when a project opens.
await s.call('refi.export', { format: 'qdc' });
log('job thread warm');

const idle: number[] = [];
for (let j = 0; j < 500; j++) {
  const t = now();
  await s.call('codings.create', coding());
  idle.push(now() - t);
}
log('idle codings done');
const service = await during(
  () => s.call('refi.export', { format: 'qdpx' }),
  () => s.call('codings.create', coding()),
);

log(`export through the service: ${JSON.stringify(service)}`);
// Through the web server: the client runs in its own thread, as the browser is its own process.
const server = await startServer({ service: s, staticDir: dir });
const client = new Worker(
  `
  const { parentPort, workerData: w } = require('node:worker_threads');
  const post = (m, body) => fetch(w.origin + '/api/' + m, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer ' + w.token }, body: JSON.stringify(body) })
    .then(async (r) => { const j = await r.json(); if (!r.ok) throw new Error(JSON.stringify(j)); return j.result; });
  (async () => {
    let k = 0;
    const coding = () => ({ documentId: w.docs[k % w.docs.length], codeId: w.codes[k % w.codes.length], coder: 'B', start: (k * 11) % 1000, end: ((k++ * 11) % 1000) + 30 });
    const idle = [];
    for (let j = 0; j < 500; j++) { const t = performance.now(); await post('codings.create', coding()); idle.push(performance.now() - t); }
    const lat = []; let done = false; const t0 = performance.now(); let longMs = 0;
    const p = post('refi.export', { format: 'qdpx' }).then(() => { longMs = performance.now() - t0; done = true; });
    while (!done) { const t = performance.now(); await post('codings.create', coding()); lat.push(performance.now() - t); }
    await p;
    parentPort.postMessage({ idle, lat, longMs });
  })().catch((e) => { parentPort.postMessage({ error: String(e) }); });
`,
  { eval: true, workerData: { origin: server.origin, token: server.token, docs: docs.map((d) => d.id), codes } },
);
const web = await new Promise<{ idle: number[]; lat: number[]; longMs: number; error?: string }>((r) => client.once('message', r));
await client.terminate();
await server.close();
if (web.error) throw new Error(web.error);
log('web done');

// project.info during a 10,000-code REFI import into a fresh project.
const groups = Array.from({ length: CODES / 10 }, (_, g) => ({
  guid: randomUUID(),
  name: `group ${g}`,
  isCodable: true,
  children: Array.from({ length: 9 }, (_, c) => ({
    guid: randomUUID(),
    name: `code ${g}.${c}`,
    isCodable: true,
    description: 'what it means',
    children: [],
  })),
}));
const qdc = Buffer.from(writeQdc({ codes: groups, sets: [] })).toString('base64');
const fresh = Service.open(path.join(dir, 'fresh.thematic'), { create: true });
const info = await during(
  () => fresh.call('refi.import', { fileName: 'codebook.qdc', contentBase64: qdc }),
  () => fresh.call('project.info', {}),
);
const imported = (await fresh.call('project.info', {})).counts.codes;

fresh.close();
s.close();
fs.rmSync(dir, { recursive: true, force: true });
console.log(
  JSON.stringify(
    {
      benchmark: 'jobs',
      documents: DOCS,
      wordsPerDocument: WORDS,
      codings: N,
      cores: os.availableParallelism(),
      loadAverage: os.loadavg().map((x) => +x.toFixed(2)),
      codingsCreate: {
        service: { idle: stats(idle), duringExport: { exportMs: service.longMs, ...service } },
        web: { idle: stats(web.idle), duringExport: { exportMs: Math.round(web.longMs), ...stats(web.lat) } },
        targetP99Ms: 5,
      },
      projectInfoDuringImport: {
        codes: CODES,
        imported,
        importMs: info.longMs,
        calls: info.calls,
        p50: info.p50,
        p99: info.p99,
        max: info.max,
      },
    },
    null,
    2,
  ),
);
