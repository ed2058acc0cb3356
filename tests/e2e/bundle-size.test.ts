// The renderer's bundle carries no embedded font data (issue 10: the 62 KB font-data.json was shipped
// to the browser although the Map view never embeds the font; only SVG/PNG/PDF files made in Node do).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const assets = path.resolve(import.meta.dirname, '../../renderer/dist/assets');

describe('the renderer bundle', () => {
  it('holds no base64 WOFF2 font (the figure font is embedded only in exported files)', () => {
    const scripts = fs.readdirSync(assets).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const f of scripts) expect(fs.readFileSync(path.join(assets, f), 'utf8').includes('d09GMgAB'), f).toBe(false); // "wOF2" in base64
  });
});
