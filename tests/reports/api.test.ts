import { describe, expect, test } from 'vitest';
import { contract } from '../../src/api/contract.ts';
import { smallStudy } from './small-study.ts';
import { snapshot } from '../helpers/project.ts';
import { dbOf } from '../helpers/db.ts';

describe('reports.export', () => {
  test('is read-only and returns the file as base64 with its name and type', async () => {
    const s = await smallStudy();
    expect(contract['reports.export'].mutates).toBe(false);
    const before = snapshot(s.service);
    const ops = dbOf(s.service).prepare('SELECT COUNT(*) AS n FROM operations').get();
    const r = await s.service.call('reports.export', {
      format: 'quotes-md',
      themes: ['Advocacy'],
      attribution: ['role'],
      timestamps: true,
      date: '2026-01-02',
    });
    expect(r.fileName).toBe('study-quotes.md');
    expect(r.mime).toBe('text/markdown; charset=utf-8');
    const md = Buffer.from(r.contentBase64, 'base64').toString('utf8');
    expect(md).toContain('> — (P13, peer support worker) \\[00:12:34\\]');
    expect(md).toContain('*study · 2026-01-02*');
    expect(snapshot(s.service)).toEqual(before);
    expect(dbOf(s.service).prepare('SELECT COUNT(*) AS n FROM operations').get()).toEqual(ops);
  });

  test('rejects unknown formats and options, and reports unknown names as not_found', async () => {
    const s = await smallStudy();
    await expect(s.service.call('reports.export', { format: 'quotes-pdf' } as never)).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(s.service.call('reports.export', { format: 'quotes-md', colour: 'red' } as never)).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(s.service.call('reports.export', { format: 'quotes-md', themes: ['Advocasy'] })).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('"Advocacy"'),
    });
  });
});
