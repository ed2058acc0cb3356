import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { tmpDir } from '../helpers/project.ts';
import { smallStudy } from '../reports/small-study.ts';
import { parseCsv } from '../../src/lib/csv.ts';

async function project() {
  const s = await smallStudy();
  s.service.close();
  return s.file;
}

describe('thematic export --format <report>', () => {
  test('quotes-md with --theme, --attribution and --timestamps writes the file', async () => {
    const file = await project();
    const out = path.join(tmpDir(), 'out', 'quotes.md');
    const r = await runCli([
      'export',
      file,
      '--format',
      'quotes-md',
      '--out',
      out,
      '--theme',
      'Advocacy',
      '--attribution',
      'group,site',
      '--timestamps',
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Wrote .*quotes\.md \(quotes-md, [\d,]+ bytes\)$/);
    const md = fs.readFileSync(out, 'utf8');
    expect(md).toContain('> — (P13, peer worker, B) \\[00:12:34\\]');
    expect(md).toContain('#### Theme: Advocacy');
    expect(md).not.toContain('Restoring trust');
  });

  test('every report format writes a non-empty file', async () => {
    const file = await project();
    const dir = tmpDir();
    for (const f of [
      'segments-csv',
      'matrix-csv',
      'codebook-docx',
      'codebook-md',
      'codebook-csv',
      'quotes-docx',
      'quotes-md',
      'quotes-html',
    ]) {
      const out = path.join(dir, `${f}.out`);
      const r = await runCli(['export', file, '--format', f, '--out', out]);
      expect([f, r.code, r.err]).toEqual([f, 0, '']);
      expect(fs.statSync(out).size).toBeGreaterThan(100);
    }
    expect(fs.readFileSync(path.join(dir, 'quotes-docx.out')).subarray(0, 2).toString()).toBe('PK');
  });

  test('matrix-csv --attribute --count and segments-csv --coder --code', async () => {
    const file = await project();
    const dir = tmpDir();
    let r = await runCli([
      'export',
      file,
      '--format',
      'matrix-csv',
      '--out',
      path.join(dir, 'm.csv'),
      '--attribute',
      'role',
      '--count',
      'participants',
    ]);
    expect(r.code).toBe(0);
    const m = parseCsv(fs.readFileSync(path.join(dir, 'm.csv'), 'utf8'));
    expect(m[0]).toEqual(['code', 'family physician', 'inpatient', 'peer support worker', 'total']);
    expect(m.find((x) => x[0] === 'Speaking up')).toEqual(['Speaking up', '1', '1', '0', '2']);
    r = await runCli([
      'export',
      file,
      '--format',
      'segments-csv',
      '--out',
      path.join(dir, 's.csv'),
      '--coder',
      'Ben',
      '--code',
      'Trust',
      '--code',
      'Speaking up',
    ]);
    expect(r.code).toBe(0);
    const rows = parseCsv(fs.readFileSync(path.join(dir, 's.csv'), 'utf8'));
    expect(rows.slice(1).map((x) => `${x[5]}/${x[7]}`)).toEqual(['Trust/Ben', 'Speaking up/Ben']);
  });

  test('usage errors: no --out, unknown theme (with close names), bad --count; nothing is written', async () => {
    const file = await project();
    const out = path.join(tmpDir(), 'x.md');
    let r = await runCli(['export', file, '--format', 'quotes-md']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--out PATH is required/);
    r = await runCli(['export', file, '--format', 'quotes-md', '--out', out, '--theme', 'Advocasy']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('thematic: no theme named "Advocasy"; close names: "Advocacy"');
    r = await runCli(['export', file, '--format', 'quotes-md', '--out', out, '--code', 'Trust', '--coder', 'Nobody']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no coder named "Nobody"/);
    r = await runCli(['export', file, '--format', 'matrix-csv', '--out', out, '--count', 'words']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--count must be one of segments, participants, documents/);
    expect(fs.existsSync(out)).toBe(false);
  });
});
