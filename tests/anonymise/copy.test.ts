import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { Service } from '../../src/api/service.ts';
import { snapshot, tmpProject } from '../helpers/project.ts';
import { buildStudy, CODED, KEY, SECRETS } from './fixture.ts';
import { dbOf } from '../helpers/db.ts';

const open: Service[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

async function study() {
  const p = tmpProject();
  open.push(p.service);
  const { documentId } = await buildStudy(p.service);
  return { ...p, documentId };
}
const openCopy = (file: string) => {
  const s = Service.open(file);
  open.push(s);
  return s;
};
const has = (buf: Buffer, s: string) => buf.includes(Buffer.from(s, 'utf8')) || buf.includes(Buffer.from(s, 'utf16le'));
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('an anonymised copy of a project', () => {
  it('leaves no replaced word anywhere in the copy file, search index and history included', async () => {
    const { service, file } = await study();
    const before = fs.readFileSync(file);
    void before;
    const r = await service.call('anonymise.export', { replacements: KEY });
    expect(r.path).toBe(path.join(path.dirname(file), 'study-anonymised.thematic'));
    expect(r.counts).toMatchObject({ documents: 1, occurrences: 11, codings: expect.any(Number), decisions: 1 });
    const bytes = fs.readFileSync(r.path);
    for (const s of SECRETS) {
      expect(has(bytes, s), s).toBe(false);
      expect(has(bytes, s.toLowerCase()), s).toBe(false);
    }
    expect(has(bytes, 'Participant A')).toBe(true);
    // The test can fail: the original (checkpointed) holds every one of them.
    dbOf(service).pragma('wal_checkpoint(TRUNCATE)');
    const original = fs.readFileSync(file);
    for (const s of SECRETS) expect(has(original, s), s).toBe(true);
    // Nothing else was left beside the copy: no journal, no temporary file (the open project's
    // own lock, WAL and shared-memory index are there while it is open).
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual([
      'study-anonymised.thematic',
      'study.thematic',
      'study.thematic-lock',
      'study.thematic-shm',
      'study.thematic-wal',
    ]);
  });

  it('keeps every coding on the same words, with the replaced words replaced', async () => {
    const { service, documentId } = await study();
    const originals = await service.call('codings.list', { documentId, includeText: true });
    const { path: out } = await service.call('anonymise.export', { replacements: KEY });
    const copy = openCopy(out);
    const after = new Map((await copy.call('codings.list', { documentId, includeText: true })).map((c) => [c.id, c]));
    expect(after.size).toBe(originals.length);
    const expected = new Map<string, string>(CODED.map(([, q, e]) => [q, e]));
    expected.set('aria and Jo', 'Participant A and Participant B');
    expected.set('Maria López helped me', 'Participant A L helped me');
    const { text } = await copy.call('documents.get', { id: documentId });
    for (const c of originals) {
      const quote = c.text ?? '';
      expect(expected.has(quote), quote).toBe(true);
      const now = after.get(c.id)!;
      expect(text.slice(now.start, now.end)).toBe(expected.get(quote));
      expect(now.text).toBe(expected.get(quote));
    }
    // Turns still cover whole turns, and their speakers are replaced too.
    const turns = (await copy.call('documents.get', { id: documentId })).turns;
    expect(turns.map((t) => t.speaker)).toEqual(['Interviewer', 'Participant A', 'Interviewer', 'Participant A']);
    expect(turns.map((t) => text.slice(t.start, t.end))).toEqual([
      'Did Participant A come with you from [town]?',
      "Yes. 😀Participant A and Participant B drove from [town] on [date]. Participant A's cousin Participant B-Luis came too.",
      'And then?',
      '👩🏽‍⚕️Participant A L helped me at [hospital]. Call me on [phone].',
    ]);
  });

  it('replaces the words in every other field and keeps the reconciliation log attached', async () => {
    const { service, documentId } = await study();
    const { path: out } = await service.call('anonymise.export', { replacements: KEY });
    const copy = openCopy(out);
    const doc = (await copy.call('documents.list', {}))[0];
    expect([doc.name, doc.originalFilename, doc.participant, doc.attributes.site]).toEqual([
      'Participant A-interview',
      'Participant A-interview.txt',
      'Participant A',
      '[hospital]',
    ]);
    expect(doc.sha256).toBe(
      createHash('sha256')
        .update((await copy.call('documents.get', { id: documentId })).text)
        .digest('hex'),
    );
    const codes = await copy.call('codes.list', {});
    expect(codes.map((c) => c.name).sort()).toEqual(['Family support', 'Participant A L helped me']);
    expect(codes.find((c) => c.name === 'Family support')).toMatchObject({
      definition: "Relatives like Participant A's cousin",
      example: 'Participant B drove',
    });
    const memo = (await copy.call('memos.list', {}))[0];
    expect([memo.title, memo.body]).toEqual(['About Participant A', 'Participant A lives in [town]; Participant B drives her.']);
    const themes = await copy.call('themes.list', {});
    expect(themes.themes.map((t) => t.name).sort()).toEqual(['Family as a bridge', 'Getting care in [town]', '[town] networks']);
    expect(themes.links[0].label).toBe('Participant A drives');
    const history = await copy.call('themes.history', {});
    expect(history.find((e) => e.kind === 'renamed')).toMatchObject({
      rationale: 'Participant B insisted',
      details: { from: 'Getting care', to: 'Getting care in [town]' },
    });
    const version = await copy.call('map.getVersion', { name: 'Phase 3 (Participant A)' });
    expect(version.version.note).toBe('after the [town] interviews');
    expect(version.input.nodes.map((n) => n.label)).toContain('[town] networks');
    // The decision still belongs to its disagreement: its key names the passage in new offsets.
    const list = await copy.call('reconcile.list', { coderA: 'Amira', coderB: 'Ben' });
    const decided = list.items.filter((i) => i.decision);
    expect(decided).toHaveLength(1);
    expect(decided[0].decision!.rationale).toBe('Ben kept the date Participant A gave');
    expect(list.progress.resolved).toBe(1);
  });

  it('rebuilds the search index from the new words and starts a fresh history', async () => {
    const { service } = await study();
    expect((await service.call('search.query', { query: 'Springfield' })).total).toBeGreaterThan(0);
    const { path: out } = await service.call('anonymise.export', { replacements: KEY });
    const copy = openCopy(out);
    expect((await copy.call('search.query', { query: 'Springfield' })).total).toBe(0);
    expect((await copy.call('search.query', { query: 'Maria' })).total).toBe(0);
    const hits = await copy.call('search.query', { query: 'hospital' });
    expect(hits.hits.map((h) => h.before + h.match + h.after)).toEqual([expect.stringContaining('[hospital]')]);
    expect((await copy.call('search.query', { query: 'drove' })).total).toBe(1);
    const history = await copy.call('history.list', {});
    expect(history).toMatchObject({ operations: [], canUndo: false, canRedo: false });
    expect(dbOf(copy).pragma('user_version', { simple: true })).toBe(dbOf(service).pragma('user_version', { simple: true }));
    expect(dbOf(copy).pragma('application_id', { simple: true })).toBe(dbOf(service).pragma('application_id', { simple: true }));
  });

  it('leaves the original project exactly as it was', async () => {
    const { service, file } = await study();
    const rows = snapshot(service);
    const ops = dbOf(service).prepare('SELECT * FROM operations').all();
    service.close();
    open.length = 0;
    // Opening and closing alone is the reference: the export must not add to it.
    const s1 = Service.open(file);
    s1.close();
    const hash = sha(file);
    const s2 = Service.open(file);
    open.push(s2);
    await s2.call('anonymise.preview', { replacements: KEY });
    await s2.call('anonymise.export', { replacements: KEY });
    expect(snapshot(s2)).toEqual(rows);
    expect(dbOf(s2).prepare('SELECT * FROM operations').all()).toEqual(ops);
    s2.close();
    open.length = 0;
    expect(sha(file)).toBe(hash);
  });

  it('refuses to overwrite unless asked, and a failed export leaves nothing behind', async () => {
    const { service, file } = await study();
    const dir = path.dirname(file);
    await service.call('anonymise.export', { replacements: KEY, outPath: 'shared.thematic' });
    const first = sha(path.join(dir, 'shared.thematic'));
    await expect(service.call('anonymise.export', { replacements: KEY, outPath: 'shared.thematic' })).rejects.toThrow(/already exists/);
    const r = await service.call('anonymise.export', { replacements: KEY.slice(0, 1), outPath: 'shared.thematic', overwrite: true });
    expect(r.path).toBe(path.join(dir, 'shared.thematic'));
    expect(sha(r.path)).not.toBe(first);
    await expect(service.call('anonymise.export', { replacements: KEY, outPath: 'study.thematic', overwrite: true })).rejects.toThrow(
      /cannot replace the project itself/,
    );
    await expect(service.call('anonymise.export', { replacements: KEY, outPath: 'notes.txt' })).rejects.toThrow(/must end in \.thematic/);
    // Through the API (the untrusted renderer) the copy only ever goes beside the project.
    for (const outside of ['../outside.thematic', '/tmp/outside.thematic', 'sub/dir.thematic', '..\\outside.thematic']) {
      await expect(service.call('anonymise.export', { replacements: KEY, outPath: outside, overwrite: true })).rejects.toThrow(
        /give a file name only/,
      );
    }
    // Two participants given the same pseudonym collide: the export fails whole.
    const clash = [...KEY, { find: 'P2', replace: 'Participant A', kind: 'name' as const }];
    const listing = fs.readdirSync(dir).sort();
    await expect(service.call('anonymise.export', { replacements: clash, outPath: 'clash.thematic' })).rejects.toThrow(
      /participants\.label values the same \("Participant A"\)/,
    );
    expect(fs.readdirSync(dir).sort()).toEqual(listing);
    await expect(service.call('anonymise.export', { replacements: [{ find: '(x', replace: 'y', kind: 'pattern' }] })).rejects.toThrow(
      /replacement 1: pattern \(x is not a valid/,
    );
  });
});

describe('what the copy is made with', () => {
  it('reads the database the same way after the copy is closed (a plain rollback-journal file until opened)', async () => {
    const { service } = await study();
    const { path: out } = await service.call('anonymise.export', { replacements: KEY });
    const raw = new Database(out, { readonly: true });
    try {
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(raw.prepare('SELECT COUNT(*) AS n FROM operations').get()).toEqual({ n: 0 });
      expect(raw.pragma('freelist_count', { simple: true })).toBe(0);
    } finally {
      raw.close();
    }
  });
});
