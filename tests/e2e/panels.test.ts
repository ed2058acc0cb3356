import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDocument, openHarness, shot, type Harness } from './harness.ts';

let h: Harness;
let docId: number;

beforeAll(async () => {
  h = await openHarness();
  const doc = (await h.api('documents.list', {})).find((d) => d.name.startsWith('P04'))!;
  docId = doc.id;
  await openDocument(h.page, doc.name);
});
afterAll(async () => {
  await h?.close();
});

/** Painted ranges per drawing style: backgrounds (code-N) and the other coder's underlines (code-N-other). */
const painted = () =>
  h.page.evaluate(() => {
    let fill = 0,
      other = 0;
    for (const [name, hl] of CSS.highlights) {
      if (!name.startsWith('code-')) continue;
      if (name.endsWith('-other')) other += hl.size;
      else fill += hl.size;
    }
    return { fill, other };
  });
const codeByName = async (name: string) => (await h.api('codes.list', {})).find((c) => c.name === name);

describe('panels', () => {
  it('switches whose codings are shown: mine, the other coder, both, consensus', async () => {
    const { page } = h;
    const all = await h.api('codings.list', { documentId: docId });
    const amira = all.filter((c) => c.coder === 'Amira').length,
      ben = all.filter((c) => c.coder === 'Ben').length;
    expect(amira).toBeGreaterThan(0);
    expect(ben).toBeGreaterThan(0);
    await expect.poll(painted).toEqual({ fill: amira, other: 0 });
    await page.getByRole('radio', { name: 'Other coder' }).click();
    await expect.poll(painted).toEqual({ fill: ben, other: 0 });
    await page.getByRole('radio', { name: 'Both' }).click();
    await expect.poll(painted).toEqual({ fill: amira, other: ben });
    await shot(page, '05-both-coders');
    await page.getByRole('radio', { name: 'Consensus' }).click();
    await expect.poll(painted).toEqual({ fill: 0, other: 0 });
    await page.getByRole('radio', { name: 'Mine' }).click();
    // The coder selector changes who "mine" is.
    await page.getByLabel('I am coding as').selectOption('Ben');
    await expect.poll(painted).toEqual({ fill: ben, other: 0 });
    expect(await page.evaluate(() => localStorage.getItem('thematic.coder'))).toBe('Ben');
    await page.getByLabel('I am coding as').selectOption('Amira');
  });

  it('renames a code and edits its definition in the codebook', async () => {
    const { page } = h;
    const code = (await codeByName('Distrust of healthcare'))!;
    await page.locator(`.code-row[data-code-id="${code.id}"]`).click();
    await page.getByLabel('Code name').fill('Distrust of the healthcare system');
    await page.getByLabel('Definition').fill('Expressions of not trusting clinicians or the hospital.');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(async () => (await h.api('codes.list', {})).find((c) => c.id === code.id)?.name)
      .toBe('Distrust of the healthcare system');
    expect((await h.api('codes.list', {})).find((c) => c.id === code.id)?.definition).toBe(
      'Expressions of not trusting clinicians or the hospital.',
    );
    await expect
      .poll(() => page.locator(`.code-row[data-code-id="${code.id}"] .code-name`).textContent())
      .toBe('Distrust of the healthcare system');
    await shot(page, '06-code-details');
  });

  it('re-parents a code by dragging it onto another', async () => {
    const { page } = h;
    const child = (await codeByName('Distrust of the healthcare system'))!;
    const target = (await codeByName('System barriers'))!;
    // HTML5 drag and drop, event by event (what a mouse drag fires), with one DataTransfer throughout.
    const dt = await page.evaluateHandle(() => new DataTransfer());
    const from = page.locator(`.code-row[data-code-id="${child.id}"]`),
      to = page.locator(`.code-row[data-code-id="${target.id}"]`);
    await from.dispatchEvent('dragstart', { dataTransfer: dt });
    await to.dispatchEvent('dragenter', { dataTransfer: dt });
    await to.dispatchEvent('dragover', { dataTransfer: dt });
    await to.dispatchEvent('drop', { dataTransfer: dt });
    await from.dispatchEvent('dragend', { dataTransfer: dt });
    await expect.poll(async () => (await h.api('codes.list', {})).find((c) => c.id === child.id)?.parentId).toBe(target.id);
  });

  it('lists the quotes of a code with attribution from the participant, in a configurable format, and jumps back', async () => {
    const { page } = h;
    // A code Amira (the coder shown) used in P4's interview.
    const used = (await h.api('codings.list', { documentId: docId, coder: 'Amira' }))[0];
    const code = (await h.api('codes.list', {})).find((c) => c.id === used.codeId)!;
    await page.locator(`.code-row[data-code-id="${code.id}"]`).click();
    await page.getByRole('button', { name: 'Quotes', exact: true }).click();
    const p4 = page.locator('.quote-item', { hasText: 'P04-patient' }).first();
    await p4.waitFor();
    expect(await p4.locator('.attribution').textContent()).toBe('(P4, patient)');
    const quotes = await h.api('codings.list', { codeId: code.id, coder: 'Amira' });
    expect(await page.locator('.quote-item').count()).toBe(new Set(quotes.map((q) => `${q.documentId}:${q.start}:${q.end}`)).size);
    await shot(page, '07-quotes');
    await page.getByLabel('Attribution format').fill('({participant}, {site})');
    await expect.poll(() => p4.locator('.attribution').textContent()).toBe('(P4, B)');
    await page.getByLabel('Attribution format').fill('({participant}, {group})');
    await p4.locator('.quote-jump').click();
    await expect.poll(() => page.locator('.doc-title h1').isVisible()).toBe(true);
    expect(await page.locator('.doc-title h1').textContent()).toBe('P04-patient');
  });

  it('deletes a code with its codings only after confirming', async () => {
    const { page } = h;
    const code = (await codeByName('Self-care and burnout'))!;
    expect(code.codingCount).toBeGreaterThan(0);
    await page.locator(`.code-row[data-code-id="${code.id}"]`).click();
    await page.getByRole('button', { name: 'Delete code' }).click();
    await page.getByRole('dialog', { name: 'Delete code' }).getByRole('button', { name: 'Cancel' }).click();
    expect(await codeByName('Self-care and burnout')).toBeDefined();
    await page.getByRole('button', { name: 'Delete code' }).click();
    await page.getByRole('dialog', { name: 'Delete code' }).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => codeByName('Self-care and burnout')).toBeUndefined();
  });

  it('shows the operation log in the history panel', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'History', exact: true }).click();
    await expect.poll(() => page.locator('.history .op').first().textContent()).toContain('Delete code "Self-care and burnout"');
    expect(await page.locator('.history').textContent()).toContain(
      'Rename code "Distrust of healthcare" to "Distrust of the healthcare system"',
    );
    await shot(page, '08-history');
  });

  it('opens the shortcut help with ?', async () => {
    await h.page.keyboard.press('?');
    await h.page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await h.page.keyboard.press('Escape');
    expect(await h.page.getByRole('dialog').count()).toBe(0);
  });

  it('has no browser errors', () => {
    expect(h.pageErrors).toEqual([]);
  });
});
