/**
 * Screenshots of every view at 1024, 1280 and 1440 px on the sample study (web mode, headless
 * Chromium), for looking at the layout: `npm exec -- node scripts/view-shots.ts /tmp/shots/after`.
 * Needs `vite build` first. Prints the page's horizontal overflow per shot as JSON.
 */
import path from 'node:path';
import fs from 'node:fs';
import { openHarness } from '../tests/e2e/harness.ts';

const out = path.resolve(process.argv[2] ?? '/tmp/shots/views');
fs.mkdirSync(out, { recursive: true });
const VIEWS = ['home', 'transcript', 'quotes', 'documents', 'analysis', 'themes', 'map', 'reconcile', 'anonymise'];
const KEYS: Record<string, string> = {
  home: '0',
  transcript: '1',
  quotes: '2',
  documents: '3',
  analysis: '4',
  themes: '5',
  map: '6',
  reconcile: '7',
  anonymise: '8',
};
const h = await openHarness();
const rows: unknown[] = [];
try {
  for (const width of [1024, 1280, 1440]) {
    await h.page.setViewportSize({ width, height: width === 1024 ? 768 : width === 1280 ? 800 : 900 });
    for (const v of VIEWS) {
      await h.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await h.page.keyboard.press(KEYS[v]);
      await h.page.waitForTimeout(700);
      const file = path.join(out, `${width}-${VIEWS.indexOf(v)}-${v}.png`);
      await h.page.screenshot({ path: file });
      const m = await h.page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      rows.push({ width, view: v, ...m, file });
    }
  }
} finally {
  await h.close();
}
console.log(JSON.stringify(rows, null, 1));
