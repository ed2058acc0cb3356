import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openHarness, type Harness } from './harness.ts';
import { VIEWS } from '../../renderer/src/components/TopBar.tsx';

// axe-core is injected into the page as its source text (it runs in the browser, not in Node).
const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

let h: Harness;
beforeAll(async () => { h = await openHarness(); });
afterAll(async () => { await h?.close(); });

async function show(page: Page, key: string) {
  await page.evaluate(() => { (document.activeElement as HTMLElement | null)?.blur(); document.getSelection()?.removeAllRanges(); });
  await page.keyboard.press(key);
  await page.waitForTimeout(400);
}

/**
 * Every visible interactive element that sticks out of the window sideways, or out of an ancestor
 * that clips or scrolls it sideways (reachable only by a sideways scroll, or not at all).
 */
function clippedControls(): string[] {
  const out: string[] = [];
  const vw = document.documentElement.clientWidth;
  const sel = 'button, a[href], input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex="-1"]), [role=button], [contenteditable]';
  for (const el of document.querySelectorAll<HTMLElement>(sel)) {
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height || getComputedStyle(el).visibility === 'hidden') continue;
    const name = `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`;
    if (r.left < -0.5 || r.right > vw + 0.5) { out.push(`${name} is outside the window (${Math.round(r.left)}–${Math.round(r.right)} of ${vw})`); continue; }
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      if (getComputedStyle(a).overflowX === 'visible') continue;
      const b = a.getBoundingClientRect();
      // A scrolled-out element below or above the fold is fine; a sideways cut is not.
      if (r.bottom < b.top || r.top > b.bottom) break;
      if (r.left < b.left - 0.5 || r.right > b.right + 0.5) {
        out.push(`${name} is cut by .${[...a.classList].join('.') || a.tagName} (${Math.round(r.left)}–${Math.round(r.right)} in ${Math.round(b.left)}–${Math.round(b.right)})`);
        break;
      }
    }
  }
  return out;
}

describe('the workbench at any width', () => {
  for (const width of [1024, 1280, 1440]) {
    it(`has no sideways page scroll and no clipped control in any view at ${width} px`, async () => {
      const { page } = h;
      await page.setViewportSize({ width, height: width === 1024 ? 768 : 800 });
      const problems: string[] = [];
      for (const [view, label, key] of VIEWS) {
        await show(page, key);
        expect(await page.evaluate(() => document.querySelector('.app')?.getAttribute('data-view'))).toBe(view);
        const m = await page.evaluate(() => ({ doc: [document.documentElement.scrollWidth, document.documentElement.clientWidth], body: [document.body.scrollWidth, document.body.clientWidth] }));
        if (m.doc[0] > m.doc[1] || m.body[0] > m.body[1]) problems.push(`${label}: page is ${m.doc[0]} px wide in a ${m.doc[1]} px window`);
        for (const c of await page.evaluate(clippedControls)) problems.push(`${label}: ${c}`);
      }
      expect(problems).toEqual([]);
    });
  }
});

describe('accessibility (axe-core)', () => {
  it('finds no serious or critical violation in any view', async () => {
    const { page } = h;
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.evaluate(axeSource); // through the debugger protocol: the app's CSP (rightly) refuses inline scripts
    const found: string[] = [];
    for (const [, label, key] of VIEWS) {
      await show(page, key);
      const v = await page.evaluate(async () => {
        const r = await (window as unknown as { axe: { run(c: Document): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document);
        return r.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')
          .map((x) => `${x.impact} ${x.id} (${x.help}): ${x.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(' | ')}${x.nodes.length > 4 ? ` and ${x.nodes.length - 4} more` : ''}`);
      });
      for (const x of v) found.push(`${label}: ${x}`);
    }
    expect(found).toEqual([]);
  });
});
