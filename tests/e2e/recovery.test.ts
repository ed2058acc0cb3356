// Issue 13 in the browser: a real damaged project file (half a page of garbage) opened in the web
// mode is refused with two ways out as buttons; each opens a new project beside it, never touching it.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, shot, type Harness } from './harness.ts';
import { Service } from '../../src/api/service.ts';
import { backupSettings } from '../../src/lib/backup-paths.ts';
import { tearLeafPage } from '../helpers/damage.ts';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => {
  await h?.close();
});

const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');

/** Three interviews and a code, one backup, then a page of the turns table torn. */
async function damagedProject(name: string): Promise<string> {
  const dir = path.join(h.dir, name);
  fs.mkdirSync(dir);
  const file = path.join(dir, 'fieldwork.thematic');
  const s = Service.open(file, { create: true });
  for (let k = 1; k <= 3; k++) {
    const text = Array.from({ length: 200 }, (_, i) => `Interviewee ${k}: line ${i} about the clinic and the peer worker.`).join('\n\n');
    await s.call('documents.import', { files: [{ name: `Interview ${k}.txt`, contentBase64: Buffer.from(text).toString('base64') }] });
  }
  await s.call('codes.create', { name: 'Clinic trust' });
  await s.backupNow(backupSettings());
  s.close();
  tearLeafPage(file, 'turns');
  return file;
}

async function openDamaged(file: string) {
  const { page } = h;
  await page.getByRole('button', { name: 'Home', exact: true }).click();
  await page.getByLabel('Project file path').fill(file);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  const offer = page.getByRole('alert', { name: 'Damaged project' });
  await expect.poll(() => offer.textContent()).toMatch(/fieldwork\.thematic is damaged/);
  h.pageErrors.length = 0; // the refused request is logged by the browser as a failed fetch
  return offer;
}

describe('a damaged project in the web mode', () => {
  it('salvages what is readable into a new project, opens it and shows the report', async () => {
    const { page } = h;
    const file = await damagedProject('salvage');
    const before = sha(file);
    const offer = await openDamaged(file);
    await offer.getByRole('button', { name: 'Salvage what is readable into a new project' }).click();
    await page.waitForSelector('.app[data-ready="true"]');
    await expect.poll(() => page.locator('.topbar').textContent(), { timeout: 20000 }).toContain('fieldwork-salvaged');
    await page.getByRole('button', { name: 'Home', exact: true }).click();
    const report = page.getByRole('region', { name: 'Salvage report' });
    await expect.poll(() => report.textContent()).toContain('The damaged file was not changed.');
    expect(await report.locator('tr', { hasText: 'documents' }).textContent()).toMatch(/documents3/);
    expect(await report.locator('tr', { hasText: 'codes' }).first().textContent()).toMatch(/codes1/);
    expect(await report.getByLabel('What was lost').textContent()).toContain('Some turns rows could not be read.');
    await expect.poll(() => page.locator('.doc-list li').count()).toBe(3);
    expect(await page.locator('.doc-list').textContent()).toContain('Interview 2');
    expect(fs.existsSync(path.join(path.dirname(file), 'fieldwork-salvaged.thematic'))).toBe(true);
    expect(sha(file)).toBe(before);
    await shot(page, '41-salvage-report');
  });

  it('opens the latest good backup as a new project beside the damaged one', async () => {
    const { page } = h;
    const file = await damagedProject('backup');
    const before = sha(file);
    const offer = await openDamaged(file);
    await offer.getByRole('button', { name: 'Open the latest good backup' }).click();
    await page.waitForSelector('.app[data-ready="true"]');
    await expect.poll(() => page.locator('.topbar').textContent(), { timeout: 20000 }).toContain('fieldwork-restored-');
    await page.getByRole('button', { name: 'Home', exact: true }).click();
    const notice = page.getByRole('status', { name: 'Opened backup' });
    await expect
      .poll(() => notice.textContent())
      .toMatch(
        /fieldwork\.thematic is damaged, so its latest good backup \(.*3 documents.*\) was restored as this new project\. The damaged file was not changed\./,
      );
    await expect.poll(() => page.locator('.doc-list li').count()).toBe(3);
    const restored = fs.readdirSync(path.dirname(file)).filter((n) => /^fieldwork-restored-.*\.thematic$/.test(n));
    expect(restored).toHaveLength(1);
    expect(sha(file)).toBe(before);
  });

  it('has no browser errors', () => {
    expect(h.pageErrors).toEqual([]);
    expect(h.dialogs).toEqual([]);
  });
});
