// REFI-QDA benchmark (issue: interop): a project of 200 transcripts and 100,000 codings exported
// to .qdpx, then that .qdpx imported into a new project. Each must take at most 10 s. Prints JSON.
// Usage: npm exec -- node bench/refi-bench.ts [--documents N] [--codings N] [--words N]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Service } from '../src/api/service.ts';
import { asTxt, bulkCodings, interview } from './corpus.ts';
import { arg } from './kit.ts';
import { dbOf } from '../tests/helpers/db.ts';

const DOCS = arg('documents', 200),
  N = arg('codings', 100_000),
  WORDS = arg('words', 10_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thematic-bench-refi-'));
const s = Service.open(path.join(dir, 'p.thematic'), { create: true });

// Setting the scene (not measured): transcripts through the importer, codes, codings in bulk.
const t0 = Date.now();
const docs: { id: number; len: number }[] = [];
for (let k = 0; k < DOCS; k += 20) {
  const files = Array.from({ length: Math.min(20, DOCS - k) }, (_, j) => ({
    name: `P${k + j + 1}.txt`,
    contentBase64: Buffer.from(asTxt(interview(k + j + 7, WORDS, `P${k + j + 1}`))).toString('base64'),
  }));
  for (const d of (await s.call('documents.import', { files })).documents) docs.push({ id: d.id, len: d.charLength });
}
const codes: number[] = [];
for (let k = 0; k < 20; k++) {
  const parent = (await s.call('codes.create', { name: `group ${k}` })).id;
  codes.push(parent);
  for (let j = 0; j < 9; j++)
    codes.push((await s.call('codes.create', { name: `code ${k}.${j}`, parentId: parent, definition: 'what it means' })).id);
}
const core = await s.call('themes.create', { kind: 'core', name: 'Core' });
for (let k = 0; k < 8; k++)
  await s.call('themes.create', { kind: 'theme', parentId: core.id, name: `Theme ${k}`, codeIds: codes.slice(k * 20, k * 20 + 12) });
await s.call('coders.create', { name: 'A' });
await s.call('coders.create', { name: 'B' });
bulkCodings(dbOf(s), docs, codes, N);
const setupMs = Date.now() - t0;

let t = Date.now();
const out = await s.call('refi.export', { format: 'qdpx' });
const exportMs = Date.now() - t;
const bytes = Buffer.from(out.contentBase64, 'base64').length;

const copy = Service.open(path.join(dir, 'copy.thematic'), { create: true });
t = Date.now();
const report = await copy.call('refi.import', { fileName: out.fileName, contentBase64: out.contentBase64 });
const importMs = Date.now() - t;
const chars = docs.reduce((a, d) => a + d.len, 0);
s.close();
copy.close();
fs.rmSync(dir, { recursive: true, force: true });
console.log(
  JSON.stringify(
    {
      benchmark: 'refi-qdpx',
      documents: DOCS,
      wordsPerDocument: WORDS,
      characters: chars,
      codings: N,
      codes: codes.length,
      setupMs,
      exportMs,
      importMs,
      targetMs: 10_000,
      qdpxBytes: bytes,
      imported: report.counts,
      exact: report.thematicExtensions && report.notCarried.length === 0,
      growth: 'both directions are linear in codings + text size (one pass over each; inserts are one transaction)',
    },
    null,
    2,
  ),
);
