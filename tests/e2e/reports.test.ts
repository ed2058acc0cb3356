import fs from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, shot, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('reports for the paper, from the Quotes view', () => {
  it('exports quotes of one theme as Word with the chosen attribution', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Quotes', exact: true }).click();
    await page.getByRole('button', { name: 'Reports for the paper…' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Reports for the paper' });
    const { themes } = await h.api('themes.list', {});
    const theme = themes.find((t) => t.kind === 'theme')!;
    await dialog.getByRole('group', { name: 'Themes' }).getByLabel(theme.name, { exact: true }).check();
    await shot(page, '32-reports-dialog');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Export', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const xml = strFromU8(unzipSync(new Uint8Array(fs.readFileSync((await download.path())!)))['word/document.xml']);
    expect(xml).toContain(theme.name);
    // Only the chosen theme: another theme's name is not a heading in the file.
    const other = themes.find((t) => t.kind === 'theme' && t.id !== theme.id && t.parentId !== theme.id)!;
    expect(xml).not.toContain(`>${other.name}<`);
    // Attribution "(P4, patient)"-style: a participant label and a group value.
    expect(xml).toMatch(/\(P\d+, (patient|HCP|peer worker|employer)[^)]*\)/);
  });

  it('exports the coded segments as CSV, one row per coding', async () => {
    const { page } = h;
    const dialog = page.getByRole('dialog', { name: 'Reports for the paper' });
    await dialog.getByLabel('Report', { exact: true }).selectOption('segments-csv');
    await dialog.getByRole('group', { name: 'Themes' }).locator('input:checked').uncheck();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Export', exact: true }).click(),
    ]);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    const codings = await h.api('codings.list', {});
    // Header plus one line per coding (no coded text in the sample spans a line break).
    expect(
      csv
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r\n/).length,
    ).toBe(codings.length + 1);
  });

  it('has no browser errors', () => {
    expect(h.pageErrors).toEqual([]);
    expect(h.dialogs).toEqual([]);
  });
});
