import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickText, highlightTexts, openDocument, openHarness, selectText, shot, type Harness } from './harness.ts';

let h: Harness;
let docId: number;
let docText: string;
const QUOTE = 'I have a history with hospitals';

beforeAll(async () => {
  h = await openHarness();
  const doc = (await h.api('documents.list', {})).find((d) => d.name.startsWith('P04'))!;
  docId = doc.id;
  docText = (await h.api('documents.get', { id: docId })).text;
  await openDocument(h.page, doc.name);
});
afterAll(async () => {
  await h?.close();
});

const stigma = async () => (await h.api('codes.list', {})).find((c) => c.name === 'Stigma from staff')!;
const isNew = (c: { start: number; end: number }) => c.start === docText.indexOf(QUOTE) && c.end === c.start + QUOTE.length;
const mine = async () => await h.api('codings.list', { documentId: docId, coder: 'Amira' });

describe('coding a transcript in the web mode', () => {
  it('opens the sample study with its documents, codebook and painted codings', async () => {
    const { page } = h;
    expect(await page.locator('.doc-item').count()).toBe((await h.api('documents.list', {})).length);
    expect(await page.locator('.code-row').count()).toBe((await h.api('codes.list', {})).length);
    const painted = await page.evaluate(() => [...CSS.highlights.keys()].filter((k) => k.startsWith('code-')).length);
    expect(painted).toBeGreaterThan(0);
    expect(await page.locator('.stripe-row').count()).toBeGreaterThan(0);
    await shot(page, '01-workbench');
  });

  it('applies a code with the keyboard picker to exactly the selected characters and lists it', async () => {
    const { page } = h;
    const code = await stigma();
    const before = (await mine()).length;
    await selectText(page, QUOTE);
    await page.keyboard.press('c');
    await page.getByLabel('Code name').fill('stigma fr');
    await shot(page, '02-picker');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.codings-here .coding-card');
    const start = docText.indexOf(QUOTE);
    const made = (await mine()).filter((c) => c.codeId === code.id && c.start >= start - 5 && c.start < start + 5);
    expect((await mine()).length).toBe(before + 1);
    expect(made.map((c) => [c.start, c.end])).toEqual([[start, start + QUOTE.length]]);
    expect(docText.slice(made[0].start, made[0].end)).toBe(QUOTE);
    // Listed in the coding panel and in the codebook count, painted as a highlight over the same characters.
    await expect.poll(() => page.locator('.codings-here .coding-card .quote').first().textContent()).toBe(QUOTE);
    await expect
      .poll(() => page.locator(`.code-row[data-code-id="${code.id}"] .code-count`).textContent())
      .toBe(String(code.codingCount + 1));
    await expect.poll(() => highlightTexts(page, `code-${code.id}`)).toContain(QUOTE);
    await shot(page, '03-coded');
  });

  it('codes in vivo with V: the selected words become the code', async () => {
    const { page } = h;
    const words = "nobody's calling anybody";
    await selectText(page, words);
    await page.keyboard.press('v');
    await expect.poll(async () => (await h.api('codes.list', {})).find((c) => c.name === words)?.inVivo).toBe(true);
    const code = (await h.api('codes.list', {})).find((c) => c.name === words)!;
    const at = docText.indexOf(words);
    expect((await mine()).filter((c) => c.codeId === code.id).map((c) => [c.start, c.end])).toEqual([[at, at + words.length]]);
    await expect.poll(() => highlightTexts(page, `code-${code.id}`)).toEqual([words]);
  });

  it('creates a new code with N and applies it', async () => {
    const { page } = h;
    await selectText(page, 'the real stuff goes in your chart');
    await page.keyboard.press('n');
    await page.getByLabel('New code name').fill('Records follow you');
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => (await h.api('codes.list', {})).some((c) => c.name === 'Records follow you' && c.codingCount === 1))
      .toBe(true);
  });

  it('clicking a highlight shows its codings; Remove deletes one; undo and redo restore and remove it again', async () => {
    const { page } = h;
    await page.evaluate(() => document.getSelection()!.removeAllRanges());
    await clickText(page, QUOTE);
    const card = page.locator('.coding-card', { hasText: QUOTE });
    await card.waitFor();
    expect(await card.locator('.meta').textContent()).toContain('Amira');
    await card.getByRole('button', { name: 'Remove' }).click();
    await expect.poll(async () => (await mine()).filter(isNew).length).toBe(0);
    const code = await stigma();
    await expect.poll(() => highlightTexts(page, `code-${code.id}`)).not.toContain(QUOTE);

    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await mine()).filter(isNew).length).toBe(1);
    await expect.poll(() => highlightTexts(page, `code-${code.id}`)).toContain(QUOTE);
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(async () => (await mine()).filter(isNew).length).toBe(0);
    // The undo button in the top bar walks the same log.
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(async () => (await mine()).filter(isNew).length).toBe(1);
    // The transcript shows it again before anyone clicks it (the next test does).
    await expect.poll(() => highlightTexts(page, `code-${code.id}`)).toContain(QUOTE);
  });

  it('nudges a coding boundary by a word', async () => {
    const { page } = h;
    const [c] = (await mine()).filter(isNew);
    await clickText(h.page, QUOTE);
    const card = page.locator('.coding-card', { hasText: QUOTE });
    await card.waitFor();
    await card.getByLabel('End later').click();
    await expect.poll(async () => (await mine()).find((x) => x.id === c.id)?.end).toBeGreaterThan(c.end);
    const after = (await mine()).find((x) => x.id === c.id)!;
    expect(docText.slice(after.start, after.end)).toMatch(/^I have a history with hospitals\.?\s*\S*$/);
  });

  it('has no browser errors and no script dialogs', () => {
    expect(h.pageErrors).toEqual([]);
    expect(h.dialogs).toEqual([]);
  });
});
