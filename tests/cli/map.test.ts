import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { buildSample } from '../../src/api/sample.ts';
import { Service } from '../../src/api/service.ts';
import { pngDpi, pngSize } from '../../src/features/map/png.ts';
import { tmpDir } from '../helpers/project.ts';

function run(...argv: string[]) {
  const out: string[] = [],
    err: string[] = [];
  return main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }).then((code) => ({
    code,
    out: out.join('\n'),
    err: err.join('\n'),
  }));
}

/** Each <text> element's words, its <tspan> lines joined back together. */
const labels = (svg: string) =>
  [...svg.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].map((m) =>
    m[1]
      .replace(/<tspan[^>]*>/g, ' ')
      .replace(/<[^>]+>/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
  );

const dir = tmpDir('thematic-map-');
const sample = path.join(dir, 'sample.thematic');
beforeAll(() => buildSample(sample, { force: true }), 60_000);

describe('the sample study', () => {
  it("has the reference study's Fig. 1: one core, 3 groups, 9 themes, every theme grounded in codes", async () => {
    const s = Service.open(sample);
    try {
      const { input } = await s.call('map.get', {});
      const core = input.nodes.filter((n) => n.kind === 'core');
      expect(core.map((n) => n.label)).toEqual(['Peer support workers as a bridge']);
      const groups = input.nodes.filter((n) => n.kind === 'group');
      expect(groups.map((g) => g.label)).toEqual([
        'Functions of the bridge',
        'Building a strong bridge',
        'Characteristics of an effective peer worker',
      ]);
      expect(groups.every((g) => g.parentId === core[0].id)).toBe(true);
      const themes = input.nodes.filter((n) => n.kind === 'theme');
      expect(themes).toHaveLength(9);
      expect(groups.map((g) => themes.filter((t) => t.parentId === g.id).length)).toEqual([4, 2, 3]);
      const { themes: board } = await s.call('themes.list', {});
      for (const t of board.filter((x) => x.kind === 'theme')) {
        expect(t.codes.length, t.name).toBeGreaterThan(0);
        expect(t.codingCount, t.name).toBeGreaterThan(0);
      }
      // six patients in the study: coverage counts against them
      expect(board[0].kind).toBe('core');
      expect(board.find((t) => t.name === 'Advocacy')!.groups).toContainEqual(expect.objectContaining({ group: 'patient', total: 6 }));
    } finally {
      s.close();
    }
  });
});

describe('thematic map', () => {
  it('writes a clean SVG with every theme as text', async () => {
    const out = path.join(dir, 'map.svg');
    const r = await run('map', sample, '--out', out, '--layout', 'tree', '--palette', 'greyscale');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Wrote .*map\.svg: 9 themes/);
    const svg = fs.readFileSync(out, 'utf8');
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(labels(svg)).toEqual(
      expect.arrayContaining([
        'Peer support workers as a bridge',
        'Building a strong bridge',
        'Personal stability',
        'Navigating transitions within the healthcare system',
      ]),
    );
    expect(svg.match(/class="map-theme"/g)).toHaveLength(9);
    expect(svg).toMatch(/width="174mm"/);
  });

  it('writes a PNG at the requested width and dpi', async () => {
    const out = path.join(dir, 'map.png');
    expect((await run('map', sample, '--out', out, '--width-mm', '84', '--dpi', '600')).code).toBe(0);
    const png = fs.readFileSync(out);
    expect(pngSize(png).width).toBe(Math.round((84 / 25.4) * 600));
    expect(pngDpi(png)).toBe(600);
  });

  it('writes a vector PDF with the bundled font embedded (pdffonts)', async () => {
    const out = path.join(dir, 'map.pdf');
    expect((await run('map', sample, '--out', out, '--codes', 'yes')).code).toBe(0);
    const fonts = execFileSync('pdffonts', [out], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toMatch(/IBMPlexSans.*TrueType.*yes/);
  });

  it('draws a saved version rather than the working map', async () => {
    const s = Service.open(sample);
    try {
      await s.call('map.saveVersion', { name: 'final' });
      const t = (await s.call('themes.list', {})).themes.find((x) => x.name === 'Advocacy')!;
      await s.call('themes.update', { id: t.id, name: 'Speaking up for patients' });
    } finally {
      s.close();
    }
    const now = path.join(dir, 'now.svg'),
      final = path.join(dir, 'final.svg');
    expect((await run('map', sample, '--out', now)).code).toBe(0);
    expect((await run('map', sample, '--out', final, '--version', 'final')).code).toBe(0);
    expect(labels(fs.readFileSync(now, 'utf8'))).toContain('Speaking up for patients');
    expect(labels(fs.readFileSync(final, 'utf8'))).not.toContain('Speaking up for patients');
    expect(labels(fs.readFileSync(final, 'utf8'))).toContain('Advocacy');
    expect((await run('map', sample, '--out', final, '--version', 'nope')).err).toMatch(/no map version named "nope"/);
  });

  it('uses the figure settings saved in the Map view unless a flag overrides them', async () => {
    const s = Service.open(sample);
    try {
      await s.call('map.saveFigureSettings', { fontSize: 13, title: 'Figure 1. Peer support workers as a bridge' });
    } finally {
      s.close();
    }
    const saved = path.join(dir, 'saved.svg'),
      flagged = path.join(dir, 'flagged.svg');
    expect((await run('map', sample, '--out', saved)).code).toBe(0);
    expect(await run('map', sample, '--out', flagged, '--font-size', '8', '--title', 'Other')).toMatchObject({ code: 0 });
    const svg = fs.readFileSync(saved, 'utf8');
    expect(labels(svg)).toContain('Figure 1. Peer support workers as a bridge');
    expect(svg).toMatch(/font-size="13"/);
    const other = fs.readFileSync(flagged, 'utf8');
    expect(labels(other)).toContain('Other');
    expect(labels(other)).not.toContain('Figure 1. Peer support workers as a bridge');
    expect(other).not.toMatch(/font-size="13"/);
    const s2 = Service.open(sample);
    try {
      await s2.call('map.saveFigureSettings', { fontSize: 9, title: '' });
    } finally {
      s2.close();
    }
  });

  it('explains bad options', async () => {
    expect((await run('map', sample)).err).toMatch(/usage: thematic map/);
    expect((await run('map', sample, '--out', path.join(dir, 'm.gif'))).err).toMatch(/\.svg, \.png or \.pdf/);
    expect(await run('map', sample, '--out', path.join(dir, 'm.png'), '--dpi', 'lots')).toMatchObject({ code: 2 });
    expect((await run('map', sample, '--out', path.join(dir, 'm.svg'), '--layout', 'spiral')).err).toMatch(/radial, tree, free/);
  });

  it('lists the themes with coverage, and as JSON', async () => {
    const r = await run('themes', sample);
    expect(r.out).toMatch(/◉ Peer support workers as a bridge/);
    expect(r.out).toMatch(/ {4}• Overcoming system barriers {2}\(6 codes, \d+ codings; patient \d\/6/);
    const json = JSON.parse((await run('themes', sample, '--json')).out);
    expect(json.themes.filter((t: { kind: string }) => t.kind === 'theme')).toHaveLength(9);
  });
});
