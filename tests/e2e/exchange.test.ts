import fs from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, ROOT, shot, type Harness } from './harness.ts';

const ATLAS = path.join(ROOT, '../shared/interop/atlasti8_standard_project_REFI_vendor_set.qde');
const NVIVO = path.join(ROOT, '../shared/interop/nvivo12.6_win_oltas0517.qdpx');

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('REFI-QDA exchange on the project home', () => {
  it('imports an ATLAS.ti project and names what it could not bring in', async () => {
    const { page } = h;
    const codesBefore = (await h.api('codes.list', {})).length;
    await page.getByRole('button', { name: 'Home', exact: true }).click();
    const card = page.getByRole('region', { name: 'Exchange with other tools' });
    await card.getByLabel('REFI-QDA file').setInputFiles(ATLAS);
    const report = card.getByLabel('Exchange report');
    await expect.poll(() => report.textContent(), { timeout: 15000 }).toContain('Imported atlasti8_standard_project_REFI_vendor_set.qde');
    // The vendor project's PDF, picture, audio and video sources are named in the report, not dropped.
    const text = (await report.textContent())!;
    expect(text).toMatch(/pdf/i);
    expect(text).toMatch(/video/i);
    expect((await h.api('codes.list', {})).length).toBe(codesBefore + 14);
    await shot(page, '30-refi-import');
  });

  it('exports the project as a .qdpx holding project.qde and the transcripts', async () => {
    const { page } = h;
    const card = page.getByRole('region', { name: 'Exchange with other tools' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      card.getByRole('button', { name: 'Export project (.qdpx)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.qdpx$/);
    const zip = unzipSync(new Uint8Array(fs.readFileSync((await download.path())!)));
    const qde = strFromU8(zip['project.qde']);
    expect(qde).toContain('urn:QDA-XML:project:1.0');
    const docs = await h.api('documents.list', {});
    expect(Object.keys(zip).filter((k) => k.startsWith('sources/') && k.endsWith('.txt')).length).toBe(docs.length);
    await expect.poll(() => card.getByLabel('Exchange report').textContent()).toMatch(/Exported .*\.qdpx/);
    await shot(page, '31-refi-export');
  });

  it('takes a .qdpx dropped among transcripts in the Documents view through the same import', async () => {
    const { page } = h;
    const docs = (await h.api('documents.list', {})).length;
    const codings = (await h.api('codings.list', {})).length;
    await page.keyboard.press('3');
    await page.getByLabel('Transcript files').setInputFiles(NVIVO);
    await expect.poll(() => page.getByTestId('import-count').textContent(), { timeout: 20000 }).toBe('1 / 1 files');
    await expect.poll(async () => (await h.api('documents.list', {})).length, { timeout: 20000 }).toBe(docs + 2);
    expect((await h.api('codings.list', {})).length).toBe(codings + 303);
  });

  it('has no browser errors', () => {
    expect(h.pageErrors).toEqual([]);
    expect(h.dialogs).toEqual([]);
  });
});
