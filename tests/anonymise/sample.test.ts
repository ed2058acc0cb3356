import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Service } from '../../src/api/service.ts';
import { openSample, snapshot } from '../helpers/project.ts';
import type { Replacement } from '../../src/core/anonymise/types.ts';

// The sample study: every coding of both coders and the consensus must cover the same words in
// the copy. The expected text is computed here by plain String.replace per replacement (they
// never overlap), not by the code under test.
const KEY: Replacement[] = [
  { find: 'Amira', replace: 'Coder A', kind: 'name' },
  { find: 'Ben', replace: 'Coder B', kind: 'name' },
  { find: 'P4', replace: 'Participant Four', kind: 'name' },
  { find: 'hospital', replace: '[site]', kind: 'place' },
  { find: 'Friday', replace: '[day]', kind: 'date' },
  { find: 'Monday', replace: '[day]', kind: 'date' },
  { find: 'Tyle?nol', replace: '[medication]', kind: 'pattern' },
];
const SIMPLE: [RegExp, string][] = [
  [/(?<![\p{L}\p{N}_]\p{M}*)Amira(?![\p{L}\p{M}\p{N}_])/giu, 'Coder A'],
  [/(?<![\p{L}\p{N}_]\p{M}*)Ben(?![\p{L}\p{M}\p{N}_])/giu, 'Coder B'],
  [/(?<![\p{L}\p{N}_]\p{M}*)P4(?![\p{L}\p{M}\p{N}_])/giu, 'Participant Four'],
  [/(?<![\p{L}\p{N}_]\p{M}*)hospital(?![\p{L}\p{M}\p{N}_])/giu, '[site]'],
  [/Friday/gu, '[day]'],
  [/Monday/gu, '[day]'],
  [/Tyle?nol/gu, '[medication]'],
];
const expected = (s: string) => SIMPLE.reduce((t, [re, r]) => t.replace(re, r), s);

let s: Service, copy: Service, out: string;
beforeAll(async () => {
  s = await openSample();
  out = (await s.call('anonymise.export', { replacements: KEY })).path;
  copy = Service.open(out);
}, 60_000);
afterAll(() => {
  copy?.close();
  s?.close();
});

describe('an anonymised copy of the sample study', () => {
  it('keeps every coding on the same words, with the replacements applied', async () => {
    const before = await s.call('codings.list', { includeText: true });
    const after = new Map((await copy.call('codings.list', { includeText: true })).map((c) => [c.id, c]));
    expect(after.size).toBe(before.length);
    expect(before.length).toBeGreaterThan(100);
    let changed = 0;
    for (const c of before) {
      const now = after.get(c.id)!;
      expect([now.documentId, now.codeId, now.coder], String(c.id)).toEqual([
        c.documentId,
        c.codeId,
        c.coder.replace('Amira', 'Coder A').replace('Ben', 'Coder B'),
      ]);
      expect(now.text, c.text ?? '').toBe(expected(c.text ?? ''));
      if (now.text !== c.text) changed++;
    }
    expect(changed).toBeGreaterThan(5);
  });

  it('keeps every turn on its words and the search index in step', async () => {
    for (const d of await s.call('documents.list', {})) {
      const a = await s.call('documents.get', { id: d.id });
      const b = await copy.call('documents.get', { id: d.id });
      expect(b.text).toBe(expected(a.text));
      expect(b.turns.map((t) => b.text.slice(t.start, t.end))).toEqual(a.turns.map((t) => expected(a.text.slice(t.start, t.end))));
    }
    expect((await copy.call('search.query', { query: 'hospital' })).total).toBe(0);
    // "[site]" is indexed as the word "site": found where "hospital" was, plus where "site" already was.
    const sites = (await copy.call('search.query', { query: 'site' })).total;
    expect(sites).toBe(
      (await s.call('search.query', { query: 'hospital' })).total + (await s.call('search.query', { query: 'site' })).total,
    );
  });

  it('holds none of the replaced words, and the original is unchanged', async () => {
    const bytes = fs.readFileSync(out);
    for (const w of ['Amira', 'Tylenol', 'Friday', 'Monday']) {
      expect(bytes.includes(Buffer.from(w, 'utf8')), w).toBe(false);
      expect(bytes.includes(Buffer.from(w, 'utf16le')), w).toBe(false);
    }
    expect((await s.call('coders.list', {})).map((c) => c.name)).toContain('Amira');
    const rows = snapshot(s);
    await s.call('anonymise.export', { replacements: KEY, outPath: 'again.thematic' });
    expect(snapshot(s)).toEqual(rows);
  });
});
