import { afterEach, describe, expect, it } from 'vitest';
import type { Service } from '../../src/api/service.ts';
import { tmpProject } from '../helpers/project.ts';
import { buildStudy, KEY } from './fixture.ts';

const open: Service[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

describe('previewing a key', () => {
  it('lists every occurrence in the transcripts with its context, and the same count the export replaces', async () => {
    const { service } = tmpProject();
    open.push(service);
    const { documentId } = await buildStudy(service);
    const { text } = await service.call('documents.get', { id: documentId });
    const p = await service.call('anonymise.preview', { replacements: KEY });
    expect(p.truncated).toBe(false);
    expect(p.occurrences.map((o) => o.match)).toEqual([
      'Maria',
      'Springfield',
      'Maria',
      'José',
      'Springfield',
      '12/03/2021',
      'Maria',
      'José',
      'Maria López',
      'Springfield General',
      '555-0199',
    ]);
    for (const o of p.occurrences) {
      expect(o.documentId).toBe(documentId);
      expect(o.document).toBe('Maria-interview');
      expect(text.slice(o.start, o.end)).toBe(o.match);
      expect(text.slice(o.start - o.before.length, o.start)).toBe(o.before);
      expect(text.slice(o.end, o.end + o.after.length)).toBe(o.after);
      expect(o.replacement).toBe(KEY[o.rule].replace);
    }
    // Context never starts or ends in half an emoji.
    const emoji = p.occurrences.find((o) => o.match === 'Maria López')!;
    expect(emoji.before.endsWith('👩🏽‍⚕️')).toBe(true);
    for (const o of p.occurrences) expect(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(o.before + '|' + o.after)).toBe(false);
    const { counts } = await service.call('anonymise.export', { replacements: KEY });
    expect(counts.occurrences).toBe(p.occurrences.length);
  });

  it('lists occurrences outside the transcripts: names, memos, codes, themes, speakers, participants', async () => {
    const { service } = tmpProject();
    open.push(service);
    await buildStudy(service);
    const p = await service.call('anonymise.preview', { replacements: KEY });
    const where = new Set(p.fields.map((f) => `${f.table}.${f.column}`));
    for (const w of [
      'documents.name',
      'documents.original_filename',
      'memos.title',
      'memos.body',
      'codes.name',
      'codes.definition',
      'codes.example',
      'themes.name',
      'themes.definition',
      'theme_links.label',
      'theme_events.rationale',
      'map_versions.name',
      'map_versions.input',
      'consensus_decisions.rationale',
      'participants.label',
      'participant_attributes.value',
      'turns.speaker',
      'speaker_participants.speaker',
    ]) {
      expect(where, w).toContain(w);
    }
    // A speaker on every turn of a document is one entry with a count.
    const speaker = p.fields.find((f) => f.table === 'turns' && f.match === 'Maria')!;
    expect(speaker).toMatchObject({ count: 2, replacement: 'Participant A', before: '', after: '' });
    const memo = p.fields.find((f) => f.table === 'memos' && f.column === 'body' && f.match === 'Springfield')!;
    expect(memo).toMatchObject({ row: 'About Maria', before: 'Maria lives in ', after: '; José drives her.' });
    const total = p.perRule.reduce((a, b) => a + b, 0);
    expect(total).toBe(p.occurrences.length + p.fields.reduce((a, f) => a + f.count, 0));
    expect(p.perRule[1]).toBeGreaterThan(0); // "Maria López": the in-vivo code name and the transcript
  });

  it('reads a key CSV, or says which line is wrong', async () => {
    const { service } = tmpProject();
    open.push(service);
    expect(await service.call('anonymise.parseKey', { csv: 'find,replace,kind\nMaria,P1,name\n' })).toEqual({
      replacements: [{ find: 'Maria', replace: 'P1', kind: 'name' }],
    });
    await expect(service.call('anonymise.parseKey', { csv: 'find,replace,kind\nMaria,P1,name\n[a-,x,pattern\n' })).rejects.toThrow(
      /key CSV, line 3: pattern \[a- is not a valid regular expression/,
    );
    await expect(service.call('anonymise.preview', { replacements: [{ find: 'a?', replace: 'x', kind: 'pattern' }] })).rejects.toThrow(
      /can match an empty string/,
    );
  });
});
