import { describe, expect, it } from 'vitest';
import { importText, INTERVIEW, tmpProject } from '../helpers/project.ts';

describe('full-text search and auto-coding', () => {
  it('returns keyword-in-context hits with exact offsets and attribution', async () => {
    const { service } = tmpProject();
    const d = await importText(service, 'p4.txt', INTERVIEW, 'P4');
    const text = (await service.call('documents.get', { id: d.id })).text;
    const r = await service.call('search.query', { query: 'NURSES' });
    expect(r.total).toBe(1);
    const h = r.hits[0];
    expect(text.slice(h.start, h.end)).toBe('nurses');
    expect(h).toMatchObject({ match: 'nurses', speaker: 'P4', participant: 'P4', document: 'p4' });
    expect(h.before.endsWith('talked to the ')).toBe(true);
    expect((await service.call('search.query', { query: 'speak*' })).hits[0].match).toBe('speak');
    expect((await service.call('search.query', { query: '"speak our language"' })).total).toBe(1);
    // FTS operators typed by a researcher are searched as words, never run as syntax
    expect((await service.call('search.query', { query: 'NEAR( OR AND' })).total).toBe(0);
    await expect(service.call('search.query', { query: '***' })).rejects.toThrow(/no words to look for/);
  });

  it('the index follows the turns through delete, undo and redo (and a new document that reuses an id)', async () => {
    const { service } = tmpProject();
    const d = await importText(service, 'p4.txt', INTERVIEW, 'P4');
    const found = async () => (await service.call('search.query', { query: 'nurses' })).total;
    expect(await found()).toBe(1);
    await service.call('documents.delete', { id: d.id });
    expect(await found()).toBe(0);
    await service.call('history.undo', {});
    expect(await found()).toBe(1); // the turns came back, and so did their words in the index
    await service.call('history.redo', {});
    expect(await found()).toBe(0);
    const other = await importText(service, 'p5.txt', 'P5: The doctors listened this time.', 'P5');
    expect((await service.call('search.query', { query: 'doctors' })).hits.map((h) => h.documentId)).toEqual([other.id]);
    expect(await found()).toBe(0);
  });

  it('auto-codes all hits by hit, sentence or turn in one undoable operation', async () => {
    const { service } = tmpProject();
    const d = await importText(service, 'p4.txt', INTERVIEW + '\n\nP4: The nurses were kind. I trust the nurses now.', 'P4');
    const text = (await service.call('documents.get', { id: d.id })).text;
    const code = await service.call('codes.create', { name: 'Nurses' });
    const hit = await service.call('search.autocode', { query: 'nurses', codeId: code.id, coder: 'Amira', scope: 'hit' });
    expect(hit).toEqual({ created: 3, skipped: 0 });
    const sent = await service.call('search.autocode', { query: 'nurses', codeId: code.id, coder: 'Ben', scope: 'sentence' });
    expect(sent.created).toBe(3);
    const bens = await service.call('codings.list', { coder: 'Ben', includeText: true });
    expect(bens.map((c) => c.text)).toEqual(['She talked to the nurses for me.', 'The nurses were kind.', 'I trust the nurses now.']);
    const turn = await service.call('search.autocode', { query: 'nurses', codeId: code.id, coder: 'Cy', scope: 'turn' });
    expect(turn).toEqual({ created: 2, skipped: 1 });
    const cys = await service.call('codings.list', { coder: 'Cy' });
    expect(text.slice(cys[1].start, cys[1].end)).toBe('The nurses were kind. I trust the nurses now.');
    await service.call('history.undo', {});
    expect(await service.call('codings.list', { coder: 'Cy' })).toEqual([]);
  });
});
