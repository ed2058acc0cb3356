import fs from 'node:fs';
import path from 'node:path';
import { parseCsv } from '../../src/lib/csv.ts';
import { APP_VERSION } from '../../src/core/version.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSample } from '../../src/api/sample.ts';
import { tmpDir } from '../helpers/project.ts';
import { runCli } from '../helpers/cli.ts';

const run = runCli;

describe('thematic agreement', () => {
  const file = path.join(tmpDir(), 'sample.thematic');
  beforeAll(() => buildSample(file, { force: true }), 60_000);

  it('prints the documented JSON for a project', async () => {
    const r = await run(['agreement', file, '--coders', 'Amira,Ben', '--unit', 'turn', '--bootstrap', '50', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual([
      'coders',
      'unit',
      'excludeUncoded',
      'threshold',
      'bootstrap',
      'overall',
      'perCode',
      'perDocument',
      'perGroup',
      'unitizing',
    ]);
    expect(json.unit).toBe('turn');
    const kappa = json.overall.coefficients.find((c: { coefficient: string }) => c.coefficient === 'cohen_kappa');
    expect(kappa.value).toBeGreaterThan(0.5);
    expect(kappa.value).toBeLessThan(1);
    expect(json.unitizing.uAlpha.value).toBeGreaterThan(0.5);
  });

  it('filters by code name and excludes uncoded text on request', async () => {
    const r = await run([
      'agreement',
      file,
      '--coders',
      'Amira,Ben',
      '--code',
      'System barriers',
      '--exclude-uncoded',
      '--bootstrap',
      '0',
      '--json',
    ]);
    const json = JSON.parse(r.out);
    expect(json.perCode.map((c: { code: string }) => c.code)).toEqual(['System barriers']);
    expect(json.excludeUncoded).toBe(true);
  });

  it('prints tables without --json, and refuses bad options with exit 2', async () => {
    const r = await run(['agreement', file, '--coders', 'Amira,Ben', '--unit', 'document', '--bootstrap', '0']);
    expect(r.out).toMatch(/Amira vs Ben, unit document: \d+ units/);
    expect(r.out).toMatch(/Per participant group:[\s\S]*patient/);
    expect((await run(['agreement', file, '--coders', 'Amira'])).code).toBe(2);
    expect((await run(['agreement', file, '--coders', 'Amira,Ben', '--unit', 'word'])).code).toBe(2);
    const bad = await run(['agreement', file, '--coders', 'Amira,Ben', '--code', 'No such code']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/No such code/);
  });

  it('writes an HTML report with a methods paragraph and a CSV of every coefficient', async () => {
    const base = path.join(path.dirname(file), 'report');
    const r = await run([
      'agreement',
      file,
      '--coders',
      'Amira,Ben',
      '--unit',
      'turn',
      '--bootstrap',
      '50',
      '--report',
      `${base}.html`,
      '--json',
    ]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    const html = fs.readFileSync(`${base}.html`, 'utf8');
    expect(html).toContain(`Thematic ${APP_VERSION}`);
    expect(html).toMatch(/speaker turns .* as the unit of analysis/);
    const kappa = json.overall.coefficients.find((c: { coefficient: string }) => c.coefficient === 'cohen_kappa').value;
    expect(html).toContain(`Cohen&#39;s kappa was ${kappa.toFixed(2)}`);
    const rows = parseCsv(fs.readFileSync(`${base}.csv`, 'utf8'));
    expect(rows[0]).toEqual([
      'level',
      'name',
      'coefficient',
      'value',
      'ci_lower',
      'ci_upper',
      'units',
      'observed_disagreement',
      'expected_disagreement',
    ]);
    expect(rows.filter((x) => x[0] === 'code')).toHaveLength(json.perCode.length * 7);
    expect(rows.find((x) => x[0] === 'overall' && x[2] === 'cohen_kappa')![3]).toBe(String(kappa));
  });
});
