// Import benchmark (issue 2): 200 generated transcripts of 10,000 words (a third each .txt, .docx,
// .vtt) into a new project, FTS included, against a floor: the same parsers alone, plus inserting
// the normalised text with one prepared statement in one transaction and building the same FTS5
// index. Prints JSON. Usage: npm exec -- node bench/import-bench.ts [--docs N] [--words N]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Service } from '../src/api/service.ts';
import { parseTranscript } from '../src/features/documents/importers/index.ts';
import { asDocx, asTxt, asVtt, interview } from './corpus.ts';
import { arg } from './kit.ts';

const DOCS = arg('docs', 200),
  WORDS = arg('words', 10_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thematic-bench-import-'));

const files: { name: string; bytes: Buffer }[] = [];
for (let k = 0; k < DOCS; k++) {
  const t = interview(k + 1, WORDS, `P${k + 1}`);
  const kind = k % 3;
  const name = `P${k + 1}.${['txt', 'docx', 'vtt'][kind]}`;
  files.push({ name, bytes: kind === 0 ? Buffer.from(asTxt(t)) : kind === 1 ? await asDocx(t) : Buffer.from(asVtt(t)) });
}

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

async function importAll(list: typeof files, file: string): Promise<number> {
  const s = Service.open(file, { create: true });
  const t0 = process.hrtime.bigint();
  for (const f of list) await s.call('documents.import', { files: [{ name: f.name, contentBase64: f.bytes.toString('base64') }] });
  const t = ms(t0);
  s.close();
  return t;
}

async function floor(list: typeof files, file: string): Promise<{ parseMs: number; insertMs: number; totalMs: number }> {
  const t0 = process.hrtime.bigint();
  const parsed: Awaited<ReturnType<typeof parseTranscript>>[] = [];
  for (const f of list) parsed.push(await parseTranscript(f.name, new Uint8Array(f.bytes)));
  const parseMs = ms(t0);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE docs (id INTEGER PRIMARY KEY, text TEXT NOT NULL) STRICT;
    CREATE VIRTUAL TABLE fts USING fts5(text, tokenize='unicode61 remove_diacritics 2');`);
  const t1 = process.hrtime.bigint();
  const ins = db.prepare('INSERT INTO docs (text) VALUES (?)');
  const fts = db.prepare('INSERT INTO fts (text) VALUES (?)');
  db.transaction(() => {
    for (const p of parsed) {
      ins.run(p.text);
      for (const t of p.turns) fts.run(p.text.slice(t.start, t.end));
    }
  })();
  const insertMs = ms(t1);
  db.close();
  return { parseMs, insertMs, totalMs: parseMs + insertMs };
}

const txt = files.filter((f) => f.name.endsWith('.txt'));
// Warm up the parsers once (module loading is not import cost).
await floor(files.slice(0, 3), path.join(dir, 'warm.db'));
const fl = await floor(files, path.join(dir, 'floor.db'));
const full = await importAll(files, path.join(dir, 'all.thematic'));
const flTxt = await floor(txt, path.join(dir, 'floor-txt.db'));
const fullTxt = await importAll(txt, path.join(dir, 'txt.thematic'));
fs.rmSync(dir, { recursive: true, force: true });
console.log(
  JSON.stringify(
    {
      benchmark: 'import',
      documents: DOCS,
      wordsPerDocument: WORDS,
      mixed: {
        importMs: Math.round(full),
        floorMs: Math.round(fl.totalMs),
        floorParseMs: Math.round(fl.parseMs),
        floorInsertFtsMs: Math.round(fl.insertMs),
        ratio: +(full / fl.totalMs).toFixed(2),
        target: 1.5,
      },
      txtOnly: {
        documents: txt.length,
        importMs: Math.round(fullTxt),
        floorMs: Math.round(flTxt.totalMs),
        ratio: +(fullTxt / flTxt.totalMs).toFixed(2),
      },
      growth: 'linear in total words: each document is parsed, inserted and indexed once',
    },
    null,
    2,
  ),
);
