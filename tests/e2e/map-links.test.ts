import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, shot, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => {
  await h?.close();
});

const themeNamed = async (name: string) => (await h.api('themes.list', {})).themes.find((t) => t.name === name)!;
const linksNow = async () => (await h.api('themes.list', {})).links;

describe('labelled links between themes', () => {
  it('link mode on the map: click a theme, click another, type a label; the map shows it clear of every box', async () => {
    const { page } = h;
    const before = await linksNow();
    await page.getByRole('button', { name: 'Map', exact: true }).click();
    const canvas = page.getByTestId('map-canvas').first();
    await canvas.locator('svg text').first().waitFor();
    const adv = await themeNamed('Advocacy'),
      stab = await themeNamed('Personal stability');
    await page.getByRole('button', { name: 'Link themes' }).click();
    await page.getByText('Click the theme the link starts from.').waitFor();
    await canvas.locator(`g[data-id="${adv.guid}"] > text`).click();
    await page.getByText('Now click the theme it goes to').waitFor();
    expect(await canvas.locator('g.link-pick').getAttribute('data-id')).toBe(adv.guid);
    await canvas.locator(`g[data-id="${stab.guid}"] > text`).click();
    await page.getByLabel('Link label').fill('depends on');
    await shot(page, '23-map-link-form');
    await page.getByRole('button', { name: 'Add link' }).click();
    await expect.poll(async () => (await linksNow()).length).toBe(before.length + 1);
    const link = (await linksNow()).find((l) => !before.some((b) => b.id === l.id))!;
    expect(link).toMatchObject({ fromId: adv.id, toId: stab.id, label: 'depends on' });

    // On screen: the label is drawn, and its box touches no theme box.
    const label = canvas.locator('text.link-label', { hasText: 'depends on' });
    await label.waitFor();
    const clash = await page.evaluate(() => {
      const svg = document.querySelector('[data-testid="map-canvas"] svg')!;
      const r = (el: Element) => (el as SVGGraphicsElement).getBBox();
      const labels = [...svg.querySelectorAll('g.link-label-box > rect')].map(r);
      const boxes = [...svg.querySelectorAll('g[data-id] > rect')].map(r);
      return labels.flatMap((a) =>
        boxes
          .filter((b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height)
          .map((b) => `${a.x},${a.y} on ${b.x},${b.y}`),
      );
    });
    expect(clash).toEqual([]);
    await page.getByRole('button', { name: 'Done linking' }).click();
    await shot(page, '24-map-link');

    // The exported SVG has the label too.
    const svg = Buffer.from((await h.api('map.export', { format: 'svg' })).base64, 'base64').toString('utf8');
    expect(svg).toMatch(/class="link-label"[^>]*>depends on</);
  });

  it('relabels and removes a link from the list under the map', async () => {
    const { page } = h;
    const field = page.getByLabel('Label of the link from Advocacy to Personal stability');
    await field.fill('relies on');
    await field.press('Enter');
    await expect.poll(async () => (await linksNow()).map((l) => l.label)).toContain('relies on');
    const canvas = page.getByTestId('map-canvas').first();
    await canvas.locator('text.link-label', { hasText: 'relies on' }).waitFor();
    const n = (await linksNow()).length;
    await page.getByRole('button', { name: 'Remove the link from Advocacy to Personal stability' }).click();
    await expect.poll(async () => (await linksNow()).length).toBe(n - 1);
    await expect.poll(() => canvas.locator('text.link-label', { hasText: 'relies on' }).count()).toBe(0);
  });

  it('links two themes from the theme board', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Themes', exact: true }).click();
    const from = await themeNamed('Training and mentorship'),
      to = await themeNamed('Establishing boundaries');
    const card = page.locator(`article[data-theme-id="${from.id}"]`);
    await card.getByRole('button', { name: 'Link…' }).click();
    await card.getByLabel('Link “Training and mentorship” to').selectOption(String(to.id));
    await card.getByLabel('Link label').fill('teaches');
    await card.getByRole('button', { name: 'Add link' }).click();
    await expect
      .poll(async () => (await linksNow()).some((l) => l.fromId === from.id && l.toId === to.id && l.label === 'teaches'))
      .toBe(true);
    await card.getByText('→ Establishing boundaries “teaches”').waitFor();
    await shot(page, '25-theme-board-link');
    expect(h.pageErrors).toEqual([]);
    expect(h.dialogs).toEqual([]);
  });
});
