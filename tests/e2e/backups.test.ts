import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, shot, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('backups on the project home', () => {
  it('backs up, compares a backup with the current project and restores it as a copy', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Home', exact: true }).click();
    const card = page.getByRole('region', { name: 'Backups' });
    await expect.poll(() => card.textContent()).toContain('No backups yet.');
    await card.getByRole('button', { name: 'Back up now' }).click();
    const list = card.getByLabel('Backup list');
    await expect.poll(() => list.locator('li').count(), { timeout: 15000 }).toBe(1);
    const codes = (await h.api('codes.list', {})).length;
    expect(await list.textContent()).toContain(`${codes} codes`);
    const folder = path.join(path.dirname(h.service.path), 'backups');
    const [name] = fs.readdirSync(folder);
    expect(name).toMatch(/\.thematic$/);

    // A change after the backup: the comparison names it.
    await h.api('codes.create', { name: 'Added after the backup' });
    await list.getByRole('button', { name: 'Compare with current' }).click();
    const compare = card.getByLabel('Comparison with current');
    await expect.poll(() => compare.textContent(), { timeout: 10000 }).toContain('+1 code (Added after the backup)');

    await list.getByRole('button', { name: 'Restore as copy' }).click();
    await expect
      .poll(() => card.getByRole('status').last().textContent(), { timeout: 10000 })
      .toMatch(/Restored as a new project: .*-restored-.*\.thematic \(\d+ documents, \d+ codings\)\. The open project is unchanged\./);
    const restored = (await card.getByRole('status').last().textContent())!.match(/: (\/\S+\.thematic)/)![1];
    const db = new Database(restored, { readonly: true });
    expect((db.prepare('SELECT COUNT(*) AS n FROM codes').get() as { n: number }).n).toBe(codes);
    db.close();
    expect((await h.api('codes.list', {})).length).toBe(codes + 1); // the open project is unchanged
    await shot(page, '40-backups');
  });

  it('has no browser errors', () => {
    expect(h.pageErrors).toEqual([]);
    expect(h.dialogs).toEqual([]);
  });
});
