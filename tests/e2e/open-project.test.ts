import path from 'node:path';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, shot, type Harness } from './harness.ts';
import { tmpDir } from '../helpers/project.ts';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('opening another project in the web mode', () => {
  it('refuses a missing file with a clear message, then creates a new project and switches to it', async () => {
    const { page } = h;
    await page.keyboard.press('0');
    const dir = tmpDir();
    await page.getByLabel('Project file path').fill(path.join(dir, 'missing.thematic'));
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/no such project file/);
    h.pageErrors.length = 0; // the refused request is logged by the browser as a failed fetch
    const target = path.join(dir, 'pilot study.thematic');
    await page.getByLabel('Project file path').fill(target);
    await page.getByRole('button', { name: 'Create new' }).click();
    await page.waitForSelector('.app[data-ready="true"]');
    await expect.poll(() => page.locator('.topbar').textContent()).toContain('pilot study');
    expect(fs.existsSync(target)).toBe(true);
    await expect.poll(() => page.locator('.doc-list li').count()).toBe(0);
    await shot(page, '40-new-project');
  });
});
