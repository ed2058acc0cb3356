import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Coding } from '../../src/core/model/entities.ts';
import { openHarness, shot, type Harness } from './harness.ts';

/** The expected passages, by brute force over characters (independent of the renderer's interval code). */
function oracle(codings: Coding[], a: number, b: number, mode: 'and' | 'or' | 'not'): string[] {
  const out: string[] = [];
  for (const doc of [...new Set(codings.map((c) => c.documentId))].sort((x, y) => x - y)) {
    const mine = codings.filter((c) => c.documentId === doc);
    if (mode === 'not') {
      const bs = mine.filter((c) => c.codeId === b);
      const keys = mine
        .filter((c) => c.codeId === a && !bs.some((o) => c.start < o.end && o.start < c.end))
        .map((c) => `${doc}:${c.start}:${c.end}`);
      out.push(...[...new Set(keys)]);
      continue;
    }
    const len = Math.max(0, ...mine.map((c) => c.end));
    const cover = (id: number) => {
      const m = new Uint8Array(len);
      for (const c of mine) if (c.codeId === id) m.fill(1, c.start, c.end);
      return m;
    };
    const ma = cover(a),
      mb = cover(b);
    let runStart = -1;
    for (let i = 0; i <= len; i++) {
      const on = i < len && (mode === 'and' ? ma[i] && mb[i] : ma[i] || mb[i]);
      if (on && runStart < 0) runStart = i;
      if (!on && runStart >= 0) {
        out.push(`${doc}:${runStart}:${i}`);
        runStart = -1;
      }
    }
  }
  return out;
}

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('project home', () => {
  it('shows the open project, remembers it among recent projects, and offers the sample study', async () => {
    const { page } = h;
    const info = await h.api('project.info', {});
    await page.keyboard.press('0');
    const recent = page.getByRole('list', { name: 'Recent projects' });
    await expect.poll(() => recent.locator('li.current').textContent()).toContain(info.path);
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('thematic.recentProjects') ?? '[]'));
    expect(stored[0]).toMatchObject({ path: info.path, name: info.name });
    // Another file is opened by a command, which the home screen spells out for the path typed.
    await page.getByLabel('Project file path').fill('/data/my study.thematic');
    expect(await page.locator('.commands').textContent()).toContain("thematic serve '/data/my study.thematic'");
    // The harness project is the sample study, built by the sample builder.
    await page.getByRole('button', { name: 'Reload the sample study' }).waitFor();
  });

  it('tracks the analysis phase in the project and keeps a reflexive journal per phase', async () => {
    const { page } = h;
    const tracker = page.getByRole('region', { name: 'Analysis phases' });
    expect(await tracker.locator('[aria-current="step"]').textContent()).toContain('Familiarisation');
    await tracker.getByRole('button', { name: /Searching for themes/ }).click();
    const journal = page.getByLabel('Reflexive journal: Searching for themes');
    await journal.fill('Stigma and distrust keep appearing together; I wonder if my nursing background makes me see staff first.');
    await tracker.getByRole('button', { name: 'Mark as current phase' }).click(); // also leaves the field, which saves it
    await expect
      .poll(async () => (await h.api('memos.list', { targetType: 'phase', targetId: 3 }))[0]?.body)
      .toMatch(/^Stigma and distrust/);
    await expect.poll(() => tracker.locator('[aria-current="step"]').textContent()).toContain('Searching for themes');
    const project = await h.api('memos.list', { targetType: 'project', targetId: null });
    expect(project.find((m) => m.title === 'Current analysis phase')?.body).toBe('3');
    // Another phase's journal is its own memo; coming back shows the saved entry.
    await tracker.getByRole('button', { name: /Familiarisation/ }).click();
    expect(await page.getByLabel('Reflexive journal: Familiarisation').inputValue()).toBe('');
    await tracker.getByRole('button', { name: /Searching for themes/ }).click();
    expect(await page.getByLabel('Reflexive journal: Searching for themes').inputValue()).toMatch(/^Stigma and distrust/);
    await shot(page, '11-home');
  });
});

describe('retrieval', () => {
  it('combines codes with AND / OR / NOT overlap, with context and attribution', async () => {
    const { page } = h;
    // The sample's codes rarely overlap: make one overlap, half of a coding of A also coded B.
    const codes = await h.api('codes.list', {});
    const before = await h.api('codings.list', { coder: 'Amira' });
    const count = (id: number) => before.filter((c) => c.codeId === id).length;
    const [ca, cb] = [...codes].sort((x, y) => count(y.id) - count(x.id));
    const target = before.find((c) => c.codeId === ca.id)!;
    await h.api('codings.create', {
      documentId: target.documentId,
      codeId: cb.id,
      coder: 'Amira',
      start: Math.floor((target.start + target.end) / 2),
      end: target.end + 15,
    });
    const amira = await h.api('codings.list', { coder: 'Amira' });
    const best = { a: ca.id, b: cb.id };
    const a = codes.find((c) => c.id === best.a)!,
      b = codes.find((c) => c.id === best.b)!;
    await page.keyboard.press('1');
    await page.locator(`.code-row[data-code-id="${a.id}"]`).click();
    await page.getByRole('button', { name: 'Quotes', exact: true }).click();
    await page.getByLabel('Add a code to combine').selectOption(String(b.id));
    const shown = () =>
      page
        .locator('.quote-item[data-start]')
        .evaluateAll((els) =>
          els.map((e) => `${e.getAttribute('data-document-id')}:${e.getAttribute('data-start')}:${e.getAttribute('data-end')}`),
        );
    const expected = { and: oracle(amira, a.id, b.id, 'and'), or: oracle(amira, a.id, b.id, 'or'), not: oracle(amira, a.id, b.id, 'not') };
    expect(new Set([expected.and.length, expected.or.length, expected.not.length]).size).toBe(3);
    await expect.poll(shown).toEqual(expected.and);
    await shot(page, '12-retrieval-and');
    // The quote is exactly the overlap, with its context around it and the speaker's attribution.
    const [doc, start, end] = expected.and[0].split(':').map(Number);
    const text = (await h.api('documents.get', { id: doc })).text;
    const first = page.locator('.quote-item[data-start]').first();
    expect(await first.locator('mark').textContent()).toBe(text.slice(start, end));
    expect((await first.locator('.context').first().textContent())!.length).toBeGreaterThan(0);
    expect(await first.locator('.attribution').textContent()).toMatch(/^\(P\d+, \w+/);
    await page.getByRole('radio', { name: 'OR' }).click();
    await expect.poll(shown).toEqual(expected.or);
    await page.getByRole('radio', { name: 'NOT' }).click();
    await expect.poll(shown).toEqual(expected.not);
    expect(await page.locator('.combine-bar').textContent()).toContain(`NOT${b.name}`);
    // Removing the second code goes back to the one code's quotes.
    await page.getByRole('button', { name: `Remove ${b.name}` }).click();
    const single = new Set(amira.filter((c) => c.codeId === a.id).map((c) => `${c.documentId}:${c.start}:${c.end}`));
    await expect.poll(async () => (await shown()).length).toBe(single.size);
  });
});

/** Clicks a download button and returns the file's text. */
async function downloaded(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()]);
  return { name: d.suggestedFilename(), text: fs.readFileSync((await d.path())!, 'utf8') };
}
const csvRow = (csv: string, name: string) =>
  csv
    .trim()
    .split('\n')
    .find((l) => l.startsWith(`${/[",]/.test(name) ? `"${name.replace(/"/g, '""')}"` : name},`));

describe('analysis views', () => {
  it('shows code co-occurrence within speaker turns as a matrix and a network, exported as CSV and SVG', async () => {
    const { page } = h;
    const amira = await h.api('codings.list', { coder: 'Amira' });
    // Expected: for each speaker turn, the codes whose codings touch it; count each pair once per turn.
    const pairs = new Map<string, number>();
    for (const doc of new Set(amira.map((c) => c.documentId))) {
      for (const t of (await h.api('documents.get', { id: doc })).turns) {
        const ids = [...new Set(amira.filter((c) => c.documentId === doc && c.start < t.end && t.start < c.end).map((c) => c.codeId))].sort(
          (a, b) => a - b,
        );
        for (const a of ids) for (const b of ids) if (a < b) pairs.set(`${a}:${b}`, (pairs.get(`${a}:${b}`) ?? 0) + 1);
      }
    }
    const [top, n] = [...pairs].sort((x, y) => y[1] - x[1])[0];
    const [a, b] = top.split(':').map(Number);
    const codes = await h.api('codes.list', {});
    const ca = codes.find((c) => c.id === a)!,
      cb = codes.find((c) => c.id === b)!;
    await page.keyboard.press('4');
    await page.getByRole('radio', { name: 'Co-occurrence' }).click();
    await page.locator('.co-charts[data-ready="true"]').waitFor();
    const csv = await downloaded(page, 'CSV');
    const header = csv.text.trim().split('\n')[0].split(',');
    // Names never contain commas in the sample, so the header splits cleanly.
    expect(
      Number(
        csvRow(csv.text, ca.name)!
          .split(',')
          .at(header.indexOf(cb.name) - header.length),
      ),
    ).toBe(n);
    // The network starts with the strongest links only (readable); at least 1 shows every pair.
    expect(await page.locator('svg[aria-label="Code co-occurrence network"] line').count()).toBeLessThanOrEqual(40);
    await shot(page, '13-cooccurrence');
    await page.getByLabel('Minimum link strength').selectOption('1');
    const linked = new Set([...pairs.keys()].flatMap((k) => k.split(':')));
    expect(await page.locator('svg[aria-label="Code co-occurrence network"] g.node').count()).toBe(linked.size);
    expect(await page.locator('svg[aria-label="Code co-occurrence network"] line').count()).toBe(pairs.size);
    const net = await downloaded(page, 'Network SVG');
    expect(net.name).toBe('code-cooccurrence-turn-network.svg');
    expect(net.text).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(net.text).toContain(ca.name.replace(/&/g, '&amp;').replace(/"/g, '&quot;').slice(0, 20));
    expect((await downloaded(page, 'Matrix SVG')).text).toContain('<rect');
  });

  it('draws code frequencies by group as bar charts, exported as CSV and SVG', async () => {
    const { page } = h;
    await page.getByRole('radio', { name: 'Frequencies by group' }).click();
    await page.getByLabel('Matrix attribute').selectOption('group');
    const amira = await h.api('codings.list', { coder: 'Amira' });
    const docs = await h.api('documents.list', {});
    const groupOf = new Map(docs.map((d) => [d.id, d.attributes.group ?? '(none)']));
    const code = (await h.api('codes.list', {})).find((c) => amira.some((g) => g.codeId === c.id))!;
    const groups = [...new Set(docs.map((d) => d.attributes.group ?? '(none)'))].sort();
    const chart = page.locator('svg[aria-label="Code frequencies by group"]');
    await chart.locator('g.bar-panel').first().waitFor();
    expect(await chart.locator('g.bar-panel').evaluateAll((els) => els.map((e) => e.getAttribute('data-group')))).toEqual(groups);
    for (const g of groups) {
      const want = amira.filter((c) => c.codeId === code.id && groupOf.get(c.documentId) === g).length;
      expect(
        Number(
          await chart
            .locator(`g.bar-panel[data-group="${g}"] g.bar[data-code="${code.name.replace(/"/g, '\\"')}"]`)
            .getAttribute('data-value'),
        ),
      ).toBe(want);
    }
    const csv = await downloaded(page, 'CSV');
    expect(csv.name).toBe('code-frequencies-by-group.csv');
    expect(csv.text.split('\n')[0]).toBe(['code \\ group', ...groups].join(','));
    const svg = await downloaded(page, 'SVG');
    expect(svg.text).toContain('class="bar-panel"');
    await shot(page, '14-frequencies');
  });
});

describe('importing documents', () => {
  it('imports chosen files one by one with a progress bar, and names the file the API refused and why', async () => {
    const { page } = h;
    const before = (await h.api('documents.list', {})).length;
    await page.keyboard.press('3');
    const turn = (who: string, n: number) =>
      `Interviewer: What happened on day ${n}?\n\n${who}: The peer worker came back on day ${n} and we talked.\n`;
    await page.getByLabel('Participant for imported files').fill('P15');
    await page.getByLabel('Transcript files').setInputFiles([
      { name: 'P15-day1.txt', mimeType: 'text/plain', buffer: Buffer.from(turn('P15', 1)) },
      { name: 'broken.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('this is not a zip file') },
      { name: 'P15-day2.txt', mimeType: 'text/plain', buffer: Buffer.from(turn('P15', 2)) },
    ]);
    await expect.poll(() => page.getByTestId('import-count').textContent()).toBe('3 / 3 files');
    const progress = page.getByLabel('Import progress');
    expect(await progress.evaluate((p: HTMLProgressElement) => [p.value, p.max])).toEqual([3, 3]);
    const problems = page.getByRole('alert', { name: 'Import problems' });
    expect(await problems.locator('li.error').count()).toBe(1);
    expect(await problems.locator('li.error').textContent()).toMatch(/^broken\.docx: not imported: \S+/);
    // The browser logs the refused request (HTTP 422) once; that one is expected, any other error is not.
    const refused = h.pageErrors.filter((e) => /status of 422/.test(e));
    expect(refused).toHaveLength(1);
    h.pageErrors.splice(h.pageErrors.indexOf(refused[0]), 1);
    const docs = await h.api('documents.list', {});
    expect(docs.length).toBe(before + 2);
    expect(docs.filter((d) => d.name.startsWith('P15-day')).map((d) => d.participant)).toEqual(['P15', 'P15']);
    const rows = page.getByRole('table', { name: 'Documents' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(before + 2);
    await shot(page, '15-import');
  });

  it('imports files dropped on the page', async () => {
    const { page } = h;
    await page.getByLabel('Participant for imported files').fill('');
    const dt = await page.evaluateHandle(() => {
      const d = new DataTransfer();
      d.items.add(new File(['Interviewer: Anything else?\n\nP16: No, that was all.\n'], 'P16-dropped.txt', { type: 'text/plain' }));
      return d;
    });
    const zone = page.getByRole('region', { name: 'Import transcripts' });
    await zone.dispatchEvent('dragover', { dataTransfer: dt });
    await zone.dispatchEvent('drop', { dataTransfer: dt });
    await expect.poll(() => page.getByTestId('import-count').textContent()).toBe('1 / 1 files');
    await expect.poll(async () => (await h.api('documents.list', {})).some((d) => d.name === 'P16-dropped')).toBe(true);
    expect(await page.getByRole('alert', { name: 'Import problems' }).count()).toBe(0);
    await page.locator('.doc-item', { hasText: 'P16-dropped' }).waitFor();
  });
});

describe('keyboard', () => {
  it('lists every shortcut in the help overlay, the view keys included', async () => {
    const { page } = h;
    // Keys act only outside text fields (the import test left the focus in one).
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('0');
    await page.getByRole('region', { name: 'Analysis phases' }).waitFor();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    const keys = await help.locator('kbd').allTextContents();
    // Every key useShortcuts, the find field and the code picker answer to.
    for (const k of [
      'C',
      'N',
      'V',
      'J',
      '/  or  Ctrl+F',
      'Enter  /  Shift+Enter',
      'Esc',
      'Delete',
      '0',
      '1',
      '2',
      '3',
      '4',
      'Ctrl+Z',
      'Ctrl+Shift+Z  or  Ctrl+Y',
      '?',
      '↑  /  ↓',
      'Enter',
    ]) {
      expect(keys, k).toContain(k);
    }
    // Each view tab's key is listed with that view's name.
    const tabs = await page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('button')
      .evaluateAll((bs) => bs.map((b) => b.getAttribute('title')!));
    const text = await help.textContent();
    for (const t of tabs) {
      const [, label, key] = /^(.+) \((\d)\)$/.exec(t)!;
      expect(text).toContain(`${key}${label} view`);
    }
    await shot(page, '16-shortcuts');
    await page.keyboard.press('Escape');
    await page.keyboard.press('1');
    await page.locator('.transcript-text p[data-start]').first().waitFor();
  });
});

describe('no errors', () => {
  it('has no browser errors', () => {
    expect(h.pageErrors).toEqual([]);
    expect(h.dialogs).toEqual([]);
  });
});
