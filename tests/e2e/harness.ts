import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { Service } from '../../src/api/service.ts';
import { startServer, type RunningServer } from '../../src/server/server.ts';
import { buildSample, SAMPLE_DIR } from '../../src/api/sample.ts';
import type { Input, MethodName, Output } from '../../src/api/contract.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
// A helper building its own copy (vite build --outDir DIR) points the tests at it with THEMATIC_RENDERER_DIST.
export const DIST = process.env.THEMATIC_RENDERER_DIST ?? path.join(ROOT, 'renderer/dist');
export const CHROMIUM = '/usr/bin/chromium';
export const SHOTS = '/tmp/shots';

/** Text that must show as text (never markup), emoji (surrogate pairs, ZWJ sequences) and combining marks without precomposed forms (NFC keeps them). */
export const EDGE_TEXT = [
  'Interviewer: Did you type <script>alert(1)</script> or <b>x</b> into the form?',
  '',
  'P4: I typed 😀 then 👩🏽‍⚕️ and q\u0307 with x\u0332 marks, and then the nurse 🎉 laughed.',
  '',
  'Interviewer: And after that?',
  '',
  'P4: After that the peer worker came with 🧃 juice and sat down.',
].join('\n');

export interface Harness {
  service: Service;
  server: RunningServer;
  browser: Browser;
  page: Page;
  dir: string;
  /** Browser-side errors and any alert()/confirm() dialog: both must stay empty. */
  pageErrors: string[];
  dialogs: string[];
  edgeDocId: number;
  api<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>>;
  close(): Promise<void>;
}

/** The sample study when the fixtures exist, else a small two-coder project with the same shape. */
async function buildProject(file: string): Promise<void> {
  if (fs.existsSync(path.join(SAMPLE_DIR, 'codebook.json'))) return buildSample(file, { force: true });
  const s = Service.open(file, { create: true });
  try {
    await s.call('participants.importCsv', { csv: 'participant,group,role\nP4,patient,patient\nP10,HCP,general internist\n' });
    const text = 'Interviewer: How was the hospital?\n\nP4: The nurses ignored me. The peer worker spoke up for me.\n';
    const r = await s.call('documents.import', {
      files: [{ name: 'P04-patient.txt', contentBase64: Buffer.from(text).toString('base64') }],
      participant: 'P4',
    });
    const code = await s.call('codes.create', { name: 'Stigma from staff', color: '#e15759' });
    const d = await s.call('documents.get', { id: r.documents[0].id });
    const at = d.text.indexOf('The nurses ignored me.');
    for (const coder of ['Amira', 'Ben'])
      await s.call('codings.create', { documentId: d.document.id, codeId: code.id, coder, start: at, end: at + 22 });
  } finally {
    s.close();
  }
}

export async function openHarness(): Promise<Harness> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: run \`apt-get install -y chromium\``);
  if (!fs.existsSync(path.join(DIST, 'index.html')))
    throw new Error('renderer/dist is not built: run `npm exec -- vite build` (npm test does)');
  fs.mkdirSync(SHOTS, { recursive: true });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thematic-e2e-'));
  const file = path.join(dir, 'study.thematic');
  await buildProject(file);
  const service = Service.open(file);
  const edge = await service.call('documents.import', {
    files: [{ name: 'Z-edge-cases.txt', contentBase64: Buffer.from(EDGE_TEXT).toString('base64') }],
    participant: 'P4',
  });
  const server = await startServer({ service, staticDir: DIST });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const pageErrors: string[] = [],
    dialogs: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(server.url);
  await page.waitForSelector('.app[data-ready="true"]');
  await page.waitForSelector('.transcript-text p[data-start]');
  return {
    service,
    server,
    browser,
    page,
    dir,
    pageErrors,
    dialogs,
    edgeDocId: edge.documents[0].id,
    api: (m, i) => service.call(m, i),
    async close() {
      await browser.close().catch(() => {});
      await server.close();
      service.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Opens a document from the sidebar and waits until its paragraphs are on screen. */
export async function openDocument(page: Page, name: string): Promise<void> {
  await page.locator('.doc-item', { hasText: name }).first().click();
  await page.waitForFunction(
    (n) => document.querySelector('.doc-title h1')?.textContent === n && !!document.querySelector('.transcript-text p[data-start]'),
    name,
  );
  await page.waitForTimeout(50);
}

/**
 * Selects from the first character of `from` to the last of `to` (which may be in a later turn)
 * by putting a DOM Range over those exact characters, as a mouse drag would.
 */
export async function selectText(page: Page, from: string, to: string = from): Promise<void> {
  const ok = await page.evaluate(
    ([a, b]) => {
      const root = document.querySelector('.transcript-text')!;
      const find = (needle: string) => {
        const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let n = w.nextNode() as Text | null; n; n = w.nextNode() as Text | null) {
          const i = n.data.indexOf(needle);
          if (i >= 0) return { n, i };
        }
        return null;
      };
      const s = find(a),
        e = find(b);
      if (!s || !e) return false;
      const r = document.createRange();
      r.setStart(s.n, s.i);
      r.setEnd(e.n, e.i + b.length);
      const sel = document.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(r);
      return true;
    },
    [from, to],
  );
  if (!ok) throw new Error(`text not found in one text node of the transcript: ${from} / ${to}`);
  // The app reads the selection asynchronously (selectionchange, then a frame): wait until it shows this one.
  await page.waitForFunction(
    ([a, b]) => {
      const q = document.querySelector('[data-testid="selection-card"] .quote')?.textContent ?? '';
      return q.startsWith(a) && (q.endsWith(b) || q.endsWith('…'));
    },
    [from, to],
  );
}

/** The text each registered highlight of a code covers, read back from CSS.highlights. */
export async function highlightTexts(page: Page, name: string): Promise<string[]> {
  return page.evaluate((n) => {
    const h = CSS.highlights.get(n);
    if (!h) return [];
    return [...h].map((r) => {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      return live.toString();
    });
  }, name);
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

/** Clicks (no drag) in the middle of the first occurrence of `quote`, as a researcher clicks a highlight. */
export async function clickText(page: Page, quote: string): Promise<void> {
  await page.evaluate(() => document.getSelection()!.removeAllRanges());
  const box = await page.evaluate((q) => {
    const w = document.createTreeWalker(document.querySelector('.transcript-text')!, NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode() as Text | null; n; n = w.nextNode() as Text | null) {
      const i = n.data.indexOf(q);
      if (i < 0) continue;
      const mid = i + Math.floor(q.length / 2);
      const r = document.createRange();
      r.setStart(n, mid);
      r.setEnd(n, mid + 1);
      r.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const b = r.getBoundingClientRect();
      return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
    }
    return null;
  }, quote);
  if (!box) throw new Error(`text not found: ${quote}`);
  await page.mouse.click(box.x, box.y);
}
