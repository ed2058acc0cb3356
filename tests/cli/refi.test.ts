import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { Service } from '../../src/api/service.ts';
import { buildSample } from '../../src/api/sample.ts';
import { runCli } from '../helpers/cli.ts';
import { SHARED, tmpDir } from '../helpers/project.ts';

const NVIVO = path.join(SHARED, 'interop/nvivo12.6_win_oltas0517.qdpx');
const QDC = path.join(SHARED, 'interop/atlasti_win23.4_codebook_from_requal_test.qdc');

describe('thematic import/export with REFI-QDA files', () => {
  it('imports a .qdpx into a new project file and prints the import report', async () => {
    const file = path.join(tmpDir(), 'new.thematic');
    const r = await runCli(['import', file, NVIVO]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Imported nvivo12\.6_win_oltas0517\.qdpx \(qdpx, made by NVivo/);
    expect(r.out).toMatch(/152 codes, 2 documents, 303 codings, 2 coders/);
    const s = Service.open(file);
    expect((await s.call('project.info', {})).counts).toMatchObject({ codes: 152, codings: 303, documents: 2 });
    s.close();
  });

  it('--json prints the report as JSON; a .qdc adds codes to an existing project', async () => {
    const file = path.join(tmpDir(), 'p.thematic');
    expect((await runCli(['new', file])).code).toBe(0);
    const r = await runCli(['import', file, QDC, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ kind: 'qdc', counts: { codes: 1, sets: 1 } });
  });

  it('a file that is not REFI-QDA fails with exit 2 and leaves no new project file behind', async () => {
    const dir = tmpDir();
    const bad = path.join(dir, 'bad.qdpx');
    fs.writeFileSync(bad, 'nope');
    const file = path.join(dir, 'p.thematic');
    const r = await runCli(['import', file, bad]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bad\.qdpx/);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('exports .qdpx and .qdc to --out and prints what REFI-QDA cannot carry', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'sample.thematic');
    await buildSample(file, { force: true });
    const out = path.join(dir, 'study.qdpx');
    const r = await runCli(['export', file, '--format', 'qdpx', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Exported study\.qdpx \(qdpx\): 14 documents/);
    expect(r.out).toMatch(/speaker turns and timestamps/);
    expect(Object.keys(unzipSync(new Uint8Array(fs.readFileSync(out))))).toContain('project.qde');
    const qdc = path.join(dir, 'codes.qdc');
    const c = await runCli(['export', file, '--format', 'qdc', '--out', qdc]);
    expect(c.code).toBe(0);
    expect(fs.readFileSync(qdc, 'utf8')).toMatch(/<CodeBook\b/);
    // and the .qdpx comes back in through the CLI
    const back = await runCli(['import', path.join(dir, 'copy.thematic'), out]);
    expect(back.out).toMatch(/a Thematic export: themes, turns and map restored exactly/);
  });

  it('export without --out is a usage error', async () => {
    const r = await runCli(['export', 'x.thematic', '--format', 'qdpx']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--out/);
  });
});
