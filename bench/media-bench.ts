/**
 * Recordings benchmark, in Chromium through the web mode (needs renderer/dist built):
 * - open-document overhead: the same VTT interview opened with and without a linked 2-hour
 *   recording (click → transcript and player on screen), alternating, median of each;
 * - seek-to-turn-to-playback: click a turn's ▶ → the media element fires `playing`, at turns spread
 *   over the interview;
 * - waveform decode (Web Audio decodeAudioData) time for recordings of 2 and 10 min, which sets
 *   WAVEFORM_MAX_BYTES in renderer/src/features/media/mediaUrl.ts.
 * The 2-hour recording (Opus, 12 kb/s) is synthesised once with sox + ffmpeg into bench/out/.
 * Prints JSON. Usage: npm exec -- node bench/media-bench.ts [--runs N]
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { Service } from '../src/api/service.ts';
import { startServer } from '../src/server/server.ts';
import { linkRecordingFile } from '../src/api/media-link.ts';
import { arg } from './kit.ts';

const RUNS = arg('runs', 10);
const OUT = path.resolve(import.meta.dirname, 'out');
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const round = (x: number) => Math.round(x * 10) / 10;

function recording(minutes: number): string {
  const f = path.join(OUT, `media-${minutes}min.opus`);
  if (fs.existsSync(f)) return f;
  fs.mkdirSync(OUT, { recursive: true });
  const wav = `${f}.wav`;
  execFileSync('sox', ['-n', '-r', '8000', '-c', '1', '-b', '16', wav, 'synth', String(minutes * 60), 'sine', '300', 'vol', '0.05']);
  execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-i', wav, '-c:a', 'libopus', '-b:a', '12k', '-compression_level', '0', f]);
  fs.rmSync(wav);
  return f;
}

async function main() {
  const dist = path.resolve(import.meta.dirname, '../renderer/dist');
  if (!fs.existsSync(path.join(dist, 'index.html'))) throw new Error('build the renderer first: npm exec -- vite build');
  const rec2h = recording(120);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thematic-mbench-'));
  const service = Service.open(path.join(dir, 'bench.thematic'), { create: true });
  const vtt = fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/sample/transcripts/P08-family-physician.vtt'), 'utf8');
  const plain = (
    await service.call('documents.import', { files: [{ name: 'without.vtt', contentBase64: Buffer.from(vtt).toString('base64') }] })
  ).documents[0];
  const withRec = (
    await service.call('documents.import', { files: [{ name: 'with.vtt', contentBase64: Buffer.from(vtt + '\n').toString('base64') }] })
  ).documents[0];
  const tLink = performance.now();
  await linkRecordingFile(service, withRec.id, rec2h);
  const linkMs = performance.now() - tLink;
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
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(server.url);
    await page.waitForSelector('.app[data-ready="true"]');
    const open = async (name: string) => {
      await page.keyboard.press('3'); // another view, so the document opens afresh
      await page.keyboard.press('1');
      await page.waitForTimeout(100);
      const t0 = await page.evaluate(() => performance.now());
      await page.locator('.doc-item', { hasText: name }).first().click();
      return page.evaluate(
        ([n, t]) =>
          new Promise<number>((resolve) => {
            const tick = () => {
              if (
                document.querySelector('.doc-title h1')?.textContent === n &&
                document.querySelector('.transcript-text p[data-start]') &&
                document.querySelector('.player')
              ) {
                requestAnimationFrame(() => resolve(performance.now() - (t as number)));
              } else requestAnimationFrame(tick);
            };
            tick();
          }),
        [name, t0] as const,
      );
    };
    // Warm-up: each document once (the renderer caches a document's text after its first fetch, in both cases).
    await open('without');
    await open('with');
    const openWithout: number[] = [],
      openWith: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      openWithout.push(await open('without'));
      openWith.push(await open('with'));
    }

    await open('with');
    await page.waitForFunction(() => document.querySelector<HTMLMediaElement>('[data-testid="player-media"]')!.readyState >= 1);
    const clocks = await page.locator('.turn-clock').count();
    const seeks: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const k = Math.floor(((i + 0.5) / RUNS) * clocks);
      await page.evaluate(() => document.querySelector<HTMLMediaElement>('[data-testid="player-media"]')!.pause());
      const clock = page.locator('.turn-clock').nth(k);
      await clock.scrollIntoViewIfNeeded();
      const waiting = page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const m = document.querySelector<HTMLMediaElement>('[data-testid="player-media"]')!;
            let t0 = 0;
            document.addEventListener(
              'click',
              () => {
                t0 = performance.now();
              },
              { once: true, capture: true },
            );
            m.addEventListener('playing', () => resolve(performance.now() - t0), { once: true });
          }),
      );
      await page.waitForTimeout(50);
      await clock.click();
      seeks.push(await waiting);
      await page.waitForTimeout(200);
    }

    // Web Audio decodes the whole file (at the context's rate, then ours): time it at two rates.
    const decode: Record<string, { bytes: number; at8kHzMs: number; at48kHzMs: number }> = {};
    for (const minutes of [2, 10]) {
      const f = recording(minutes);
      const doc = (
        await service.call('documents.import', {
          files: [{ name: `d${minutes}.txt`, contentBase64: Buffer.from(`P1: ${minutes} minutes.`).toString('base64') }],
        })
      ).documents[0];
      await linkRecordingFile(service, doc.id, f);
      const time = (rate: number) =>
        page
          .evaluate(
            async ([id, t, r]) => {
              const bytes = await (await fetch(`/media/${id}?token=${t}`)).arrayBuffer();
              const t0 = performance.now();
              await new OfflineAudioContext(1, 1, r as number).decodeAudioData(bytes);
              return performance.now() - t0;
            },
            [doc.id, server.token, rate] as const,
          )
          .catch(() => -1);
      decode[`${minutes}min`] = { bytes: fs.statSync(f).size, at8kHzMs: round(await time(8000)), at48kHzMs: round(await time(48000)) };
    }
    const result = {
      bench: 'media',
      recording: { file: path.basename(rec2h), bytes: fs.statSync(rec2h).size, seconds: 7200, linkMs: round(linkMs) },
      openDocumentMs: {
        withoutRecording: round(median(openWithout)),
        with2hRecording: round(median(openWith)),
        addedMedian: round(median(openWith) - median(openWithout)),
        target: 100,
        runs: RUNS,
      },
      seekToPlayingMs: { median: round(median(seeks)), max: round(Math.max(...seeks)), target: 300, all: seeks.map(round) },
      waveformDecodeMs: decode,
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
