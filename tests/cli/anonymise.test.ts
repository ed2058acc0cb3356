import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { tmpProject } from '../helpers/project.ts';
import { buildStudy } from '../anonymise/fixture.ts';

let dir: string, file: string, key: string;
beforeAll(async () => {
  const p = tmpProject();
  await buildStudy(p.service);
  p.service.close();
  file = p.file;
  dir = path.dirname(file);
  key = path.join(dir, 'key.csv');
  fs.writeFileSync(
    key,
    [
      'find,replace,kind,match,case',
      'Maria,Participant A,name,,',
      'Maria López,Participant A L,name,,',
      'José,Participant B,name,,',
      'Springfield,[town],place,,',
      '"Springfield General",[hospital],place,,',
      '12/03/2021,[date],date,,',
      '"\\d{3}-\\d{4}",[phone],pattern,,',
    ].join('\n') + '\n',
  );
});

describe('thematic anonymise', () => {
  it('writes a copy that opens as a project and no longer names anyone', async () => {
    const out = path.join(dir, 'copy.thematic');
    const r = await runCli(['anonymise', file, '--key', key, '--out', out]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Wrote the anonymised copy: ${out}`);
    expect(r.out).toMatch(/11 replacements in 1 document/);
    const docs = await runCli(['docs', out, '--json']);
    expect(docs.code).toBe(0);
    expect(JSON.parse(docs.out).map((d: { name: string; participant: string }) => [d.name, d.participant])).toEqual([
      ['Participant A-interview', 'Participant A'],
    ]);
    expect(fs.readFileSync(out).includes(Buffer.from('Maria'))).toBe(false);
    const search = await runCli(['search', out, 'drove']);
    expect(search.code).toBe(0);
    expect(search.out).toContain('Participant B');
  });

  it('makes anonymised reports: a report exported from the copy names no one', async () => {
    const out = path.join(dir, 'for-reports.thematic');
    expect((await runCli(['anonymise', file, '--key', key, '--out', out])).code).toBe(0);
    for (const format of ['quotes-md', 'segments-csv']) {
      const report = path.join(dir, `report-${format}.txt`);
      const r = await runCli(['export', out, '--format', format, '--out', report]);
      expect(r.err, format).toBe('');
      expect(r.code).toBe(0);
      const body = fs.readFileSync(report, 'utf8');
      expect(body, format).toContain('Participant A');
      expect(body).not.toMatch(/Maria|José|Springfield/);
    }
  });

  it('refuses to overwrite a file unless --force is given', async () => {
    const out = path.join(dir, 'twice.thematic');
    expect((await runCli(['anonymise', file, '--key', key, '--out', out])).code).toBe(0);
    const again = await runCli(['anonymise', file, '--key', key, '--out', out]);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/already exists/);
    expect((await runCli(['anonymise', file, '--key', key, '--out', out, '--force'])).code).toBe(0);
  });

  it('writes beside the project by default', async () => {
    const r = await runCli(['anonymise', file, '--key', key]);
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'study-anonymised.thematic'))).toBe(true);
  });

  it('--preview prints every occurrence, grouped by document, and writes nothing', async () => {
    const before = fs.readdirSync(dir).sort();
    const r = await runCli(['anonymise', file, '--preview', '--key', key]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Maria-interview (11)');
    expect(r.out).toContain('  4: Did »Maria« come with you from Springfield? Yes. 😀… -> Participant A');
    expect(r.out).toMatch(/memos\.body "About Maria": »Maria« lives in Springfield; José drives her\. -> Participant A/);
    expect(r.out).toMatch(/Maria -> Participant A \(name\): \d+/);
    expect(fs.readdirSync(dir).sort()).toEqual(before);
    const json = await runCli(['anonymise', file, '--key', key, '--preview', '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out).occurrences).toHaveLength(11);
    // --preview is a switch wherever it stands.
    expect((await runCli(['anonymise', file, '--key', key, '--preview'])).out).toBe(r.out);
  });

  it('names the line of a bad key and writes nothing', async () => {
    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(bad, 'find,replace,kind\nMaria,P1,name\nJosé,P2,person\n');
    const before = fs.readdirSync(dir).sort();
    const r = await runCli(['anonymise', file, '--key', bad, '--out', path.join(dir, 'never.thematic')]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`thematic: ${bad}, line 3: kind "person" is not one of name, place, date, pattern`);
    fs.writeFileSync(bad, 'find,replace,kind\nMaria,P1,name\n"(unclosed",x,pattern\n');
    const r2 = await runCli(['anonymise', file, '--key', bad]);
    expect(r2.code).toBe(2);
    expect(r2.err).toMatch(/bad\.csv, line 3: pattern \(unclosed is not a valid regular expression/);
    expect(fs.readdirSync(dir).sort()).toEqual(before);
    expect((await runCli(['anonymise', file])).err).toMatch(/usage: thematic anonymise FILE --key KEY\.csv/);
    expect((await runCli(['anonymise', file, '--key', path.join(dir, 'nope.csv')])).err).toMatch(/nope\.csv: no such key file/);
  });
});
