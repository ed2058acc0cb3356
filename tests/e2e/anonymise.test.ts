import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, shot, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('the Share (anonymise) view', () => {
  it('edits a key, previews every occurrence and exports a copy that names no one', async () => {
    const { page } = h;
    // Key 8 opens the view (0-7 are the other views).
    await page.keyboard.press('8');
    await page.getByRole('heading', { name: 'Share an anonymised copy' }).waitFor();
    expect(await page.getByRole('button', { name: 'Share', exact: true }).getAttribute('class')).toContain('active');
    // Nothing scrolls sideways at this width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1440);
    await page.getByLabel('Find 1').fill('Amira');
    await page.getByLabel('Replace 1').fill('Coder A');
    await page.getByRole('button', { name: '+ Add replacement' }).click();
    await page.getByLabel('Find 2').fill('Friday');
    await page.getByLabel('Replace 2').fill('[day]');
    await page.getByLabel('Kind 2').selectOption('date');
    await page.getByRole('button', { name: '+ Add replacement' }).click();
    await page.getByLabel('Find 3').fill('form');
    await page.getByLabel('Replace 3').fill('[thing]');
    const key = [
      { find: 'Amira', replace: 'Coder A', kind: 'name' as const },
      { find: 'Friday', replace: '[day]', kind: 'date' as const },
      { find: 'form', replace: '[thing]', kind: 'name' as const },
    ];
    const expected = await h.api('anonymise.preview', { replacements: key });
    const docs = new Set(expected.occurrences.map((o) => o.documentId)).size;
    expect(expected.occurrences.length).toBeGreaterThan(2);
    const total = page.getByTestId('preview-total');
    const all = expected.perRule.reduce((a, b) => a + b, 0),
      inFields = expected.fields.reduce((a, f) => a + f.count, 0);
    expect(all - inFields).toBe(expected.occurrences.length);
    await expect
      .poll(() => total.textContent())
      .toBe(
        inFields
          ? `${all} occurrences: ${all - inFields} in ${docs} documents, ${inFields} in other fields`
          : `${all} occurrences in ${docs} documents`,
      );
    await expect.poll(() => page.getByTestId('found-2').textContent()).toBe(String(expected.perRule[1]));
    // Occurrences are grouped by document, with their context shown as text, never as markup.
    const groups = page.locator('.an-preview section');
    await expect.poll(() => groups.count()).toBe(docs + (expected.fields.length ? 1 : 0));
    const edge = page.getByRole('region', { name: 'Occurrences in Z-edge-cases' });
    await expect.poll(() => edge.textContent()).toContain('<b>x</b> into the form→[thing]?');
    expect(await page.locator('.an-preview b, .an-preview script').count()).toBe(0);
    await shot(page, 'anonymise-preview');

    await page.getByRole('button', { name: 'Export anonymised copy' }).click();
    const done = page.locator('.an-done');
    await done.waitFor();
    const out = path.join(h.dir, 'study-anonymised.thematic');
    expect(await done.locator('.path').textContent()).toBe(out);
    const bytes = fs.readFileSync(out);
    for (const w of ['Amira', 'Friday']) {
      expect(bytes.includes(Buffer.from(w, 'utf8')), w).toBe(false);
      expect(bytes.includes(Buffer.from(w, 'utf16le')), w).toBe(false);
    }
    // The open project is unchanged.
    expect((await h.api('coders.list', {})).map((c) => c.name)).toContain('Amira');
    // A second export does not overwrite the first unless asked.
    await page.getByRole('button', { name: 'Export anonymised copy' }).click();
    await expect.poll(() => page.locator('.an-view [role=alert]').textContent()).toContain('already exists');
    // The refused request is logged by the browser as a failed fetch: that one is expected.
    const refused = h.pageErrors.filter((e) => /status of 409/.test(e));
    expect(refused).toHaveLength(1);
    h.pageErrors.splice(h.pageErrors.indexOf(refused[0]), 1);
    await shot(page, 'anonymise-exported');
  });

  it('exports only a report, anonymised, with every coded segment and no replaced word', async () => {
    const { page } = h;
    await page.getByLabel('Anonymised report').selectOption('segments-csv');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export anonymised report' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/-anonymised\.csv$/);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv).not.toContain('Amira');
    expect(csv).toContain('Coder A');
    expect(
      csv
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r\n/).length,
    ).toBe((await h.api('codings.list', {})).length + 1);
  });

  it('says the occurrences are all in other fields when none is in a transcript (not "in 0 documents")', async () => {
    const { page } = h;
    await h.api('codes.create', { name: 'Zebrafinch memories', color: '#59a14f' });
    const key = [{ find: 'Zebrafinch', replace: '[bird]', kind: 'name' as const }];
    const expected = await h.api('anonymise.preview', { replacements: key });
    expect(expected.occurrences).toEqual([]);
    const n = expected.fields.reduce((a, f) => a + f.count, 0);
    expect(n).toBeGreaterThan(0);
    await page.reload();
    await page.waitForSelector('.app[data-ready="true"]');
    await page.keyboard.press('8');
    await page.getByLabel('Find 1').fill('Zebrafinch');
    await page.getByLabel('Replace 1').fill('[bird]');
    await expect
      .poll(() => page.getByTestId('preview-total').textContent())
      .toBe(`${n} occurrence${n === 1 ? '' : 's'}, all in other fields (none in the documents)`);
  });

  it('has no browser errors', () => {
    expect(h.pageErrors).toEqual([]);
  });
});
