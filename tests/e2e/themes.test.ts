import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, shot, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('theme board and thematic map', () => {
  it('shows the theme tree as a board with the codes attached to each theme', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Themes', exact: true }).click();
    const { themes } = await h.api('themes.list', {});
    const names = themes.filter((t) => t.kind === 'theme').map((t) => t.name);
    expect(names).toHaveLength(9);
    for (const n of names) await expect.poll(() => page.getByText(n, { exact: true }).count()).toBeGreaterThan(0);
    await shot(page, '20-themes');
  });

  it('draws the map from the theme tree: the core, 3 groups and 9 themes as text', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Map', exact: true }).click();
    const canvas = page.getByTestId('map-canvas').first();
    await canvas.locator('svg text').first().waitFor();
    const text = (await canvas.locator('svg').first().textContent()) ?? '';
    // Wrapped labels are separate <tspan>s, so compare without white space.
    const squash = (s: string) => s.replace(/\s+/g, '');
    expect(squash(text)).toContain(squash('Peer support workers as a bridge'));
    for (const g of [
      'Functions of the bridge',
      'Building a strong bridge',
      'Characteristics of an effective peer worker',
      'Personal stability',
      'Advocacy',
    ]) {
      expect(squash(text)).toContain(squash(g));
    }
    await page.getByLabel('Map layout').selectOption('tree');
    await canvas.locator('svg text').first().waitFor();
    await shot(page, '21-map');
  });
});
