/**
 * Renderer benchmark: a 50,000-word transcript with 5,000 codings by two coders, opened in
 * Chromium through the web mode. Prints JSON: open-to-interactive, scroll frame times,
 * select -> apply code -> highlight latency, JS heap. Needs renderer/dist built.
 * Usage: npm exec -- node bench/renderer-bench.ts [--words N] [--codings N]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { Service } from '../src/api/service.ts';
import { startServer } from '../src/server/server.ts';
import { arg } from './kit.ts';

const WORDS = arg('words', 50_000),
  CODINGS = arg('codings', 5_000);
const VOCAB = (
  'the peer worker came to see me in hospital and she knew what it was like because she had been there herself nurses doctors ' +
  'discharge withdrawal pain medication trust chart social worker housing phone shelter methadone clinic family physician talked listened ' +
  'waiting room emergency ward respect judged stigma advocate explained appointment follow up community program outreach'
).split(' ');

function transcript(words: number): string {
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const turns: string[] = [];
  let n = 0,
    k = 0;
  while (n < words) {
    const len = k % 2 ? 40 + Math.floor(rnd() * 80) : 8 + Math.floor(rnd() * 15);
    const w = Array.from({ length: len }, () => VOCAB[Math.floor(rnd() * VOCAB.length)]);
    w[0] = w[0][0].toUpperCase() + w[0].slice(1);
    turns.push(`${k % 2 ? 'P1' : 'Interviewer'}: ${w.join(' ')}.`);
    n += len;
    k++;
  }
  return turns.join('\n\n');
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const round = (x: number) => Math.round(x * 10) / 10;

async function main() {
  const dist = path.resolve(import.meta.dirname, '../renderer/dist');
  if (!fs.existsSync(path.join(dist, 'index.html'))) throw new Error('build the renderer first: npm exec -- vite build');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thematic-rbench-'));
  const service = Service.open(path.join(dir, 'bench.thematic'), { create: true });
  const tSetup = performance.now();
  const text = transcript(WORDS);
  const doc = (
    await service.call('documents.import', {
      files: [{ name: 'long-interview.txt', contentBase64: Buffer.from(text).toString('base64') }],
      participant: 'P1',
    })
  ).documents[0];
  const full = await service.call('documents.get', { id: doc.id });
  const codes = [];
  for (let i = 0; i < 40; i++) codes.push(await service.call('codes.create', { name: `Code ${String(i + 1).padStart(2, '0')}` }));
  const bench = await service.call('codes.create', { name: 'Benchmark code' });
  let seed = 11;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < CODINGS; i++) {
    const t = full.turns[Math.floor(rnd() * full.turns.length)];
    const a = t.start + Math.floor(rnd() * (t.end - t.start - 1));
    const b = Math.min(t.end, a + 20 + Math.floor(rnd() * 200));
    await service.call('codings.create', {
      documentId: doc.id,
      codeId: codes[Math.floor(rnd() * codes.length)].id,
      coder: i % 2 ? 'Ben' : 'Amira',
      start: a,
      end: Math.max(a + 1, b),
    });
  }
  const setupMs = performance.now() - tSetup;
  const server = await startServer({ service, staticDir: dist });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--enable-precise-memory-info',
      '--js-flags=--expose-gc',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript(() => localStorage.setItem('thematic.coder', 'Amira'));
    await page.goto(server.url);
    // Interactive: the transcript is laid out and its codings are painted.
    const openMs = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const check = () => {
            const painted = [...CSS.highlights.keys()].some((k) => k.startsWith('code-'));
            if (document.querySelector('.transcript-text p[data-start]') && painted && document.querySelector('.stripe-row'))
              resolve(performance.now());
            else requestAnimationFrame(check);
          };
          check();
        }),
    );
    const paragraphs = await page.locator('.transcript-text p').count();
    const ranges = await page.evaluate(() => [...CSS.highlights].reduce((n, [k, h]) => n + (k.startsWith('code-') ? h.size : 0), 0));

    const frames = await page.evaluate(
      () =>
        new Promise<number[]>((resolve) => {
          const box = document.querySelector('.transcript-scroll')!;
          const out: number[] = [];
          let last = performance.now(),
            n = 0;
          const step = () => {
            const now = performance.now();
            if (n++) out.push(now - last);
            last = now;
            box.scrollTop += 400;
            if (n < 240) requestAnimationFrame(step);
            else resolve(out);
          };
          requestAnimationFrame(step);
        }),
    );

    // Select words in the middle of the transcript, apply the benchmark code with the picker.
    const latencies: number[] = [];
    const requests: ({ requestStartMs: number; responseEndMs: number; highlightMs: number } | null)[] = [];
    for (let rep = 0; rep < 10; rep++) {
      await page.evaluate((k) => {
        const ps = document.querySelectorAll('.transcript-text p');
        const p = ps[Math.floor(ps.length / 2) + k * 2 + 1];
        const t = p.querySelector('span')!.firstChild as Text;
        p.scrollIntoView({ block: 'center' });
        const r = document.createRange();
        r.setStart(t, 0);
        r.setEnd(t, Math.min(40, t.data.length));
        document.getSelection()!.removeAllRanges();
        document.getSelection()!.addRange(r);
      }, rep);
      await page.waitForFunction(() => !!document.querySelector('[data-testid="selection-card"]'));
      await page.waitForTimeout(50);
      await page.keyboard.press('c');
      await page.getByLabel('Code name').fill('Benchmark');
      const before = await page.evaluate((id) => CSS.highlights.get(`code-${id}`)?.size ?? 0, bench.id);
      const t0 = await page.evaluate(() => performance.now());
      await page.keyboard.press('Enter');
      const t1 = await page.waitForFunction(
        ([id, n]) => ((CSS.highlights.get(`code-${id}`)?.size ?? 0) > n ? performance.now() : 0),
        [bench.id, before] as const,
        { polling: 'raf' },
      );
      const t1v = (await t1.jsonValue()) as number;
      latencies.push(t1v - t0);
      // Where the time went: the request (server + network) vs the renderer around it.
      const req = await page.evaluate((from) => {
        const e = performance
          .getEntriesByType('resource')
          .filter((x) => x.name.endsWith('/api/codings.create') && x.startTime >= from)
          .pop() as PerformanceResourceTiming | undefined;
        return e ? { start: e.startTime - from, end: e.responseEnd - from } : null;
      }, t0);
      requests.push(req ? { requestStartMs: round(req.start), responseEndMs: round(req.end), highlightMs: round(t1v - t0) } : null);
    }
    const heap = await page.evaluate(() => {
      (globalThis as { gc?: () => void }).gc?.();
      return (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
    });
    const result = {
      bench: 'renderer',
      transcript: {
        words: WORDS,
        characters: text.length,
        turns: full.turns.length,
        paragraphs,
        codings: CODINGS,
        coders: 2,
        paintedRanges: ranges,
      },
      setupMs: Math.round(setupMs),
      openToInteractiveMs: round(openMs),
      scrollFrameMs: { p50: round(pct(frames, 50)), p95: round(pct(frames, 95)), max: round(Math.max(...frames)), frames: frames.length },
      selectApplyHighlightMs: {
        median: round(pct(latencies, 50)),
        max: round(Math.max(...latencies)),
        runs: latencies.length,
        each: latencies.map(round),
        requests,
      },
      jsHeapMB: round(heap / 2 ** 20),
      targets: { openToInteractiveMs: 1000, scrollFrameMs: 50, selectApplyHighlightMs: 100, jsHeapMB: 300 },
    };
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await browser.close();
    await server.close();
    service.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
