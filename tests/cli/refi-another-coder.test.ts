import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { Service } from '../../src/api/service.ts';
import { runCli } from '../helpers/cli.ts';
import { tmpDir } from '../helpers/project.ts';
import { codebook, g, project, qdpx, sources, users } from '../interop/fixtures/programs.ts';

const text = 'We waited 😀 two hours.\nThe nurse was kind.';
const file = (coder: number, codeN: number, eol: string) =>
  qdpx(
    'project.qde',
    project(
      'NVivo for Mac 15',
      users([coder, `Coder ${coder}`]) +
        codebook({ n: codeN, name: 'Waiting' }) +
        sources({
          n: 20 + coder,
          name: 'Clinic',
          path: `internal://${g(20 + coder)}.txt`,
          selections: [{ n: 30 + coder, start: 0, end: coder === 1 ? 9 : 12, code: codeN, user: coder }],
        }),
      g(coder),
    ),
    { [`sources/${g(20 + coder)}.txt`]: text.replace(/\n/g, eol) + eol },
  );

describe('thematic import --as another-coder, export --target nvivo', () => {
  it("brings a second coder's export onto the same document and code, prints what matched, and exports for NVivo", async () => {
    const dir = tmpDir();
    const study = path.join(dir, 'study.thematic');
    fs.writeFileSync(path.join(dir, 'mac.qdpx'), file(1, 10, '\n'));
    fs.writeFileSync(path.join(dir, 'win.qdpx'), file(2, 11, '\r\n'));
    expect((await runCli(['import', study, path.join(dir, 'mac.qdpx')])).code).toBe(0);
    const r = await runCli(['import', study, path.join(dir, 'win.qdpx'), '--as', 'another-coder', '--coder', 'Ben']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Imported win\.qdpx \(qdpx, made by NVivo for Mac 15\) as the same study from another coder\./);
    expect(r.out).toContain('Matched in this project (2):');
    expect(r.out).toContain('  - source "Clinic": matched "Clinic" (the same text but for trailing whitespace or line ends)');
    const s = Service.open(study);
    expect((await s.call('project.info', {})).counts).toMatchObject({ documents: 1, codes: 1, codings: 2 });
    expect((await s.call('codings.list', { includeText: true })).map((c) => [c.coder, c.text])).toEqual([
      ['Coder 1', 'We waited'],
      ['Ben', 'We waited 😀'],
    ]);
    s.close();

    const out = path.join(dir, 'for-nvivo.qdpx');
    const e = await runCli(['export', study, '--format', 'qdpx', '--target', 'nvivo', '--out', out]);
    expect(e.code).toBe(0);
    expect(e.out).toMatch(/^Exported for-nvivo\.qdpx \(qdpx, for NVivo: positions in UTF-16 units\)/);
    expect(e.out).toMatch(/1 character outside the BMP/);
    const qde = strFromU8(unzipSync(new Uint8Array(fs.readFileSync(out)))['project.qde']);
    // NVivo counts the emoji as 2 units: 12, where the standard's characters give 11.
    expect(qde).toContain('startPosition="0" endPosition="12"');
  });

  it('refuses unknown option values with exit 2 and creates nothing', async () => {
    const dir = tmpDir();
    const study = path.join(dir, 'p.thematic');
    fs.writeFileSync(path.join(dir, 'a.qdpx'), file(1, 10, '\n'));
    let r = await runCli(['import', study, path.join(dir, 'a.qdpx'), '--as', 'coder2']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^thematic: --as must be study or another-coder, not "coder2"/);
    r = await runCli(['import', study, path.join(dir, 'a.qdpx'), '--coder', 'Ben']);
    expect(r.err).toMatch(/--coder goes with --as another-coder/);
    expect(fs.existsSync(study)).toBe(false);
    expect((await runCli(['new', study])).code).toBe(0);
    r = await runCli(['export', study, '--format', 'qdpx', '--target', 'atlas', '--out', path.join(dir, 'x.qdpx')]);
    expect(r.err).toMatch(/--target must be standard or nvivo, not "atlas"/);
  });
});
