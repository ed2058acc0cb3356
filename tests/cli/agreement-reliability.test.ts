import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { tmpDir } from '../helpers/project.ts';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err };
}

// Krippendorff's (2011) "Computing Krippendorff's alpha-reliability" example: 4 observers, 12 units, missing values.
const KRIPPENDORFF_2011 = [
  'A,B,C,D',
  '1,1,,1',
  '2,2,3,2',
  '3,3,3,3',
  '3,3,3,3',
  '2,2,2,2',
  '1,2,3,4',
  '4,4,4,4',
  '1,1,2,1',
  '2,2,2,2',
  ',5,5,5',
  ',,1,1',
  ',3,,',
].join('\n');

function write(text: string): string {
  const f = path.join(tmpDir(), 'data.csv');
  fs.writeFileSync(f, text);
  return f;
}

async function run(args: string[]) {
  const c = capture();
  const code = await main(args, c.io);
  return { code, out: c.out.join('\n'), err: c.err.join('\n') };
}

const value = (json: { coefficients: { coefficient: string; value: number | null }[] }, name: string) =>
  json.coefficients.find((c) => c.coefficient === name)?.value;

describe('thematic reliability', () => {
  const file = write(KRIPPENDORFF_2011);

  it.each([
    ['nominal', 0.743],
    ['ordinal', 0.815],
    ['interval', 0.849],
    ['ratio', 0.797],
  ])('matches Krippendorff (2011) at the %s level', async (level, alpha) => {
    const r = await run(['reliability', file, '--level', level, '--json', '--bootstrap', '100']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(value(json, `krippendorff_alpha_${level}`)).toBeCloseTo(alpha, 3);
    expect(json.coders).toEqual(['A', 'B', 'C', 'D']);
    expect(json.units).toBe(12);
    expect(json.missingValues).toBe(7);
  });

  it('reports every multi-coder coefficient with disagreements and an interval, and no two-coder ones for 4 coders', async () => {
    const json = JSON.parse((await run(['reliability', file, '--json', '--bootstrap', '200'])).out);
    const names = json.coefficients.map((c: { coefficient: string }) => c.coefficient);
    expect(names).toEqual(['percent_agreement', 'fleiss_kappa', 'krippendorff_alpha_nominal', 'gwet_ac1', 'brennan_prediger']);
    for (const c of json.coefficients) {
      expect(c.value).toBeGreaterThan(0);
      expect(c.value).toBeLessThanOrEqual(1);
      expect(c.ci.lower).toBeLessThanOrEqual(c.value);
      expect(c.ci.upper).toBeGreaterThanOrEqual(c.value);
      expect(c.observedDisagreement).toBeGreaterThanOrEqual(0);
      expect(c.expectedDisagreement).toBeGreaterThan(0);
      expect(c.units).toBeGreaterThan(0);
    }
    // Alpha's pairable units: the unit with one value (",3,,") is not pairable.
    expect(json.coefficients.find((c: { coefficient: string }) => c.coefficient === 'krippendorff_alpha_nominal').units).toBe(11);
  });

  it('gives Cohen, Scott and weighted kappa for two coders, and 1 for perfect agreement', async () => {
    const two = write('Ann,Bo\nyes,yes\nno,no\nyes,yes\nno,no\nmaybe,maybe\n');
    const json = JSON.parse((await run(['reliability', two, '--json', '--bootstrap', '50'])).out);
    expect(json.coefficients.map((c: { coefficient: string }) => c.coefficient)).toContain('cohen_kappa');
    for (const c of json.coefficients) expect(c.value).toBe(1);
    const ord = write('Ann,Bo\n1,1\n2,3\n3,3\n4,4\n2,2\n');
    const o = JSON.parse((await run(['reliability', ord, '--json', '--level', 'ordinal', '--bootstrap', '0'])).out);
    expect(value(o, 'cohen_kappa_linear')).toBeGreaterThan(value(o, 'cohen_kappa')!);
    expect(o.coefficients[0].ci).toBeNull();
  });

  it('refuses bad input with exit 2 and a message', async () => {
    expect((await run(['reliability'])).code).toBe(2);
    expect((await run(['reliability', file, '--level', 'fuzzy'])).code).toBe(2);
    const words = write('A,B\nx,y\nz,z\n');
    const r = await run(['reliability', words, '--level', 'interval']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/numeric/);
    expect((await run(['reliability', write('A\n1\n')])).err).toMatch(/two coder/);
  });

  it('prints a readable table without --json', async () => {
    const r = await run(['reliability', file, '--bootstrap', '20']);
    expect(r.out).toMatch(/4 coders, 12 units, 7 missing values, level nominal/);
    expect(r.out).toMatch(/krippendorff_alpha_nominal\s+0\.743/);
  });
});
