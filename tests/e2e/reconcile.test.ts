import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, shot, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('reconciliation and blind mode', () => {
  it('resolves one disagreement with "keep A" and a rationale, and logs it', async () => {
    const { page } = h;
    const before = await h.api('reconcile.list', { coderA: 'Amira', coderB: 'Ben', consensus: 'Consensus', status: 'all', context: 80 });
    const total = before.progress.total;
    expect(total).toBeGreaterThan(0);
    await page.keyboard.press('7');
    const progress = page.getByTestId('reconcile-progress');
    await expect.poll(() => progress.textContent()).toBe(`0 of ${total} resolved`);
    expect(await page.locator('.rc-item').count()).toBe(total);
    await expect.poll(() => page.getByTestId('agreement-table').locator('td.num').first().textContent()).toMatch(/%$/);
    await shot(page, '30-reconcile');

    const first = page.locator('.rc-item').first();
    const key = await first.getAttribute('data-key');
    await first.getByLabel('Rationale').fill('A caught the whole account');
    await first.getByRole('button', { name: 'Keep A', exact: true }).click();
    await expect.poll(() => progress.textContent()).toBe(`1 of ${total} resolved`);
    await expect.poll(() => page.locator(`.rc-item[data-key="${key}"]`).textContent()).toContain('Resolved: kept A');

    const log = await h.api('reconcile.log', { coderA: 'Amira', coderB: 'Ben', includeSuperseded: true });
    // The first decision also put every agreed passage into the consensus ('agreed' entries).
    const decided = log.decisions.filter((x) => x.kind !== 'agreed');
    expect(decided).toHaveLength(1);
    expect(log.decisions.filter((x) => x.kind === 'agreed').length).toBeGreaterThan(0);
    expect(decided[0]).toMatchObject({ key, kind: 'keep-a', rationale: 'A caught the whole account', coderA: 'Amira', coderB: 'Ben' });
    expect(log.csv).toContain('A caught the whole account');
    // The decision wrote A's spans into the consensus coder (beside the agreed codings it accepted).
    const consensus = (await h.api('codings.list', {})).filter((c) => c.coder === 'Consensus');
    const chosen = decided[0].codingIds;
    expect(chosen.length).toBe(before.items.find((d) => d.key === key)!.a.length);
    expect(consensus.filter((c) => chosen.includes(c.id)).map((c) => [c.start, c.end])).toEqual(
      before.items.find((d) => d.key === key)!.a.map((x) => [x.start, x.end]),
    );
    await shot(page, '31-reconcile-resolved');
  });

  it('has accepted the agreed passages into the consensus and shows agreement after', async () => {
    const { page } = h;
    await expect
      .poll(
        async () =>
          (await h.api('reconcile.list', { coderA: 'Amira', coderB: 'Ben', consensus: 'Consensus', status: 'all', context: 0 })).agreed,
      )
      .toSatisfy((a: { passages: number; accepted: number }) => a.accepted === a.passages && a.passages > 0);
    const after = page.getByTestId('agreement-table').locator('tbody tr').first().locator('td').nth(2);
    await expect.poll(() => after.textContent()).toMatch(/^\d+\.\d%$/);
    // Beside the values, a 95% interval from a seeded cluster bootstrap over whole documents, as the API gives it.
    const interval = page.getByTestId('agreement-table').locator('tbody tr').nth(1).locator('td').nth(3);
    await expect.poll(() => interval.textContent(), { timeout: 20_000 }).toMatch(/^-?\d\.\d{3} – -?\d\.\d{3}$/);
    const api = await h.api('agreement.compute', {
      coders: ['Amira', 'Ben'],
      unit: 'character',
      bootstrap: 200,
      seed: 1,
      unitizing: false,
    });
    const ci = api.overall.coefficients.find((c) => c.coefficient === 'cohen_kappa')!.ci!;
    expect(await interval.textContent()).toBe(`${ci.lower!.toFixed(3)} – ${ci.upper!.toFixed(3)}`);
    expect(await interval.getAttribute('title')).toMatch(/^95% interval: .*whole documents/);
  });

  it('resolves a boundary disagreement with edited boundaries, previewing the words kept', async () => {
    const { page } = h;
    await page.keyboard.press('7');
    const list = await h.api('reconcile.list', { coderA: 'Amira', coderB: 'Ben', consensus: 'Consensus', status: 'all', context: 80 });
    const d = list.items.find((x) => x.kind === 'boundaries' && !x.decision)!;
    expect(d).toBeDefined();
    const item = page.locator(`.rc-item[data-key="${d.key}"]`);
    await item.getByRole('button', { name: 'Edit boundaries…' }).click();
    const start = d.start + 2,
      end = d.end - 1;
    await item.getByLabel('Edited start').fill(String(start));
    await item.getByLabel('Edited end').fill(String(end));
    await expect.poll(() => item.getByTestId('edited-preview').textContent()).toBe(`“${d.text.slice(2, d.text.length - 1)}”`);
    await item.getByLabel('Rationale').fill('Trimmed to the claim itself');
    await item.getByRole('button', { name: 'Save edited span' }).click();
    await expect.poll(() => item.textContent()).toContain('Resolved: edited');
    const log = await h.api('reconcile.log', { coderA: 'Amira', coderB: 'Ben', includeSuperseded: false });
    const decision = log.decisions.find((x) => x.key === d.key)!;
    expect(decision).toMatchObject({ kind: 'edited', rationale: 'Trimmed to the claim itself' });
    const consensus = await h.api('codings.list', { coder: 'Consensus', documentId: d.documentId, codeId: d.codeId });
    expect(consensus.some((c) => c.start === start && c.end === end)).toBe(true);
  });

  it('explains and applies "exclude text no coder coded": percent agreement falls to coded text only', async () => {
    const { page } = h;
    await page.keyboard.press('7');
    const table = page.getByTestId('agreement-table');
    const pct = async () => Number(((await table.locator('tbody tr').first().locator('td').nth(1).textContent()) ?? '').replace('%', ''));
    await expect.poll(pct).toBeGreaterThan(0);
    const all = await pct();
    await page.getByLabel('Exclude text no coder coded').check();
    await expect
      .poll(() => page.getByTestId('exclude-explanation').textContent())
      .toMatch(/Only text that at least one coder coded counts/);
    await expect.poll(pct).toBeLessThan(all);
    const [a, b] = (await h.api('coders.list', {})).filter((c) => !c.isConsensus).map((c) => c.name);
    const api = await h.api('agreement.compute', {
      coders: [a, b],
      unit: 'character',
      excludeUncoded: true,
      bootstrap: 0,
      unitizing: false,
    });
    const expected = api.overall.coefficients.find((c) => c.coefficient === 'percent_agreement')!.value!;
    expect(await pct()).toBeCloseTo(expected * 100, 1);
    await page.getByLabel('Exclude text no coder coded').uncheck();
  });

  it('sorts the disagreements by document', async () => {
    const { page } = h;
    await page.keyboard.press('7');
    const list = await h.api('reconcile.list', { coderA: 'Amira', coderB: 'Ben', consensus: 'Consensus', status: 'all', context: 0 });
    const firstDoc = [...new Set(list.items.map((d) => d.document))].sort((x, y) => x.localeCompare(y, undefined, { numeric: true }))[0];
    await page.getByLabel('Sort disagreements').selectOption('document');
    await expect
      .poll(() => page.locator('.rc-item').first().getAttribute('data-key'))
      .toMatch(new RegExp(`^${list.items.find((d) => d.document === firstDoc)!.documentId}:`));
    await page.getByLabel('Sort disagreements').selectOption('code');
  });

  it('downloads the agreement report with a methods paragraph, and every coefficient as CSV', async () => {
    const { page } = h;
    await page.keyboard.press('7');
    const [html] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Agreement report (HTML)' }).click(),
    ]);
    const text = (await import('node:fs')).readFileSync((await html.path())!, 'utf8');
    expect(text).toMatch(/<html/i);
    expect(text).toMatch(/Krippendorff/);
    expect(text).toMatch(/Thematic \d+\.\d+\.\d+/);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Coefficients (CSV)' }).click()]);
    const rows = (await import('node:fs'))
      .readFileSync((await csv.path())!, 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(rows.length).toBeGreaterThan(5);
  });

  it('blind mode keeps the visibility on "mine" and disables the other options', async () => {
    const { page } = h;
    await page.getByRole('radio', { name: 'Both' }).click();
    await page.getByLabel('Blind mode').check();
    await expect.poll(() => page.getByRole('radio', { name: 'Other coder' }).isDisabled()).toBe(true);
    expect(await page.getByRole('radio', { name: 'Both' }).isDisabled()).toBe(true);
    expect(await page.getByRole('radio', { name: 'Mine' }).getAttribute('aria-checked')).toBe('true');
    expect(await page.evaluate(() => localStorage.getItem('thematic.blind'))).toBe('on');
    // Survives a reload (kept in this browser profile).
    await page.reload();
    await page.waitForSelector('.app[data-ready="true"]');
    expect(await page.getByRole('radio', { name: 'Other coder' }).isDisabled()).toBe(true);
    await page.keyboard.press('1');
    // Nor does the document list show how far the other coder has got.
    const names = await page.locator('.doc-list .progress-name').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    expect(new Set(names)).toEqual(new Set([await page.getByLabel('I am coding as').inputValue()]));
    await shot(page, '32-blind-mode');
    await page.getByLabel('Blind mode').uncheck();
    expect(await page.getByRole('radio', { name: 'Other coder' }).isDisabled()).toBe(false);
    expect(h.pageErrors).toEqual([]);
    expect(h.dialogs).toEqual([]);
  });
});
