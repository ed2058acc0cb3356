import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeQdc } from '../../src/features/refi/write-qdc.ts';
import { openHarness, shot, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => {
  await h?.close();
});

/** A codebook large enough that its import runs for a noticeable while. */
function codebook(n: number): Buffer {
  const codes = Array.from({ length: n / 10 }, (_, g) => ({
    guid: randomUUID(),
    name: `Imported group ${g}`,
    isCodable: true,
    children: Array.from({ length: 9 }, (_, k) => ({ guid: randomUUID(), name: `imported ${g}.${k}`, isCodable: true, children: [] })),
  }));
  return Buffer.from(writeQdc({ codes, sets: [] }));
}

describe('long work in the UI', () => {
  it('shows a background job with its phase in the status bar while the service imports, and the app keeps answering', async () => {
    const { page } = h;
    const before = (await h.api('codes.list', {})).length;
    await page.getByRole('button', { name: 'Home', exact: true }).click();
    const card = page.getByRole('region', { name: 'Exchange with other tools' });
    await card.getByLabel('REFI-QDA file').setInputFiles({ name: 'big-codebook.qdc', mimeType: 'application/xml', buffer: codebook(1000) });
    const job = page.locator('.statusbar').getByRole('progressbar');
    await expect.poll(() => job.count(), { timeout: 15000 }).toBeGreaterThan(0);
    expect(await job.first().getAttribute('aria-valuetext')).toMatch(/^Importing REFI-QDA: /);
    // While the job runs the service still answers the page: the project card re-reads its counts.
    const answered = await page.evaluate(async () => {
      const token = sessionStorage.getItem('thematic-token');
      const r = await fetch('/api/project.info', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: '{}',
      });
      return r.ok;
    });
    expect(answered).toBe(true);
    expect(await job.count()).toBeGreaterThan(0);
    await shot(page, '90-job-progress');
    await expect.poll(() => card.getByLabel('Exchange report').textContent(), { timeout: 30000 }).toContain('Imported big-codebook.qdc');
    await expect.poll(() => job.count()).toBe(0);
    expect((await h.api('codes.list', {})).length).toBe(before + 1000);
  });

  it('has no browser errors', () => {
    expect(h.pageErrors).toEqual([]);
    expect(h.dialogs).toEqual([]);
  });
});
