import { beforeAll, afterAll, describe, expect, test } from 'vitest';
import type { Service } from '../../src/api/service.ts';
import { exportReport } from '../../src/features/reports/index.ts';
import { collectCodebook } from '../../src/features/reports/codebook.ts';
import { parseCsv } from '../../src/lib/csv.ts';
import { openSample } from '../helpers/project.ts';
import { smallStudy, utf8 } from './small-study.ts';
import { expectNested, readMarkdown } from './markdown-check.ts';
import { dbOf } from '../helpers/db.ts';

describe('codebook of the sample study', () => {
  let service: Service;
  beforeAll(async () => {
    service = await openSample();
  });
  afterAll(() => service.close());

  test('counts equal SQL counts: coded segments (identical passages of both coders once), documents, participants', () => {
    const b = collectCodebook(dbOf(service), {});
    const sql = dbOf(service)
      .prepare(
        `SELECT c.id, c.name,
        (SELECT COUNT(*) FROM (SELECT DISTINCT g.document_id, g.start, g.end FROM codings g WHERE g.code_id = c.id)) AS segments,
        (SELECT COUNT(DISTINCT g.document_id) FROM codings g WHERE g.code_id = c.id) AS documents,
        (SELECT COUNT(DISTINCT d.participant_id) FROM codings g JOIN documents d ON d.id = g.document_id WHERE g.code_id = c.id) AS participants
      FROM codes c`,
      )
      .all() as { id: number; name: string; segments: number; documents: number; participants: number }[];
    expect(b.entries).toHaveLength(sql.length);
    for (const r of sql) {
      const e = b.entries.find((x) => x.id === r.id)!;
      expect([e.name, e.segments, e.documents, e.participants]).toEqual([r.name, r.segments, r.documents, r.participants]);
    }
    expect(b.entries.reduce((n, e) => n + e.segments, 0)).toBeGreaterThan(300);
  });

  test("one coder: counts of that coder's codings", () => {
    const b = collectCodebook(dbOf(service), { coder: 'Ben' });
    const n = dbOf(service)
      .prepare(`SELECT g.code_id, COUNT(*) AS n FROM codings g JOIN coders k ON k.id = g.coder_id WHERE k.name = 'Ben' GROUP BY g.code_id`)
      .all() as { code_id: number; n: number }[];
    for (const r of n) expect(b.entries.find((e) => e.id === r.code_id)!.segments).toBe(r.n);
    expect(b.meta[1]).toBe('Coder: Ben');
  });

  test('code tree order with levels, definitions, inclusion/exclusion, example and themes', () => {
    const b = collectCodebook(dbOf(service), {});
    const byName = (n: string) => b.entries.find((e) => e.name === n)!;
    const stigma = byName('Stigma from staff');
    expect(stigma.depth).toBe(1);
    expect(stigma.path).toBe('System barriers > Stigma from staff');
    expect(b.entries.indexOf(stigma)).toBeGreaterThan(b.entries.indexOf(byName('System barriers')));
    expect(stigma.whenToUse).toMatch(/^Patient or provider describes/);
    expect(stigma.whenNotToUse).toMatch(/^General complaints/);
    expect(stigma.example).toEqual({ text: 'They looked at me like I was garbage.', attribution: null });
    expect(stigma.themes.length).toBeGreaterThan(0);
    for (const e of b.entries) if (e.depth > 0) expect(b.entries.find((p) => e.path === `${p.path} > ${e.name}`)).toBeTruthy();
  });

  test('Markdown: nested headings, labelled fields, the tree as written', async () => {
    const md = utf8((await exportReport(dbOf(service), 'codebook-md', { date: '2026-01-02' })).bytes);
    const blocks = readMarkdown(md);
    expectNested(blocks);
    const i = blocks.findIndex((x) => x.kind === 'heading' && x.text === 'Stigma from staff');
    expect(blocks[i]).toEqual({ kind: 'heading', level: 3, text: 'Stigma from staff' });
    expect(blocks.slice(i + 1, i + 6).map((x) => (x as { text: string }).text)).toEqual([
      'System barriers > Stigma from staff',
      expect.stringMatching(/^Definition: Judgemental looks/),
      expect.stringMatching(/^When to use: /),
      expect.stringMatching(/^When not to use: /),
      'Example: “They looked at me like I was garbage.”',
    ]);
  });

  test('CSV: one row per code, counts as numbers, BOM, parses back', async () => {
    const r = await exportReport(dbOf(service), 'codebook-csv', {});
    expect(r.fileName).toMatch(/-codebook\.csv$/);
    expect([...r.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(utf8(r.bytes));
    expect(rows[0]).toEqual([
      'level',
      'code',
      'path',
      'definition',
      'when to use',
      'when not to use',
      'example',
      'example attribution',
      'coded segments',
      'documents',
      'participants',
      'themes',
      'in vivo',
    ]);
    const b = collectCodebook(dbOf(service), {});
    expect(rows.slice(1).map((x) => [x[2], Number(x[8]), Number(x[9]), Number(x[10])])).toEqual(
      b.entries.map((e) => [e.path, e.segments, e.documents, e.participants]),
    );
  });
});

describe('codebook of a small study', () => {
  test('without a codebook example, the shortest coded passage of 8 to 40 words, attributed', async () => {
    const s = await smallStudy();
    const b = collectCodebook(dbOf(s.service), {});
    const byName = (n: string) => b.entries.find((e) => e.name === n)!;
    expect(byName('Speaking up').example).toEqual({ text: 'She talked to the nurses for me.', attribution: null });
    expect(byName('Shared experience').example).toEqual({
      text: 'Someone who has been there understands what the ward feels like at night.',
      attribution: '(P13, peer worker)',
    });
    expect(byName('Shared experience').themes).toEqual(['Advocacy']);
    expect(byName('Trust').themes).toEqual(['Advocacy', 'Restoring trust']);
  });

  test('choosing codes or themes keeps their parents as context; unknown names are an error', async () => {
    const s = await smallStudy();
    expect(collectCodebook(dbOf(s.service), { codes: ['Shared experience'] }).entries.map((e) => e.path)).toEqual([
      'Trust',
      'Trust > Shared experience',
    ]);
    expect(collectCodebook(dbOf(s.service), { themes: ['Speaking up for patients'] }).entries.map((e) => e.path)).toEqual(['Speaking up']);
    expect(() => collectCodebook(dbOf(s.service), { themes: ['Nope nope nope'] })).toThrow(
      /no theme named "Nope nope nope"; themes are: "Peer workers as a bridge"/,
    );
  });

  test('Markdown keeps definitions literal', async () => {
    const s = await smallStudy();
    await s.service.call('codes.update', { id: s.codes.loose, definition: '<b>raw</b> *x* # y\n- not a list' });
    const md = utf8((await exportReport(dbOf(s.service), 'codebook-md', {})).bytes);
    const para = readMarkdown(md).find((x) => x.kind === 'para' && x.text.startsWith('Definition: <b>'));
    expect(para).toEqual({ kind: 'para', text: 'Definition: <b>raw</b> *x* # y\n- not a list' });
  });
});
