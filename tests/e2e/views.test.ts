import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, shot, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('documents and analysis views', () => {
  it('filters documents by a participant attribute and edits attributes in the table', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Documents', exact: true }).click();
    const rows = page.getByRole('table', { name: 'Documents' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe((await h.api('documents.list', {})).length);
    await page.getByLabel('Filter attribute').selectOption('group');
    await page.getByLabel('Filter value').selectOption('patient');
    const patients = await h.api('documents.list', { attribute: { key: 'group', value: 'patient' } });
    await expect.poll(() => rows.count()).toBe(patients.length);
    const cell = page.getByLabel('P4 site');
    await cell.fill('C');
    await cell.press('Enter');
    await expect.poll(async () => (await h.api('participants.list', {})).find((p) => p.label === 'P4')?.attributes.site).toBe('C');
    await shot(page, '09-documents');
  });

  it('draws codes by attribute as a heat map and exports it as CSV', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Analysis', exact: true }).click();
    await page.getByLabel('Matrix attribute').selectOption('group');
    const codings = await h.api('codings.list', { coder: 'Amira' });
    const docs = await h.api('documents.list', {});
    const patientDocs = new Set(docs.filter((d) => d.attributes.group === 'patient').map((d) => d.id));
    const code = (await h.api('codes.list', {})).find((c) => codings.some((g) => g.codeId === c.id && patientDocs.has(g.documentId)))!;
    const expected = codings.filter((g) => g.codeId === code.id && patientDocs.has(g.documentId)).length;
    await page.locator('svg[aria-label="Code by attribute heat map"] g.cell').first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV' }).click()]);
    const csv = fs
      .readFileSync((await download.path())!, 'utf8')
      .trim()
      .split('\n');
    const header = csv[0].split(','),
      row = csv.find((l) => l.startsWith(`${/[",]/.test(code.name) ? `"${code.name.replace(/"/g, '""')}"` : code.name},`))!;
    expect(header[0]).toBe('code \\ group');
    expect(row).toBeDefined();
    expect(Number(row.split(',').at(header.indexOf('patient') - header.length))).toBe(expected);
    await shot(page, '10-analysis');
  });

  it("counts the matrix as percent of the group's participants, with each group's size", async () => {
    const { page } = h;
    await page.getByLabel('Matrix measure').selectOption('percent');
    const docs = await h.api('documents.list', {});
    const codings = await h.api('codings.list', { coder: 'Amira' });
    const people = (g: string) => new Set(docs.filter((d) => d.attributes.group === g).map((d) => d.participantId ?? -d.id));
    const code = (await h.api('codes.list', {})).find((c) => codings.some((x) => x.codeId === c.id))!;
    const groups = [...new Set(docs.map((d) => d.attributes.group ?? '(none)'))].sort();
    const heat = page.locator('svg[aria-label="Code by attribute heat map"]');
    await expect
      .poll(() => heat.locator('text', { hasText: /^n=\d+$/ }).allTextContents())
      .toEqual(groups.map((g) => `n=${people(g).size}`));
    const row = heat.locator('g', { has: page.locator('text', { hasText: code.name }) }).last();
    const want = groups.map((g) => {
      const covered = new Set(
        codings
          .filter((x) => x.codeId === code.id && docs.find((d) => d.id === x.documentId)?.attributes.group === g)
          .map((x) => docs.find((d) => d.id === x.documentId)!.participantId),
      );
      return covered.size ? `${Math.round((1000 * covered.size) / people(g).size) / 10}%` : '';
    });
    await expect.poll(() => row.locator('g.cell text').allTextContents()).toEqual(want);
    await shot(page, '10-analysis-percent');
  });

  it('has no browser errors', () => {
    expect(h.pageErrors).toEqual([]);
  });
});
