import { describe, expect, test } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import { exportReport } from '../../src/features/reports/index.ts';
import { collectQuotes } from '../../src/features/reports/quotes.ts';
import { smallStudy, utf8 } from './small-study.ts';
import { expectNested, readMarkdown } from './markdown-check.ts';
import { openSample } from '../helpers/project.ts';
import { dbOf } from '../helpers/db.ts';

const SCRIPT_QUOTE = 'I told them <script>alert("x")</script> and *not bold* & stuff.\n# not heading';
const date = '2026-01-02';

describe('quotes by theme', () => {
  test('Markdown: theme tree headings, each quote exactly as coded and attributed, transcript text kept literal', async () => {
    const s = await smallStudy();
    const md = utf8((await exportReport(dbOf(s.service), 'quotes-md', { date, projectName: 'study' })).bytes);
    const blocks = readMarkdown(md);
    expectNested(blocks);
    const headings = blocks.filter((b) => b.kind === 'heading').map((b) => `${b.level} ${(b as { text: string }).text}`);
    expect(headings).toEqual([
      '1 Quotes by theme',
      '2 Core concept: Peer workers as a bridge',
      '3 Theme group: Functions of the bridge',
      '4 Theme: Advocacy',
      '5 Code: Trust',
      '5 Code: Shared experience',
      '5 Sub-theme: Speaking up for patients',
      '6 Code: Speaking up',
      '4 Theme: Restoring trust',
      '5 Code: Trust',
    ]);
    const quotes = blocks.filter((b) => b.kind === 'quote').map((b) => (b as { lines: string[] }).lines);
    // Both coders coded the <script> passage identically: once per theme, not twice.
    expect(quotes.map((q) => q.join('\n'))).toEqual([
      `${SCRIPT_QUOTE}\n\n— (P4, patient)`,
      'Someone who has been there understands what the ward feels like at night.\n\n— (P13, peer worker)',
      'The peer explains things to us that patients will never say to a doctor.\n\n— (P8, HCP)',
      'She came back the next day [really] and stayed with me for the whole afternoon until the doctor came.\n\n— (P4, patient)',
      `${SCRIPT_QUOTE}\n\n— (P4, patient)`,
    ]);
    expect(md).toContain('\\<script\\>');
    expect(md).toContain('\\*not bold\\*');
    expect(md).toMatch(/^> \\# not heading$/m);
    expect(md).toContain('*study · 2026-01-02*');
    expect(md).toContain('Coders: Amira and Ben (passages coded identically');
    // A code attached to no theme is left out of a theme report.
    expect(md).not.toContain('SUM(A1:A2)');
  });

  test('HTML: self-contained, UTF-8, escaped text (never raw transcript HTML), well-formed', async () => {
    const s = await smallStudy();
    const r = await exportReport(dbOf(s.service), 'quotes-html', { date, timestamps: true });
    expect(r.mime).toBe('text/html; charset=utf-8');
    const html = utf8(r.bytes);
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html).toContain('<meta charset="utf-8"/>');
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<script|<link|src=|href=/i);
    expect(html).toContain('I told them &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; and *not bold* &amp; stuff.<br/>\n# not heading');
    expect(html).toContain('<span class="cite">(P13, peer worker) [00:12:34]</span>');
    expect(html.match(/<blockquote>/g)).toHaveLength(5);
    expect(html).toContain('<h4>Theme: Advocacy</h4>');
    expect(XMLValidator.validate(html.replace(/^<!DOCTYPE html>\n/, ''))).toBe(true);
  });

  test('timestamps come from the speaker turn, only when asked and only for timed transcripts', async () => {
    const s = await smallStudy();
    const on = collectQuotes(dbOf(s.service), { timestamps: true });
    const all = on.themes.flatMap((t) => t.codes.flatMap((c) => c.quotes));
    expect(all.find((q) => q.text.startsWith('Someone'))!.timestamp).toBe('[00:12:34]');
    expect(all.find((q) => q.text.startsWith('The peer'))!.timestamp).toBe('[00:13:00]');
    expect(all.find((q) => q.text.startsWith('She came'))!.timestamp).toBeNull();
    const md = utf8((await exportReport(dbOf(s.service), 'quotes-md', { timestamps: true })).bytes);
    expect(md).toContain('> — (P13, peer worker) \\[00:12:34\\]');
    const off = utf8((await exportReport(dbOf(s.service), 'quotes-md', {})).bytes);
    expect(off).not.toMatch(/\d\d:\d\d:\d\d/);
  });

  test('attribution: the chosen attributes after the label, in the order given; none at all; unknown attributes are an error', async () => {
    const s = await smallStudy();
    const cites = (attribution?: string[]) =>
      collectQuotes(dbOf(s.service), { attribution }).themes.flatMap((t) => t.codes.flatMap((c) => c.quotes.map((q) => q.attribution)));
    expect(cites(['role', 'site'])).toContain('(P13, peer support worker, B)');
    expect(cites(['site'])).toContain('(P8)'); // P8 has no site: nothing dangling
    expect(cites([])).toEqual(['(P4)', '(P13)', '(P8)', '(P4)', '(P4)']);
    expect(() => cites(['grup'])).toThrow(/no participant attribute "grup"; close names: "group"/);
  });

  test('a focus group: each quote goes to the participant linked to the speaker turn it starts in', async () => {
    const s = await smallStudy();
    const p13 = (await s.service.call('participants.list', {})).find((p) => p.label === 'P13')!;
    await s.service.call('documents.setParticipant', { documentId: s.docs.group, participantId: p13.id });
    const q = collectQuotes(dbOf(s.service), { codes: ['Shared experience', 'Speaking up'] });
    const speakers = q.codes.flatMap((c) => c.quotes.map((x) => `${x.document}: ${x.attribution}`));
    // code tree order: "Speaking up" before "Trust > Shared experience"
    expect(speakers).toEqual(['focus-group: (P8, HCP)', 'P04-interview: (P4, patient)', 'focus-group: (P13, peer worker)']);
  });

  test('choosing themes: a picked theme with its sub-themes, under its ancestors as headings only', async () => {
    const s = await smallStudy();
    const q = collectQuotes(dbOf(s.service), { themes: ['speaking up for patients'] });
    expect(q.themes.map((t) => [t.name, t.picked, t.codes.map((c) => c.name)])).toEqual([
      ['Peer workers as a bridge', false, []],
      ['Functions of the bridge', false, []],
      ['Advocacy', false, []],
      ['Speaking up for patients', true, ['Speaking up']],
    ]);
    const both = collectQuotes(dbOf(s.service), { themes: ['Advocacy'] });
    expect(both.themes.filter((t) => t.picked).map((t) => t.name)).toEqual(['Advocacy', 'Speaking up for patients']);
    expect(both.themes.map((t) => t.name)).not.toContain('Restoring trust');
  });

  test('a passage starting in the gap between turns belongs to the turn it runs into', async () => {
    const s = await smallStudy();
    const start = s.text.group.indexOf('\nThe peer');
    await s.service.call('codings.create', { documentId: s.docs.group, codeId: s.codes.loose, coder: 'Amira', start, end: start + 12 });
    const q = collectQuotes(dbOf(s.service), { codes: ['Loose code'], timestamps: true });
    expect(q.codes[0].quotes.map((x) => `${x.attribution} ${x.timestamp}`)).toEqual(['(P8, HCP) [00:13:00]', '(P4, patient) null']);
  });

  test('discarded themes are left out unless named', async () => {
    const s = await smallStudy();
    await s.service.call('themes.discard', { id: s.themes.other, why: 'folded into Advocacy' });
    expect(collectQuotes(dbOf(s.service), {}).themes.map((t) => t.name)).not.toContain('Restoring trust');
    expect(
      collectQuotes(dbOf(s.service), { themes: ['Restoring trust'] })
        .themes.filter((t) => t.picked)
        .map((t) => t.name),
    ).toEqual(['Restoring trust']);
  });

  test('choosing codes: a code in no theme is reported by code; with themes, only the chosen codes appear in them', async () => {
    const s = await smallStudy();
    const byCode = collectQuotes(dbOf(s.service), { codes: ['Loose code'] });
    expect(byCode.title).toBe('Quotes by code');
    expect(byCode.themes).toEqual([]);
    expect(byCode.codes.map((c) => [c.name, c.quotes.map((q) => q.text)])).toEqual([
      ['Loose code', ['=SUM(A1:A2) they wrote on the board, honestly.']],
    ]);
    const md = utf8((await exportReport(dbOf(s.service), 'quotes-md', { codes: ['Loose code'] })).bytes);
    expect(md).toContain('> \\=SUM(A1:A2) they wrote on the board, honestly.');
    expect(
      readMarkdown(md)
        .filter((b) => b.kind === 'heading')
        .map((b) => (b as { text: string }).text),
    ).toEqual(['Quotes by code', 'Code: Loose code']);
    const mixed = collectQuotes(dbOf(s.service), { themes: ['Advocacy'], codes: ['Trust > Shared experience', 'Loose code'] });
    expect(mixed.themes.flatMap((t) => t.codes.map((c) => c.name))).toEqual(['Shared experience']);
    expect(mixed.codes.map((c) => c.name)).toEqual(['Loose code']);
  });

  test('unknown theme or code names are an error that names the close ones', async () => {
    const s = await smallStudy();
    expect(() => collectQuotes(dbOf(s.service), { themes: ['Advocasy'] })).toThrow(/no theme named "Advocasy"; close names: "Advocacy"/);
    expect(() => collectQuotes(dbOf(s.service), { codes: ['Trsut'] })).toThrow(/no code named "Trsut"; close names: "Trust"/);
    expect(() => collectQuotes(dbOf(s.service), { codes: ['zzzz qqqq'] })).toThrow(/codes are: /);
  });

  test('coder: a chosen coder, else the consensus coder when it has codings, else all coders merged', async () => {
    const s = await smallStudy();
    const texts = (o: { coder?: string }) =>
      collectQuotes(dbOf(s.service), o).themes.flatMap((t) => t.codes.flatMap((c) => c.quotes.map((q) => q.text.slice(0, 8))));
    expect(texts({ coder: 'Ben' })).toEqual(['I told t', 'Someone ', 'She came', 'I told t']);
    expect(texts({ coder: 'amira' })).toEqual(['I told t', 'Someone ', 'The peer', 'I told t']);
    expect(collectQuotes(dbOf(s.service), { coder: 'Ben' }).meta[1]).toBe('Coder: Ben');
    expect(() => texts({ coder: 'Bern' })).toThrow(/no coder named "Bern"; close names: "Ben"/);
    await s.service.call('coders.create', { name: 'consensus' });
    expect(texts({})).toHaveLength(5); // a consensus coder without codings changes nothing
    const start = s.text.group.indexOf('Someone');
    await s.service.call('codings.create', { documentId: s.docs.group, codeId: s.codes.shared, coder: 'consensus', start, end: start + 7 });
    const q = collectQuotes(dbOf(s.service), {});
    expect(q.meta[1]).toBe('Coder: consensus (consensus)');
    expect(q.themes.flatMap((t) => t.codes.flatMap((c) => c.quotes.map((x) => x.text)))).toEqual(['Someone']);
  });

  test('the sample study: every attached code of every theme, quotes equal to the document text, "(P13, peer worker)" style', async () => {
    const service = await openSample();
    const q = collectQuotes(dbOf(service), { timestamps: true });
    const db = dbOf(service);
    expect(q.themes).toHaveLength((db.prepare(`SELECT COUNT(*) AS n FROM themes WHERE status <> 'discarded'`).get() as { n: number }).n);
    expect(q.themes.slice(0, 3).map((t) => `${t.kind} ${t.name}`)).toEqual([
      'core Peer support workers as a bridge',
      'group Functions of the bridge',
      'theme Overcoming system barriers',
    ]);
    const distinctSpans = (
      db
        .prepare(
          `SELECT COUNT(*) AS n FROM (SELECT DISTINCT tc.theme_id, g.code_id, g.document_id, g.start, g.end
      FROM theme_codes tc JOIN codings g ON g.code_id = tc.code_id)`,
        )
        .get() as { n: number }
    ).n;
    const all = q.themes.flatMap((t) => t.codes.flatMap((c) => c.quotes));
    expect(all).toHaveLength(distinctSpans);
    const doc = db.prepare('SELECT text FROM documents WHERE name = ?');
    for (const x of all) expect(x.text).toBe((doc.get(x.document) as { text: string }).text.slice(x.start, x.end));
    expect(all.some((x) => /^\(P13, peer worker\)$/.test(x.attribution))).toBe(true);
    expect(all.some((x) => x.attribution.startsWith('(P10, HCP)') && x.timestamp)).toBe(true);
    expect(all.filter((x) => x.document.startsWith('P02')).every((x) => x.timestamp === null)).toBe(true);
    service.close();
  });
});
