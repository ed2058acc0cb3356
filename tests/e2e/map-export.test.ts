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

/** Chooses the settings in the map's export bar, clicks Export and returns the downloaded file. */
async function exportFigure(format: string, width: string, dpi?: string): Promise<{ name: string; bytes: Buffer }> {
  const bar = h.page.getByRole('group', { name: 'Export the map' });
  await bar.getByLabel('Export format').selectOption(format);
  await bar.getByLabel('Export width').selectOption(width);
  if (dpi) await bar.getByLabel('Export resolution').selectOption(dpi);
  const [download] = await Promise.all([h.page.waitForEvent('download'), bar.getByRole('button', { name: 'Export', exact: true }).click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(file) };
}

describe('exporting the thematic map from the map view', () => {
  it('downloads a PNG at 84 mm and 300 dpi: 992 px wide', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Map', exact: true }).click();
    await page.getByTestId('map-canvas').first().locator('svg text').first().waitFor();
    const png = await exportFigure('png', '84', '300');
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // IHDR is the first chunk; its width is the big-endian uint32 at byte 16.
    expect(png.bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect(png.bytes.readUInt32BE(16)).toBe(992);
    expect(png.name).toBe('thematic-map-84mm-300dpi.png');
    await page.getByRole('status').filter({ hasText: 'Exported thematic-map-84mm-300dpi.png' }).waitFor();
    await shot(page, '22-map-export');
  });

  it('downloads an SVG with the labels as text, in the layout shown on screen', async () => {
    const { page } = h;
    await page.getByLabel('Map layout').selectOption('tree');
    const svg = await exportFigure('svg', '174');
    const text = svg.bytes.toString('utf8');
    expect(text.startsWith('<svg') || text.startsWith('<?xml')).toBe(true);
    // Wrapped labels are separate <tspan>s: compare with tags and white space squashed.
    const squash = (s: string) => s.replace(/<[^>]+>/g, '').replace(/\s+/g, '');
    expect(squash(text)).toContain(squash('Peer support workers as a bridge'));
    // The same bytes the API gives for the view's settings (tree layout, default palette, no codes).
    const api = await h.api('map.export', { format: 'svg', widthMm: 174, layout: 'tree' });
    expect(text).toBe(Buffer.from(api.base64, 'base64').toString('utf8'));
    expect(h.pageErrors).toEqual([]);
    expect(h.dialogs).toEqual([]);
  });

  it('font size, font family and title set in the view apply on screen, to exports and are saved with the project', async () => {
    const { page } = h;
    const bar = page.getByRole('group', { name: 'Figure typography' });
    const size = bar.getByLabel('Map font size');
    await size.fill('11');
    await size.press('Enter');
    await expect.poll(async () => (await h.api('map.getFigureSettings', {})).fontSize).toBe(11);
    const title = bar.getByLabel('Figure title');
    await title.fill('Figure 1. Peer support workers as a bridge');
    await title.press('Enter');
    await expect.poll(async () => (await h.api('map.getFigureSettings', {})).title).toBe('Figure 1. Peer support workers as a bridge');
    // Enter saved the size; leaving the field afterwards did not save it again (one undo step per edit).
    const ops = (await h.api('history.list', { limit: 20 })).operations.filter((o) => o.summary === "Set the map figure's font size");
    expect(ops).toHaveLength(1);
    await page.getByLabel('Map layout').selectOption('radial');
    // On screen: theme labels at 11 pt and the title above the map.
    const canvas = page.getByTestId('map-canvas').first();
    await canvas.locator('#map-title', { hasText: 'Figure 1. Peer support workers as a bridge' }).waitFor();
    expect(await canvas.locator('g.map-theme > text').first().getAttribute('font-size')).toBe('11');
    await shot(page, '26-map-typography');
    // Exported from the view: the same size and title, and the same bytes as the API with those settings.
    const svg = (await exportFigure('svg', '174')).bytes.toString('utf8');
    expect(svg).toMatch(/<text id="map-title"[^>]*font-size="16.5"[^>]*>Figure 1\. Peer support workers as a bridge<\/text>/);
    expect(svg).toMatch(/class="map-theme"[^>]*>\s*<rect[^>]*\/><text font-size="11"/);
    const api = await h.api('map.export', {
      format: 'svg',
      widthMm: 174,
      fontSize: 11,
      title: 'Figure 1. Peer support workers as a bridge',
    });
    expect(svg).toBe(Buffer.from(api.base64, 'base64').toString('utf8'));
    // Another family is named first in the SVG (PNG and PDF keep the embedded font).
    await bar.getByLabel('Map font family').selectOption({ label: 'other (named in SVG only)…' });
    const other = bar.getByLabel('Other font family');
    await other.fill('Arial');
    await other.press('Enter');
    await expect.poll(async () => (await h.api('map.getFigureSettings', {})).fontFamily).toBe('Arial');
    expect((await exportFigure('svg', '84')).bytes.toString('utf8')).toContain(`font-family="'Arial', 'IBM Plex Sans', sans-serif"`);
    await bar.getByLabel('Map font family').selectOption('IBM Plex Sans');
    await expect.poll(async () => (await h.api('map.getFigureSettings', {})).fontFamily).toBe('IBM Plex Sans');
    // A PNG export at 600 dpi still has its exact width with the new settings.
    const png = await exportFigure('png', '84', '600');
    expect(png.bytes.readUInt32BE(16)).toBe(1984);
    // Saved with the project: a reload shows the same settings.
    await page.reload();
    await page.waitForSelector('.app[data-ready="true"]');
    await page.getByRole('button', { name: 'Map', exact: true }).click();
    await expect.poll(() => page.getByRole('group', { name: 'Figure typography' }).getByLabel('Map font size').inputValue()).toBe('11');
    expect(h.pageErrors).toEqual([]);
  });
});
