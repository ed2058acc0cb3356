// REFI-QDA transcripts benchmark (issues 11 and 16): a .qdpx of 200 audio sources, each with a
// 10,000-word transcript, a SyncPoint at every line and 100 coded TranscriptSelections, imported
// into a new project (timed documents), exported again, and the export imported back. The same
// texts and codings as plain TextSources are imported too, so the cost of the transcript path
// shows against the text path. Target: 10 s each way, as for any .qdpx. Prints JSON.
// Usage: npm exec -- node bench/refi-media-bench.ts [--documents N] [--words N] [--selections N]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { Service } from '../src/api/service.ts';
import { asTxt, interview } from './corpus.ts';
import { arg, now } from './kit.ts';
import { dbOf } from '../tests/helpers/db.ts';

const DOCS = arg('documents', 200),
  WORDS = arg('words', 10_000),
  SELECTIONS = arg('selections', 100);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thematic-bench-refi-media-'));
const guid = (kind: number, n: number) => `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

// The two archives (not measured): the same texts and codings, as transcripts and as text sources.
const files: Record<string, Uint8Array> = {};
const media: string[] = [],
  plain: string[] = [];
let syncPoints = 0,
  n = 0;
for (let d = 0; d < DOCS; d++) {
  const text = asTxt(interview(d + 11, WORDS, `P${d + 1}`));
  files[`sources/${guid(2, d)}.txt`] = strToU8(text);
  const lines: number[] = [];
  for (let at = 0; at < text.length; at = text.indexOf('\n', at) + 1 || text.length) if (text[at] !== '\n') lines.push(at);
  const points = lines.map((at, k) => `<SyncPoint guid="${guid(3, n + k)}" position="${at}" timeStamp="${k * 15_000}"/>`);
  const sels: string[] = [],
    textSels: string[] = [];
  for (let k = 0; k < SELECTIONS; k++) {
    const a = Math.floor((k * lines.length) / SELECTIONS),
      b = Math.min(a + 1, lines.length - 1);
    const coding = `<Coding guid="${guid(5, n + k)}" creatingUser="${guid(9, 0)}"><CodeRef targetGUID="${guid(8, k % 10)}"/></Coding>`;
    sels.push(
      `<TranscriptSelection guid="${guid(4, n + k)}" fromSyncPoint="${guid(3, n + a)}" toSyncPoint="${guid(3, n + b)}">${coding}</TranscriptSelection>`,
    );
    textSels.push(
      `<PlainTextSelection guid="${guid(4, n + k)}" startPosition="${lines[a]}" endPosition="${lines[b]}">${coding}</PlainTextSelection>`,
    );
  }
  syncPoints += points.length;
  media.push(
    `<AudioSource guid="${guid(1, d)}" name="P${d + 1}.m4a" path="relative:///P${d + 1}.m4a"><Transcript guid="${guid(2, d)}" name="P${d + 1}" plainTextPath="internal://${guid(2, d)}.txt">${points.join('')}${sels.join('')}</Transcript></AudioSource>`,
  );
  plain.push(
    `<TextSource guid="${guid(2, d)}" name="P${d + 1}" plainTextPath="internal://${guid(2, d)}.txt">${textSels.join('')}</TextSource>`,
  );
  n += lines.length + SELECTIONS;
}
const project = (sources: string[]) =>
  strToU8(
    `<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="bench" origin="bench">` +
      `<Users><User guid="${guid(9, 0)}" name="A"/></Users><CodeBook><Codes>${Array.from({ length: 10 }, (_, k) => `<Code guid="${guid(8, k)}" name="code ${k}" isCodable="true"/>`).join('')}</Codes></CodeBook>` +
      `<Sources>${sources.join('')}</Sources></Project>`,
  );
const b64 = (entries: Record<string, Uint8Array>) => Buffer.from(zipSync(entries, { level: 1 })).toString('base64');
const mediaQdpx = b64({ 'project.qde': project(media), ...files }),
  plainQdpx = b64({ 'project.qde': project(plain), ...files });

// Wall time, and CPU time (user + system) of this process: on a shared machine the second shows the work.
const cpu = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return Math.round((u.user + u.system) / 1000);
};
async function timedImport(name: string, contentBase64: string) {
  const s = Service.open(path.join(dir, `${name}.thematic`), { create: true });
  const t = now(),
    c = process.cpuUsage();
  const r = await s.call('refi.import', { fileName: `${name}.qdpx`, contentBase64 });
  return { s, ms: Math.round(now() - t), cpuMs: cpu(c), r };
}
const asText = await timedImport('plain', plainQdpx);
asText.s.close();
const asMedia = await timedImport('media', mediaQdpx);
const t = now(),
  c = process.cpuUsage();
const out = await asMedia.s.call('refi.export', { format: 'qdpx' });
const exportMs = Math.round(now() - t),
  exportCpuMs = cpu(c);
const back = await timedImport('back', out.contentBase64);
const timedTurns = (dbOf(back.s).prepare('SELECT COUNT(*) AS n FROM turns WHERE time_start IS NOT NULL').get() as { n: number }).n;
asMedia.s.close();
back.s.close();
fs.rmSync(dir, { recursive: true, force: true });
console.log(
  JSON.stringify(
    {
      benchmark: 'refi-transcripts',
      documents: DOCS,
      wordsPerDocument: WORDS,
      syncPoints,
      codings: DOCS * SELECTIONS,
      importTextSourcesMs: asText.ms,
      importTranscriptsMs: asMedia.ms,
      exportMs,
      reimportMs: back.ms,
      targetMs: 10_000,
      cpuMs: { importTextSources: asText.cpuMs, importTranscripts: asMedia.cpuMs, export: exportCpuMs, reimport: back.cpuMs },
      imported: asMedia.r.counts,
      reimported: back.r.counts,
      timedTurnsAfterRoundTrip: timedTurns,
    },
    null,
    2,
  ),
);
