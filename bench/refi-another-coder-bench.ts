// REFI-QDA with another coder (issue 16): a project of 200 transcripts and 100,000 codings is
// exported for NVivo (UTF-16 positions), imported into a new project, and the same export is then
// imported again as "the same study from another coder" (every document matched by canonical
// text, every code by path, every coding found already there). Prints JSON.
// Usage: npm exec -- node bench/refi-another-coder-bench.ts [--documents N] [--codings N] [--words N]
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
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thematic-bench-refi2-'));
const s = Service.open(path.join(dir, 'p.thematic'), { create: true });
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
  for (let j = 0; j < 9; j++) codes.push((await s.call('codes.create', { name: `code ${k}.${j}`, parentId: parent })).id);
}
await s.call('coders.create', { name: 'A' });
await s.call('coders.create', { name: 'B' });
bulkCodings(dbOf(s), docs, codes, N);

const time = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const t = Date.now();
  const r = await fn();
  return [r, Date.now() - t];
};
const [standard, exportMs] = await time(() => s.call('refi.export', { format: 'qdpx' }));
const [nvivo, exportNvivoMs] = await time(() => s.call('refi.export', { format: 'qdpx', target: 'nvivo' }));
const copy = Service.open(path.join(dir, 'copy.thematic'), { create: true });
const [first, importMs] = await time(() => copy.call('refi.import', { fileName: nvivo.fileName, contentBase64: nvivo.contentBase64 }));
const [second, anotherCoderMs] = await time(() =>
  copy.call('refi.import', { fileName: standard.fileName, contentBase64: standard.contentBase64, mode: 'another-coder' }),
);
s.close();
copy.close();
fs.rmSync(dir, { recursive: true, force: true });
console.log(
  JSON.stringify(
    {
      benchmark: 'refi-another-coder',
      documents: DOCS,
      wordsPerDocument: WORDS,
      codings: N,
      exportMs,
      exportNvivoMs,
      importNvivoExportMs: importMs,
      anotherCoderImportMs: anotherCoderMs,
      firstImport: { documents: first.counts.documents, codings: first.counts.codings },
      anotherCoder: {
        documentsMatched: second.counts['documents matched'],
        codesMatched: second.counts['codes matched'],
        codingsAdded: second.counts.codings,
        codingsAlreadyThere: second.counts['codings already there'],
      },
    },
    null,
    2,
  ),
);
