// `thematic reliability` on awkward CSV files: each gets a result or a message naming the line and
// the problem; undefined coefficients say why instead of printing NaN.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { tmpDir } from '../helpers/project.ts';

function write(text: string | Buffer, name = 'data.csv'): string {
  const f = path.join(tmpDir(), name);
  fs.writeFileSync(f, text);
  return f;
}

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['reliability', ...args], { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

type Json = {
  units: number;
  missingValues: number;
  coders: string[];
  warnings: string[];
  coefficients: Array<{
    coefficient: string;
    value: number | null;
    undefinedReason?: string;
    ci: { lower: number; method: string; seed: number } | null;
  }>;
};
const json = async (args: string[]): Promise<Json> => {
  const r = await run([...args, '--json']);
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out);
};
const coef = (j: Json, name: string) => j.coefficients.find((c) => c.coefficient === name)!;

describe('reliability CSV input', () => {
  it('a header only: a message, exit 2', async () => {
    const r = await run([write('coder1,coder2\n')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/only a header row/);
    expect((await run([write('')])).err).toMatch(/empty/);
  });

  it('a row with more cells than coders: the line is named', async () => {
    const r = await run([write('A,B\n1,1\n2,2\n1,2,3\n')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/line 4: 3 cells, but the header names 2 coders/);
  });

  it('rows with fewer cells: a result, the short cells count as missing, and a note names the lines', async () => {
    const r = await run([write('A,B,C\n1,1,1\n2,2\n1,2,2\n3\n'), '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).missingValues).toBe(3);
    expect(r.err).toMatch(/lines 3, 5 had fewer cells than coders/);
  });

  it('quoted cells with commas, doubled quotes and line breaks, a BOM and CRLF', async () => {
    const text = '\uFEFF"Coder, one",B\r\n"yes, mostly","yes, mostly"\r\n"no ""really""",no\r\n"two\r\nlines","two\r\nlines"\r\nno,no\r\n';
    const j = await json([write(text)]);
    expect(j.coders).toEqual(['Coder, one', 'B']);
    expect(j.units).toBe(4);
    expect(coef(j, 'percent_agreement').value).toBe(0.75);
    const bad = await run([write('A,B\n"open,1\n')]);
    expect(bad.err).toMatch(/line 2: a quoted cell is never closed/);
  });

  it('text at the interval level: the line and the coder are named', async () => {
    const r = await run([write('A,B\n1,2\n3,4\n5,high\n'), '--level', 'interval']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/line 4, coder "B": "high" is not a number, and level interval needs numeric values/);
  });

  it('one category only: kappa is undefined, with the reason, never NaN', async () => {
    const r = await run([write('A,B\nyes,yes\nyes,yes\nyes,yes\n'), '--json']);
    expect(r.out).not.toMatch(/NaN/);
    const j = JSON.parse(r.out) as Json;
    expect(coef(j, 'percent_agreement').value).toBe(1);
    expect(coef(j, 'cohen_kappa').value).toBeNull();
    expect(coef(j, 'cohen_kappa').undefinedReason).toMatch(/one category only \("yes"\)/);
    expect(coef(j, 'cohen_kappa').ci).toBeNull();
    const text = await run([write('A,B\nyes,yes\nyes,yes\n')]);
    expect(text.out).toMatch(/cohen_kappa\s+undefined/);
    expect(text.out).toMatch(/cohen_kappa is undefined: each coder used one category only/);
  });

  it('every value missing: a result saying so', async () => {
    const r = await run([write('A,B\n,\n,\n'), '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as Json;
    expect(j.missingValues).toBe(4);
    expect(j.warnings).toContain('every value is missing');
    for (const c of j.coefficients) {
      expect(c.value).toBeNull();
      expect(c.undefinedReason).toMatch(/no unit has values from two coders/);
    }
  });

  it('not UTF-8: the byte is named', async () => {
    const r = await run([write(Buffer.from([0x41, 0x2c, 0x42, 0x0a, 0x61, 0xe9, 0x2c, 0x62, 0x0a]))]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not valid UTF-8 \(byte 5\)/);
  });

  it('1,000,000 rows: the right counts, from the distinct patterns', async () => {
    const rows: string[] = ['A,B'];
    for (let i = 0; i < 1_000_000; i++) rows.push(i % 10 < 8 ? `${i % 3},${i % 3}` : `${i % 3},${(i + 1) % 3}`);
    const j = await json([write(rows.join('\n')), '--bootstrap', '200']);
    expect(j.units).toBe(1_000_000);
    expect(coef(j, 'percent_agreement').value).toBeCloseTo(0.8, 12);
    expect(coef(j, 'cohen_kappa').ci!.method).toMatch(/multinomial/);
  });

  it('--seed: the same seed gives the same intervals, another seed other ones', async () => {
    const f = write(['A,B', ...Array.from({ length: 300 }, (_, i) => `${i % 4},${i % 7 ? i % 4 : (i + 1) % 4}`)].join('\n'));
    const a = await json([f, '--seed', '5', '--bootstrap', '300']);
    expect(await json([f, '--seed', '5', '--bootstrap', '300'])).toEqual(a);
    expect(coef(a, 'cohen_kappa').ci!.seed).toBe(5);
    const b = await json([f, '--seed', '6', '--bootstrap', '300']);
    expect(coef(b, 'cohen_kappa').ci!.lower).not.toBe(coef(a, 'cohen_kappa').ci!.lower);
    expect((await run([f, '--seed', '-1'])).code).toBe(2);
  });

  it("--alpha-min adds Krippendorff's bootstrap with q(alpha < min)", async () => {
    const f = write(['A,B,C', ...Array.from({ length: 60 }, (_, i) => `${i % 3},${i % 3},${i % 5 ? i % 3 : 0}`)].join('\n'));
    const r = await run([f, '--alpha-min', '0.8', '--bootstrap', '500']);
    expect(r.out).toMatch(
      /krippendorff_alpha_nominal, Krippendorff's bootstrap \(Hayes & Krippendorff 2007\).*q\(alpha < 0\.8\) = \d\.\d{3}/,
    );
    expect((await run([f, '--alpha-min', '2'])).code).toBe(2);
  });

  it('runs as its own process through bin/thematic.mjs, its modules stripped once into a per-user cache', () => {
    const f = write('A,B\n1,1\n2,2\n1,2\n2,2\n');
    const bin = path.resolve(import.meta.dirname, '../../bin/thematic.mjs');
    const home = tmpDir();
    const env = { ...process.env, HOME: home };
    const run1 = spawnSync(process.execPath, [bin, 'reliability', f, '--json', '--bootstrap', '50'], { encoding: 'utf8', env });
    expect(run1.stderr).toBe(''); // no "experimental" warning from the stripping
    const first = run1.stdout;
    expect(JSON.parse(first).coefficients[0].value).toBe(0.75);
    const cache = path.join(home, '.cache', 'thematic', 'ts');
    const files = fs.readdirSync(cache);
    // Only the reliability command's own modules: no database, API or project code.
    expect(files.length).toBeGreaterThan(5);
    expect(files.length).toBeLessThan(15);
    expect(fs.statSync(cache).mode & 0o777).toBe(0o700);
    expect(execFileSync(process.execPath, [bin, 'reliability', f, '--json', '--bootstrap', '50'], { encoding: 'utf8', env })).toBe(first);
    expect(fs.readdirSync(cache)).toEqual(files);
    let err = '';
    try {
      execFileSync(process.execPath, [bin, 'reliability', write('A,B\n1,2,3\n')], { encoding: 'utf8', stdio: 'pipe', env });
    } catch (e) {
      err = String((e as { stderr: string }).stderr);
      expect((e as { status: number }).status).toBe(2);
    }
    expect(err).toMatch(/line 2: 3 cells/);
  });
});
