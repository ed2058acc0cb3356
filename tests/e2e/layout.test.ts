import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openHarness, selectText, type Harness } from './harness.ts';
import { VIEWS } from '../../renderer/src/shell/TopBar.tsx';

// axe-core is injected into the page as its source text (it runs in the browser, not in Node).
const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => {
  await h?.close();
});

async function show(page: Page, key: string) {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    document.getSelection()?.removeAllRanges();
  });
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
  const sel =
    'button, a[href], input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex="-1"]), [role=button], [contenteditable]';
  for (const el of document.querySelectorAll<HTMLElement>(sel)) {
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height || getComputedStyle(el).visibility === 'hidden') continue;
    const name = `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`;
    if (r.left < -0.5 || r.right > vw + 0.5) {
      out.push(`${name} is outside the window (${Math.round(r.left)}–${Math.round(r.right)} of ${vw})`);
      continue;
    }
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      if (getComputedStyle(a).overflowX === 'visible') continue;
      const b = a.getBoundingClientRect();
      // A scrolled-out element below or above the fold is fine; a sideways cut is not.
      if (r.bottom < b.top || r.top > b.bottom) break;
      if (r.left < b.left - 0.5 || r.right > b.right + 0.5) {
        out.push(
          `${name} is cut by .${[...a.classList].join('.') || a.tagName} (${Math.round(r.left)}–${Math.round(r.right)} in ${Math.round(b.left)}–${Math.round(b.right)})`,
        );
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
        const m = await page.evaluate(() => ({
          doc: [document.documentElement.scrollWidth, document.documentElement.clientWidth],
          body: [document.body.scrollWidth, document.body.clientWidth],
        }));
        if (m.doc[0] > m.doc[1] || m.body[0] > m.body[1]) problems.push(`${label}: page is ${m.doc[0]} px wide in a ${m.doc[1]} px window`);
        for (const c of await page.evaluate(clippedControls)) problems.push(`${label}: ${c}`);
      }
      expect(problems).toEqual([]);
    });
  }
});

/** Serious and critical axe-core violations on the page as it is now. */
async function axeProblems(page: Page, where: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource); // through the debugger protocol: the app's CSP (rightly) refuses inline scripts
  const v = await page.evaluate(async () => {
    const r = await (
      window as unknown as {
        axe: { run(c: Document): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe.run(document);
    return r.violations
      .filter((x) => x.impact === 'serious' || x.impact === 'critical')
      .map(
        (x) =>
          `${x.impact} ${x.id} (${x.help}): ${x.nodes
            .slice(0, 4)
            .map((n) => n.target.join(' '))
            .join(' | ')}${x.nodes.length > 4 ? ` and ${x.nodes.length - 4} more` : ''}`,
      );
  });
  return v.map((x) => `${where}: ${x}`);
}

describe('accessibility (axe-core)', () => {
  it('finds no serious or critical violation in any view', async () => {
    const { page } = h;
    await page.setViewportSize({ width: 1280, height: 800 });
    const found: string[] = [];
    for (const [, label, key] of VIEWS) {
      await show(page, key);
      found.push(...(await axeProblems(page, label)));
    }
    expect(found).toEqual([]);
  });

  it('finds none in the coding panel tabs, the dialogs and the narrow-window overlay either', async () => {
    const { page } = h;
    await page.setViewportSize({ width: 1280, height: 800 });
    await show(page, '1');
    const found: string[] = [];
    for (const tab of ['Code', 'History', 'Coding']) {
      await page.getByRole('button', { name: tab, exact: true }).click();
      await page.waitForTimeout(200);
      found.push(...(await axeProblems(page, `${tab} tab`)));
    }
    await selectText(page, 'The nurse is nice');
    await page.keyboard.press('c');
    await page.getByLabel('Code name').waitFor();
    found.push(...(await axeProblems(page, 'Code picker')));
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    await page.getByRole('dialog').waitFor();
    found.push(...(await axeProblems(page, 'Shortcut help')));
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('[');
    await page.locator('.workspace.narrow > .sidebar').waitFor();
    found.push(...(await axeProblems(page, 'Narrow overlay')));
    await page.keyboard.press('[');
    expect(found).toEqual([]);
  });
});

describe('focus', () => {
  it('is drawn on every control Tab reaches, in every view', async () => {
    const { page } = h;
    await page.setViewportSize({ width: 1280, height: 800 });
    const unseen: string[] = [];
    for (const [, label, key] of VIEWS) {
      await show(page, key);
      for (let k = 0; k < 30; k++) {
        await page.keyboard.press('Tab');
        const f = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return null;
          const cs = getComputedStyle(el);
          const drawn = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 1;
          return {
            drawn,
            name: `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}"`,
          };
        });
        if (f && !f.drawn) unseen.push(`${label}: ${f.name}`);
      }
    }
    expect([...new Set(unseen)]).toEqual([]);
  });
});

describe('panels per view', () => {
  it('collapses the document list with [ or its button, per view, remembered, and the centre takes the space', async () => {
    const { page } = h;
    await page.setViewportSize({ width: 1440, height: 900 });
    const state = () =>
      page.evaluate(() => ({
        left: !!document.querySelector('.sidebar:not([hidden])'),
        right: !!document.querySelector('.right-panel'),
        centre: Math.round(document.querySelector('.centre')!.getBoundingClientRect().width),
        space: Math.round(document.querySelector('.workspace')!.getBoundingClientRect().width),
      }));
    await show(page, '1');
    expect(await state()).toMatchObject({ left: true, right: true });
    await page.keyboard.press('[');
    await expect.poll(async () => (await state()).left).toBe(false);
    await show(page, '2');
    expect(await state()).toMatchObject({ left: true, right: true });
    // Themes, Map and Reconcile start with neither panel: the centre is the whole workspace.
    for (const key of ['5', '6', '7']) {
      await show(page, key);
      const s = await state();
      expect(s).toMatchObject({ left: false, right: false });
      expect(s.centre).toBe(s.space);
    }
    await page.keyboard.press(']');
    await expect.poll(async () => (await state()).right).toBe(true);
    await page.reload();
    await page.waitForSelector('.app[data-ready="true"]');
    await show(page, '7');
    expect(await state()).toMatchObject({ left: false, right: true });
    await page.getByRole('button', { name: 'Hide coding panel' }).click();
    await show(page, '1');
    expect(await state()).toMatchObject({ left: false, right: true });
    await page.getByRole('button', { name: 'Show documents and codebook' }).click();
    expect(await state()).toMatchObject({ left: true, right: true });
  });

  it('floats the document list over the centre in a 1024 px window, and Escape closes it', async () => {
    const { page } = h;
    await page.setViewportSize({ width: 1024, height: 768 });
    await show(page, '1');
    const centre = () => page.evaluate(() => Math.round(document.querySelector('.centre')!.getBoundingClientRect().width));
    const before = await centre();
    expect(await page.locator('.sidebar:not([hidden])').count()).toBe(0);
    await page.keyboard.press('[');
    await page.locator('.workspace.narrow > .sidebar').waitFor();
    expect(await page.locator('.sidebar').evaluate((e) => getComputedStyle(e).position)).toBe('absolute');
    expect(await centre()).toBe(before);
    await page.locator('.doc-item').first().waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.sidebar:not([hidden])').count()).toBe(0);
    // Picking a code in the floating codebook puts it away too; Quotes offers to show it.
    await show(page, '2');
    await page.getByRole('button', { name: 'Show the codebook' }).click();
    await page.locator('.code-row').nth(1).click();
    await expect.poll(() => page.locator('.sidebar:not([hidden])').count()).toBe(0);
    await page.locator('.quote-item').first().waitFor();
  });
});

describe('the map fits the view, zooms and pans', () => {
  it('fits every box in the canvas, zooms with + and the buttons, pans by dragging, and F fits again', async () => {
    const { page } = h;
    await page.setViewportSize({ width: 1280, height: 800 });
    await show(page, '6');
    const canvas = page.getByTestId('map-canvas');
    await canvas.locator('g[data-id]').first().waitFor();
    const boxes = () =>
      canvas.evaluate((c) => {
        const o = c.getBoundingClientRect();
        return [...c.querySelectorAll('g[data-id] > rect')].map((r) => {
          const b = r.getBoundingClientRect();
          return {
            x: b.x,
            y: b.y,
            w: b.width,
            inside: b.left >= o.left - 1 && b.right <= o.right + 1 && b.top >= o.top - 1 && b.bottom <= o.bottom + 1,
          };
        });
      });
    const fitted = await boxes();
    expect(fitted.length).toBeGreaterThan(3);
    expect(fitted.every((b) => b.inside)).toBe(true);
    await page.keyboard.press('+');
    await expect.poll(() => page.locator('.zoom-level').textContent()).toBe('125%');
    const zoomed = await boxes();
    expect(zoomed[0].w / fitted[0].w).toBeCloseTo(1.25, 1);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(() => page.locator('.zoom-level').textContent()).toBe('156%');
    expect((await boxes()).some((b) => !b.inside)).toBe(true);
    // Drag the background: every box moves with the pointer.
    const o = (await canvas.boundingBox())!;
    const before = (await boxes())[0];
    await page.mouse.move(o.x + 6, o.y + 6);
    await page.mouse.down();
    await page.mouse.move(o.x + 66, o.y + 36, { steps: 4 });
    await page.mouse.up();
    const after = (await boxes())[0];
    expect(after.x - before.x).toBeCloseTo(60, -1);
    expect(after.y - before.y).toBeCloseTo(30, -1);
    await page.keyboard.press('f');
    await expect.poll(() => page.locator('.zoom-level').textContent()).toBe('100%');
    expect(await boxes()).toEqual(fitted);
  });
});
