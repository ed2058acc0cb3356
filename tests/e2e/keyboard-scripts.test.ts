import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { highlightTexts, openDocument, openHarness, selectText, shot, type Harness } from './harness.ts';

let h: Harness;
let codeId = 0;
const ARABIC = 'Interviewer: كيف كانت تجربتك في المستشفى؟\n\nP4: الممرضات تجاهلنني تماما. العامل النظير تحدث نيابة عني.\n';
const HEBREW = 'Interviewer: איך היה בבית החולים?\n\nP4: הצוות התעלם ממני לגמרי. העובד העמית דיבר בשבילי.\n';
const CJK = `Interviewer: 你在医院的经历怎么样？\n\nP4: ${'护士们不理我，我只好一直等待。'.repeat(6)}同伴工作者为我说话。${'后来我感觉好多了。'.repeat(6)}\n`;

beforeAll(async () => {
  h = await openHarness();
  await h.api('documents.import', {
    files: [
      ['Y-arabic.txt', ARABIC],
      ['Y-hebrew.txt', HEBREW],
      ['Y-chinese.txt', CJK],
    ].map(([name, text]) => ({ name, contentBase64: Buffer.from(text).toString('base64') })),
    participant: 'P4',
  });
  codeId = (await h.api('codes.create', { name: 'Scripts test code', color: '#4e79a7' })).id;
  await h.page.reload();
  await h.page.waitForSelector('.app[data-ready="true"]');
});
afterAll(async () => {
  await h?.close();
});

async function docText(name: string) {
  const d = (await h.api('documents.list', {})).find((x) => x.name === name)!;
  return { id: d.id, text: (await h.api('documents.get', { id: d.id })).text };
}

/** Applies the test code to the current selection with C, the picker and Enter. */
async function applyCode(page: Page) {
  await page.keyboard.press('c');
  await page.getByLabel('Code name').fill('Scripts test');
  await page.keyboard.press('Enter');
}

/** With the transcript focused: arrow keys only, down line by line to the turn holding `target`, then word by word to it. */
async function caretTo(page: Page, target: string) {
  const focus = () =>
    page.evaluate(() => {
      const s = document.getSelection()!;
      const inside = !!s.focusNode && !!document.querySelector('.transcript-text')?.contains(s.focusNode);
      return { inside, node: s.focusNode?.textContent ?? '', at: s.focusOffset };
    });
  if (!(await focus()).inside) await page.keyboard.press('ArrowDown'); // the first key puts a caret at the first turn on screen
  await page.keyboard.press('Home');
  for (let k = 0; k < 30 && !(await focus()).node.includes(target); k++) await page.keyboard.press('ArrowDown');
  for (let k = 0; k < 30; k++) {
    const f = await focus();
    const next = f.node.slice(f.at, f.at + target.length);
    if (next === target) return;
    await page.keyboard.press(next.startsWith(' ') ? 'ArrowRight' : 'Control+ArrowRight');
  }
  throw new Error(`the caret did not reach "${target}"`);
}

const minePerDoc = async (id: number) =>
  (await h.api('codings.list', { documentId: id, coder: 'Amira' })).filter((c) => c.codeId === codeId);

describe('keyboard-only coding', () => {
  it('tabs to the transcript, moves a caret, extends a selection, applies a code and opens the coding, all by keyboard', async () => {
    const { page } = h;
    await openDocument(page, 'Z-edge-cases');
    const { id, text } = await docText('Z-edge-cases');
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      document.getSelection()?.removeAllRanges();
    });
    // Tab until the transcript has focus (as a keyboard user would reach it).
    let tabs = 0;
    while (!(await page.evaluate(() => document.activeElement?.classList.contains('transcript-text'))) && tabs < 60) {
      await page.keyboard.press('Tab');
      tabs++;
    }
    expect(tabs).toBeLessThan(60);
    // Focus is visible: an outline is drawn on the focused transcript.
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');
    await page.keyboard.press('ArrowDown'); // the first key puts a caret at the start of the first turn on screen
    await expect.poll(() => page.locator('.kbd-caret').count()).toBe(1);
    const target = 'peer worker';
    const at = text.indexOf(target);
    await caretTo(page, target);
    await page.keyboard.press('Shift+Control+ArrowRight');
    await page.keyboard.press('Shift+Control+ArrowRight');
    await expect.poll(() => page.evaluate(() => document.getSelection()!.toString())).toBe(target);
    await expect.poll(() => page.locator('[data-testid="selection-card"] .quote').textContent()).toBe(target);
    await shot(page, 'keyboard-selection');
    const before = (await minePerDoc(id)).length;
    await applyCode(page);
    await expect.poll(async () => (await minePerDoc(id)).length).toBe(before + 1);
    const made = (await minePerDoc(id)).find((c) => c.start === at)!;
    expect([made.start, made.end]).toEqual([at, at + target.length]);
    await expect.poll(() => highlightTexts(page, `code-${codeId}`)).toContain(target);
    // The stripe beside the turn names the code on hover (title) and to screen readers, not only by its colour.
    const bar = page.locator('.stripe-bar[role="img"][aria-label="Scripts test code"]');
    await bar.waitFor();
    expect(await bar.getAttribute('title')).toBe('Scripts test code');
    expect(await page.locator('.stripe-row', { has: bar }).getAttribute('aria-label')).toBe('Coded here: Scripts test code');
    // Enter on a caret opens the codings under it: none on uncoded words, the new one inside "peer worker".
    await page.locator('.transcript-text').focus();
    await caretTo(page, 'juice');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.codings-here').count()).toBe(0);
    await caretTo(page, target);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.locator('.codings-here .coding-card').first().waitFor({ timeout: 5000 });
    expect(await page.locator('.codings-here .coding-card .quote').allTextContents()).toEqual([target]);
    await shot(page, 'keyboard-opened-coding');
    // The codebook works from the keyboard too: Enter on a code's name chooses it, 2 lists its quotes.
    await page.locator(`.code-row[data-code-id="${codeId}"] .code-name`).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator(`.code-row[data-code-id="${codeId}"] .code-name`).getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('2');
    await expect.poll(() => page.locator('.quote-item mark').allTextContents()).toEqual([target]);
    await page.getByRole('button', { name: 'Coding', exact: true }).click(); // choosing a code showed the Code tab
  });
});

describe('right-to-left and CJK transcripts', () => {
  for (const [name, word] of [
    ['Y-arabic', 'تجاهلنني'],
    ['Y-hebrew', 'התעלם'],
  ] as const) {
    it(`${name}: reads right to left with the speaker on the right, and codes exactly the selected characters`, async () => {
      const { page } = h;
      await openDocument(page, name);
      const { id, text } = await docText(name);
      const look = await page.evaluate(() => {
        const p = [...document.querySelectorAll<HTMLElement>('.transcript-text p[data-start]')].find((x) => x.dataset.speaker === 'P4')!;
        const cs = getComputedStyle(p),
          before = getComputedStyle(p, '::before');
        const t = document.createRange();
        t.selectNodeContents(p);
        const text = t.getBoundingClientRect(),
          box = p.getBoundingClientRect();
        return {
          dir: cs.direction,
          padRight: parseFloat(cs.paddingRight),
          padLeft: parseFloat(cs.paddingLeft),
          beforeRight: before.right,
          textRight: text.right,
          boxRight: box.right,
          root: document.querySelector('.transcript-text')!.getAttribute('dir'),
        };
      });
      expect(look.dir).toBe('rtl');
      expect(look.root).toBe('rtl');
      // The speaker column is on the right (the turn's start), the text flush against it.
      expect(look.padRight).toBeGreaterThan(60);
      expect(look.padLeft).toBe(0);
      expect(look.beforeRight).toBe('0px');
      expect(Math.abs(look.boxRight - look.padRight - look.textRight)).toBeLessThan(3);
      await selectText(page, word);
      await applyCode(page);
      const at = text.indexOf(word);
      await expect.poll(async () => (await minePerDoc(id)).map((c) => [c.start, c.end])).toEqual([[at, at + word.length]]);
      await expect.poll(() => highlightTexts(page, `code-${codeId}`)).toEqual([word]);
      await shot(page, `script-${name}`);
    });
  }

  it('wraps a CJK transcript inside the page and codes exactly the selected characters', async () => {
    const { page } = h;
    await openDocument(page, 'Y-chinese');
    const { id, text } = await docText('Y-chinese');
    const wrap = await page.evaluate(() => {
      const p = [...document.querySelectorAll<HTMLElement>('.transcript-text p[data-start]')].find((x) => x.dataset.speaker === 'P4')!;
      const t = document.createRange();
      t.selectNodeContents(p);
      const lines = new Set([...t.getClientRects()].map((r) => Math.round(r.top))).size;
      const text = t.getBoundingClientRect(),
        box = p.getBoundingClientRect(),
        root = document.querySelector('.transcript-text')!;
      return {
        lines,
        inside: text.right <= box.right + 1 && text.left >= box.left - 1,
        overflow: root.scrollWidth - root.clientWidth,
        dir: getComputedStyle(p).direction,
      };
    });
    expect(wrap.dir).toBe('ltr');
    expect(wrap.lines).toBeGreaterThan(2);
    expect(wrap.inside).toBe(true);
    expect(wrap.overflow).toBeLessThanOrEqual(0);
    const word = '同伴工作者';
    await selectText(page, word);
    await applyCode(page);
    const at = text.indexOf(word);
    await expect.poll(async () => (await minePerDoc(id)).map((c) => [c.start, c.end])).toEqual([[at, at + word.length]]);
    await expect.poll(() => highlightTexts(page, `code-${codeId}`)).toEqual([word]);
    await shot(page, 'script-chinese');
  });

  it('has no browser errors', () => {
    expect(h.pageErrors).toEqual([]);
  });
});
