import { beforeAll, afterAll, describe, expect, test } from 'vitest';
import type { Service } from '../../src/api/service.ts';
import { exportReport } from '../../src/features/reports/index.ts';
import { parseCsv } from '../../src/lib/csv.ts';
import { openSample } from '../helpers/project.ts';
import { smallStudy, utf8 } from './small-study.ts';
import { dbOf } from '../helpers/db.ts';

const rowsOf = (b: Uint8Array) => parseCsv(utf8(b));

describe('coded segments CSV', () => {
  test('one row per coding: document, participant, every attribute, code, path, coder, UTF-16 offsets, exact text', async () => {
    const s = await smallStudy();
    const r = await exportReport(dbOf(s.service), 'segments-csv', { projectName: 'My study' });
    expect(r.fileName).toBe('my-study-coded-segments.csv');
    expect(r.mime).toBe('text/csv; charset=utf-8');
    expect([...r.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = utf8(r.bytes);
    expect(text).toContain('\r\n');
    const rows = rowsOf(r.bytes);
    expect(rows[0]).toEqual(['document', 'participant', 'group', 'role', 'site', 'code', 'code path', 'coder', 'start', 'end', 'text']);
    const n = (dbOf(s.service).prepare('SELECT COUNT(*) AS n FROM codings').get() as { n: number }).n;
    expect(rows).toHaveLength(n + 1);
    const shared = rows.filter((x) => x[5] === 'Shared experience');
    expect(shared.map((x) => x.slice(0, 8))).toEqual([
      ['focus-group', 'P13', 'peer worker', 'peer support worker', 'B', 'Shared experience', 'Trust > Shared experience', 'Amira'],
      ['focus-group', 'P13', 'peer worker', 'peer support worker', 'B', 'Shared experience', 'Trust > Shared experience', 'Ben'],
    ]);
    for (const x of rows.slice(1)) {
      const doc = x[0] === 'focus-group' ? s.text.group : s.text.tricky;
      expect(x[8]).toMatch(/^\d+$/);
      const slice = doc.slice(Number(x[8]), Number(x[9]));
      expect(x[10]).toBe(/^[=+\-@]/.test(slice) ? `'${slice}` : slice);
    }
    // The <script> passage keeps its quotes, newline and commas inside one RFC 4180 cell.
    expect(text).toContain('"I told them <script>alert(""x"")</script> and *not bold* & stuff.\n# not heading"');
  });

  test('formula injection: a passage starting with = is prefixed with an apostrophe; numbers are left alone', async () => {
    const s = await smallStudy();
    const rows = rowsOf((await exportReport(dbOf(s.service), 'segments-csv', {})).bytes);
    const loose = rows.find((x) => x[5] === 'Loose code')!;
    expect(loose[10]).toBe("'=SUM(A1:A2) they wrote on the board, honestly.");
    expect(loose[8]).toBe(String(s.text.tricky.indexOf('=SUM')));
  });

  test('--coder, --code/--theme filters and --timestamps', async () => {
    const s = await smallStudy();
    const ben = rowsOf((await exportReport(dbOf(s.service), 'segments-csv', { coder: 'Ben' })).bytes);
    expect(new Set(ben.slice(1).map((x) => x[7]))).toEqual(new Set(['Ben']));
    expect(ben).toHaveLength(4);
    const advocacy = rowsOf((await exportReport(dbOf(s.service), 'segments-csv', { themes: ['Advocacy'] })).bytes);
    expect(new Set(advocacy.slice(1).map((x) => x[5]))).toEqual(new Set(['Trust', 'Shared experience', 'Speaking up']));
    const timed = rowsOf((await exportReport(dbOf(s.service), 'segments-csv', { codes: ['Shared experience'], timestamps: true })).bytes);
    expect(timed[0][10]).toBe('time');
    expect(timed[1][10]).toBe('00:12:34');
  });
});

describe('code-by-attribute matrix CSV', () => {
  let service: Service;
  beforeAll(async () => {
    service = await openSample();
  });
  afterAll(() => service.close());

  test('rows are code paths in tree order, columns the group values, cells coded segments equal to SQL', async () => {
    const r = await exportReport(dbOf(service), 'matrix-csv', { projectName: 'sample' });
    expect(r.fileName).toBe('sample-codes-by-group-segments.csv');
    const rows = rowsOf(r.bytes);
    expect(rows[0]).toEqual(['code', 'employer', 'HCP', 'patient', 'peer worker', 'total']);
    const sql = dbOf(service).prepare(`SELECT COUNT(*) AS n FROM (SELECT DISTINCT g.document_id, g.start, g.end FROM codings g
      JOIN codes c ON c.id = g.code_id JOIN documents d ON d.id = g.document_id JOIN participant_attributes a ON a.participant_id = d.participant_id AND a.key = 'group'
      WHERE c.name = ? AND a.value = ?)`);
    let checked = 0;
    for (const row of rows.slice(1)) {
      const name = row[0].split(' > ').at(-1)!;
      rows[0].slice(1, -1).forEach((v, k) => {
        expect(Number(row[k + 1]), `${row[0]} x ${v}`).toBe((sql.get(name, v) as { n: number }).n);
        checked++;
      });
      expect(Number(row.at(-1))).toBe(row.slice(1, -1).reduce((n, x) => n + Number(x), 0));
    }
    expect(checked).toBeGreaterThan(100);
    expect(rows.slice(1).map((x) => x[0])).toContain('System barriers > Stigma from staff');
  });

  test('--count participants and --attribute role; an unknown attribute is an error', async () => {
    const rows = rowsOf((await exportReport(dbOf(service), 'matrix-csv', { attribute: 'role', count: 'participants' })).bytes);
    expect(rows[0]).toContain('family physician');
    const sql = dbOf(service)
      .prepare(`SELECT COUNT(DISTINCT d.participant_id) AS n FROM codings g JOIN codes c ON c.id = g.code_id JOIN documents d ON d.id = g.document_id
      JOIN participant_attributes a ON a.participant_id = d.participant_id AND a.key = 'role' WHERE c.name = ? AND a.value = ?`);
    const stigma = rows.find((x) => x[0] === 'System barriers > Stigma from staff')!;
    rows[0].slice(1, -1).forEach((v, k) => expect(Number(stigma[k + 1])).toBe((sql.get('Stigma from staff', v) as { n: number }).n));
    const docs = rowsOf((await exportReport(dbOf(service), 'matrix-csv', { count: 'documents', coder: 'Amira' })).bytes);
    expect(docs).toHaveLength(rows.length);
    await expect(exportReport(dbOf(service), 'matrix-csv', { attribute: 'gruop' })).rejects.toThrow(
      /no participant attribute "gruop"; close names: "group"/,
    );
  });
});
