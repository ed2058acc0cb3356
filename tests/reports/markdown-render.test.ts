import { marked } from 'marked';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { exportReport } from '../../src/features/reports/index.ts';
import { smallStudy, utf8 } from './small-study.ts';
import { dbOf } from '../helpers/db.ts';

// The Markdown reports through a real CommonMark renderer (marked): the headings come out as
// headings, every quote as a block quote, and transcript text stays literal (no HTML, no emphasis).

const render = (md: string) => marked.parse(md, { async: false, gfm: true }) as string;
const headings = (html: string) => [...html.matchAll(/<h(\d)[^>]*>([\s\S]*?)<\/h\1>/g)].map((m) => `${m[1]} ${decode(m[2])}`);
const decode = (s: string) =>
  s
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

describe('Markdown reports render', () => {
  test('quotes by theme: theme headings, quotes in block quotes, transcript text literal', async () => {
    const s = await smallStudy();
    const html = render(utf8((await exportReport(dbOf(s.service), 'quotes-md', { date: '2026-01-02', projectName: 'study' })).bytes));
    // Well-formed (marked's output of this report is XHTML-like) and free of anything from the transcript as markup.
    expect(() => new XMLParser().parse(`<root>${html.replace(/<br>/g, '<br/>')}</root>`)).not.toThrow();
    expect(html).not.toMatch(/<script|<em>not bold<\/em>/);
    expect(headings(html)).toEqual(expect.arrayContaining(['1 Quotes by theme', '4 Theme: Advocacy', '5 Code: Trust']));
    expect(headings(html)).not.toContain('1 not heading');
    const quotes = [...html.matchAll(/<blockquote>([\s\S]*?)<\/blockquote>/g)].map((m) => decode(m[1]).replace(/\s+/g, ' ').trim());
    expect(quotes.some((q) => q.includes('I told them <script>alert("x")</script> and *not bold* & stuff.'))).toBe(true);
    expect(html).toMatch(/\(P4, patient\)/);
  });

  test('codebook: one heading per code, definitions as text', async () => {
    const s = await smallStudy();
    const md = utf8((await exportReport(dbOf(s.service), 'codebook-md', { date: '2026-01-02' })).bytes);
    const html = render(md);
    const names = (await s.service.call('codes.list', {})).map((c) => c.name);
    const hs = headings(html).map((h) => h.replace(/^\d /, ''));
    for (const n of names)
      expect(
        hs.some((h) => h.includes(n)),
        n,
      ).toBe(true);
    expect(html).not.toMatch(/<script/);
  });
});
