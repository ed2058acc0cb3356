import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSample, SAMPLE_DIR } from '../../src/api/sample.ts';
import { Service } from '../../src/api/service.ts';
import { tmpDir } from '../helpers/project.ts';

describe('the sample study', () => {
  it('builds from fixtures/ into a project with the reference study design', async () => {
    const out = path.join(tmpDir(), 'sample.thematic');
    await buildSample(out, { force: true });
    const s = Service.open(out);
    const docs = await s.call('documents.list', {});
    expect(docs).toHaveLength(14);
    expect(new Set(docs.map((d) => d.format))).toEqual(new Set(['txt', 'docx', 'vtt']));
    for (const d of docs) {
      expect(d.wordCount, d.name).toBeGreaterThanOrEqual(800);
      expect(d.wordCount, d.name).toBeLessThanOrEqual(2000);
      expect(d.participant, d.name).toMatch(/^P\d+$/);
    }
    const groups: Record<string, string[]> = {};
    for (const p of await s.call('participants.list', {})) (groups[p.attributes.group] ??= []).push(p.label);
    expect(groups).toEqual({
      patient: ['P1', 'P2', 'P3', 'P4', 'P5', 'P7'],
      employer: ['P6'],
      HCP: ['P8', 'P9', 'P10', 'P11', 'P12'],
      'peer worker': ['P13', 'P14'],
    });
    const coders = await s.call('coders.list', {});
    expect(coders.map((c) => c.name)).toEqual(['Amira', 'Ben']);
    const entries = JSON.parse(fs.readFileSync(path.join(SAMPLE_DIR, 'codings.json'), 'utf8')) as { coders: string[]; quote: string }[];
    expect((await s.call('codings.list', {})).length).toBe(entries.reduce((n, e) => n + e.coders.length, 0));
    // Every coding covers exactly the quoted words.
    const withText = await s.call('codings.list', { coder: 'Amira', includeText: true });
    const quotes = new Set(entries.filter((e) => e.coders.includes('Amira')).map((e) => e.quote));
    for (const c of withText) expect(quotes.has(c.text!), c.text).toBe(true);
    // They agree on most but not all spans.
    const agreed = entries.filter((e) => e.coders.length === 2).length / entries.length;
    expect(agreed).toBeGreaterThan(0.6);
    expect(agreed).toBeLessThan(1);
    expect((await s.call('codes.list', {})).some((c) => c.inVivo)).toBe(true);
    s.close();
  });
});
