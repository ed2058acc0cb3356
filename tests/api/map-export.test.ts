import fs from 'node:fs';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { Service } from '../../src/api/service.ts';
import { snapshot, tmpDir, tmpProject } from '../helpers/project.ts';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const bytesOf = (b64: string) => new Uint8Array(Buffer.from(b64, 'base64'));
/** IHDR is the first chunk: width is the big-endian uint32 at byte 16, height at 20. */
const ihdr = (png: Uint8Array) => ({ width: Buffer.from(png).readUInt32BE(16), height: Buffer.from(png).readUInt32BE(20) });
/** Wrapped labels are separate <tspan>s: compare text with white space and tags squashed. */
const squash = (svg: string) => svg.replace(/<[^>]+>/g, '').replace(/\s+/g, '');

let s: Service;
let file: string;
beforeAll(async () => {
  ({ service: s, file } = tmpProject());
  const code = await s.call('codes.create', { name: 'They speak our language' });
  const core = await s.call('themes.create', { kind: 'core', name: 'Peer support workers as a bridge' });
  const group = await s.call('themes.create', { kind: 'group', parentId: core.id, name: 'Functions of the bridge' });
  await s.call('themes.create', { kind: 'theme', parentId: group.id, name: 'Restoring trust', codeIds: [code.id] });
  await s.call('map.saveVersion', { name: 'Initial thematic map' });
  await s.call('themes.create', { kind: 'theme', parentId: group.id, name: 'Advocacy' });
});

describe('map.export', () => {
  it('PNG: the PNG signature and exactly widthMm / 25.4 * dpi pixels wide', async () => {
    for (const [widthMm, dpi] of [
      [84, 300],
      [174, 600],
    ]) {
      const r = await s.call('map.export', { format: 'png', widthMm, dpi });
      const png = bytesOf(r.base64);
      expect([...png.slice(0, 8)]).toEqual(PNG_SIGNATURE);
      expect(ihdr(png).width).toBe(Math.round((widthMm / 25.4) * dpi));
      expect(r).toMatchObject({ mimeType: 'image/png', fileName: `thematic-map-${widthMm}mm-${dpi}dpi.png` });
    }
    expect(ihdr(bytesOf((await s.call('map.export', { format: 'png', widthMm: 84, dpi: 300 })).base64)).width).toBe(992);
  });

  it('PDF: a PDF document; SVG: well-formed XML with the labels as text', async () => {
    const pdf = await s.call('map.export', { format: 'pdf' });
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf).toMatchObject({ mimeType: 'application/pdf', fileName: 'thematic-map-174mm.pdf' });
    const svg = await s.call('map.export', { format: 'svg', showCodes: true });
    const text = Buffer.from(svg.base64, 'base64').toString('utf8');
    expect(XMLValidator.validate(text)).toBe(true);
    for (const label of ['Peer support workers as a bridge', 'Restoring trust', 'Advocacy', 'They speak our language'])
      expect(squash(text)).toContain(squash(label));
    expect(squash(Buffer.from((await s.call('map.export', { format: 'svg' })).base64, 'base64').toString())).not.toContain(
      squash('They speak our language'),
    );
  });

  it('gives the same bytes as `thematic map` with the same settings, for the working map and a saved version', async () => {
    const dir = tmpDir('thematic-map-export-');
    const settings = ['--width-mm', '84', '--layout', 'tree', '--palette', 'greyscale', '--codes', 'yes'];
    const outs = { working: path.join(dir, 'working.svg'), saved: path.join(dir, 'saved.svg') };
    // The CLI opens the project itself, so this window closes it first (a project is open in one place at a time).
    s.close();
    for (const argv of [
      ['map', file, '--out', outs.working, ...settings],
      ['map', file, '--out', outs.saved, ...settings, '--version', 'Initial thematic map'],
    ]) {
      const err: string[] = [];
      expect(await main(argv, { out: () => {}, err: (e) => err.push(e) }), err.join('\n')).toBe(0);
    }
    s = Service.open(file);
    for (const version of [undefined, 'Initial thematic map']) {
      const cli = fs.readFileSync(version ? outs.saved : outs.working, 'utf8');
      const r = await s.call('map.export', { format: 'svg', widthMm: 84, layout: 'tree', palette: 'greyscale', showCodes: true, version });
      expect(Buffer.from(r.base64, 'base64').toString('utf8')).toBe(cli);
      expect(squash(cli).includes('Advocacy')).toBe(!version);
    }
    expect((await s.call('map.export', { format: 'svg', version: 'Initial thematic map' })).fileName).toBe(
      'thematic-map-initial-thematic-map-174mm.svg',
    );
  });

  it('changes nothing in the project and refuses bad settings and an empty map', async () => {
    const before = snapshot(s);
    await s.call('map.export', { format: 'png', dpi: 72 });
    expect(snapshot(s)).toEqual(before);
    await expect(s.call('map.export', { format: 'png', dpi: 1201 })).rejects.toThrow();
    await expect(s.call('map.export', { format: 'svg', version: 'no such version' })).rejects.toThrow(/no map version named/);
    const empty = tmpProject().service;
    await expect(empty.call('map.export', { format: 'svg' })).rejects.toThrow(/no themes yet/);
    empty.close();
  });
});
