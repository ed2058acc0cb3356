import { describe, expect, it } from 'vitest';
import { importText, INTERVIEW, tmpProject } from '../helpers/project.ts';
import { runOperation } from '../../src/store/operations.ts';
import { moveAttachments } from '../../src/features/themes/queries.ts';
import { dbOf } from '../helpers/db.ts';

/** Two patients and one HCP; codes coded in their interviews; a small theme tree. */
async function study() {
  const { service: s } = tmpProject();
  const docs = [];
  for (const [p, group] of [
    ['P4', 'patient'],
    ['P5', 'patient'],
    ['P10', 'HCP'],
  ]) {
    docs.push(await importText(s, `${p}.txt`, INTERVIEW.replace(/P4/g, p), p));
    const part = (await s.call('participants.list', {})).find((x) => x.label === p)!;
    await s.call('participants.update', { id: part.id, attributes: { group } });
  }
  await s.call('participants.create', { label: 'P11', attributes: { group: 'HCP' } });
  const lang = await s.call('codes.create', { name: 'Shared language' });
  const back = await s.call('codes.create', { name: 'Coming back' });
  const loose = await s.call('codes.create', { name: 'Not yet placed' });
  const at = (await s.call('documents.get', { id: docs[0].id })).text.indexOf('They speak our language');
  await s.call('codings.create', { documentId: docs[0].id, codeId: lang.id, coder: 'Amira', start: at, end: at + 23 });
  await s.call('codings.create', { documentId: docs[0].id, codeId: lang.id, coder: 'Ben', start: at, end: at + 23 });
  await s.call('codings.create', { documentId: docs[2].id, codeId: back.id, coder: 'Amira', start: 60, end: 90 });
  const core = await s.call('themes.create', { kind: 'core', name: 'Peer support workers as a bridge' });
  const group = await s.call('themes.create', { kind: 'group', parentId: core.id, name: 'Functions of the bridge' });
  const trust = await s.call('themes.create', { kind: 'theme', parentId: group.id, name: 'Restoring trust', codeIds: [lang.id] });
  const adv = await s.call('themes.create', {
    kind: 'theme',
    parentId: group.id,
    name: 'Advocacy',
    status: 'candidate',
    codeIds: [lang.id, back.id],
  });
  return { s, docs, lang, back, loose, core, group, trust, adv };
}

describe('themes', () => {
  it('lists the tree in order with codes, coding counts and group coverage', async () => {
    const { s, lang, back, loose, trust, adv } = await study();
    const { themes, unattachedCodeIds } = await s.call('themes.list', {});
    expect(themes.map((t) => `${t.kind}:${t.name}`)).toEqual([
      'core:Peer support workers as a bridge',
      'group:Functions of the bridge',
      'theme:Restoring trust',
      'theme:Advocacy',
    ]);
    const a = themes.find((t) => t.id === adv.id)!;
    expect(a.status).toBe('candidate');
    expect(a.codes.map((c) => [c.name, c.codingCount])).toEqual([
      ['Shared language', 2],
      ['Coming back', 1],
    ]);
    expect(a.codes[0].themeIds.sort()).toEqual([trust.id, adv.id].sort());
    expect(a.codingCount).toBe(3);
    expect(a.participants).toEqual(['P4', 'P10']);
    expect(a.groups).toEqual(
      expect.arrayContaining([
        { group: 'patient', covered: 1, total: 2 },
        { group: 'HCP', covered: 1, total: 2 },
      ]),
    );
    // a group rolls up its themes' codes; one coder's view counts only theirs
    expect(themes[1].codingCount).toBe(3);
    expect((await s.call('themes.list', { coder: 'Ben' })).themes.find((t) => t.id === adv.id)!.codingCount).toBe(1);
    expect(unattachedCodeIds).toEqual([loose.id]);
    void back;
  });

  it('moves themes with kind following the parent and refuses impossible places', async () => {
    const { s, core, group, trust, adv } = await study();
    const sub = await s.call('themes.move', { id: adv.id, parentId: trust.id });
    expect(sub.kind).toBe('subtheme');
    expect((await s.call('themes.move', { id: adv.id, parentId: group.id, position: 0 })).kind).toBe('theme');
    expect((await s.call('themes.list', {})).themes.map((t) => t.name).slice(2)).toEqual(['Advocacy', 'Restoring trust']);
    await expect(s.call('themes.move', { id: group.id, parentId: trust.id })).rejects.toThrow(/under itself/);
    const loose = await s.call('themes.create', { kind: 'theme', name: 'Loose' });
    await expect(s.call('themes.move', { id: group.id, parentId: loose.id })).rejects.toThrow(/a group cannot go under a theme/);
    await expect(s.call('themes.move', { id: core.id, parentId: loose.id })).rejects.toThrow(/a core concept cannot go under a theme/);
    await s.call('themes.move', { id: adv.id, parentId: trust.id });
    await expect(s.call('themes.move', { id: trust.id, parentId: adv.id })).rejects.toThrow(/under itself/);
    await expect(s.call('themes.attachCode', { themeId: core.id, codeId: 1 })).rejects.toThrow(/not the core concept/);
  });

  it('keeps the decision history: promote, discard, merge and split with who and why', async () => {
    const { s, lang, back, group, trust, adv } = await study();
    await s.call('themes.promote', { id: adv.id, why: 'in 9 of 14 interviews' }, { actor: 'Amira' });
    await expect(s.call('themes.promote', { id: adv.id })).rejects.toThrow(/already active/);
    const extra = await s.call('themes.create', { kind: 'theme', parentId: group.id, name: 'Being there' });
    const sub = await s.call('themes.create', { kind: 'subtheme', parentId: extra.id, name: 'Next day' });
    await s.call('themes.addLink', { fromId: extra.id, toId: trust.id, label: 'builds' });
    await s.call('memos.create', { targetType: 'theme', targetId: extra.id, title: 'm', body: '' });
    const merged = await s.call('themes.merge', { sourceId: extra.id, targetId: adv.id, why: 'same idea' }, { actor: 'Ben' });
    expect(merged.memoCount).toBe(1);
    const list = await s.call('themes.list', {});
    expect(list.themes.find((t) => t.id === sub.id)!.parentId).toBe(adv.id);
    expect(list.themes.some((t) => t.id === extra.id)).toBe(false);
    expect(list.links).toEqual([expect.objectContaining({ fromId: adv.id, toId: trust.id, label: 'builds' })]);

    const split = await s.call('themes.split', {
      id: adv.id,
      into: [{ name: 'Coming back for them', codeIds: [back.id] }],
      why: 'two ideas',
    });
    expect(split.original.codes.map((c) => c.id)).toEqual([lang.id]);
    expect(split.created[0].codes.map((c) => c.id)).toEqual([back.id]);
    expect(split.created[0].parentId).toBe(group.id);
    await expect(s.call('themes.split', { id: trust.id, into: [{ name: 'x', codeIds: [back.id] }] })).rejects.toThrow(/not attached/);
    await s.call('themes.discard', { id: trust.id, why: 'thin' });

    const history = await s.call('themes.history', {});
    expect(history.map((e) => `${e.kind}:${e.themeName}:${e.rationale}`)).toEqual(
      expect.arrayContaining([
        'promoted:Advocacy:in 9 of 14 interviews',
        'merged:Being there:same idea',
        'merged:Advocacy:same idea',
        'split:Advocacy:two ideas',
        'created:Coming back for them:two ideas',
        'discarded:Restoring trust:thin',
      ]),
    );
    expect(history.find((e) => e.kind === 'promoted')!.actor).toBe('Amira');
    expect(history.find((e) => e.kind === 'merged')!.actor).toBe('Ben');
    // the merged-away theme's story is still there
    expect((await s.call('themes.history', { id: extra.id })).map((e) => e.kind)).toEqual(['created', 'merged']);
  });

  it('gives strongest quotes with attribution, coder agreement first', async () => {
    const { s, adv } = await study();
    const quotes = await s.call('themes.quotes', { id: adv.id, limit: 5 });
    expect(quotes[0]).toMatchObject({
      text: 'They speak our language',
      participant: 'P4',
      group: 'patient',
      attribution: '(P4, patient)',
      coders: ['Amira', 'Ben'],
    });
    expect(quotes[1].attribution).toBe('(P10, HCP)');
  });
});

describe('codes and themes', () => {
  it('deleting a code detaches it (undo re-attaches); merging codes can carry the attachments over', async () => {
    const { s, lang, back, loose, trust, adv } = await study();
    await s.call('codes.delete', { id: back.id, withCodings: true });
    expect((await s.call('themes.list', {})).themes.find((t) => t.id === adv.id)!.codes.map((c) => c.name)).toEqual(['Shared language']);
    await s.call('history.undo', {});
    expect((await s.call('themes.list', {})).themes.find((t) => t.id === adv.id)!.codes.map((c) => c.name)).toEqual([
      'Shared language',
      'Coming back',
    ]);
    runOperation(dbOf(s), { actor: 't', method: 'codes.merge', summary: 'merge' }, (tx) => moveAttachments(tx, lang.id, loose.id));
    const after = (await s.call('themes.list', {})).themes;
    expect(after.find((t) => t.id === trust.id)!.codes.map((c) => c.id)).toEqual([loose.id]);
    expect(after.find((t) => t.id === adv.id)!.codes.map((c) => c.id)).toEqual([back.id, loose.id]);
  });
});

describe('the map', () => {
  it('is derived from the tree: candidates dashed, discarded left out, codes optional under every theme they support', async () => {
    const { s, core, group, trust, adv, lang } = await study();
    const bare = (await s.call('map.get', {})).input;
    expect(bare.nodes.map((n) => [n.kind, n.label])).toEqual([
      ['core', core.name],
      ['group', group.name],
      ['theme', trust.name],
      ['theme', adv.name],
    ]);
    expect(bare.nodes[3]).toMatchObject({ id: adv.guid, parentId: group.guid, candidate: true });
    const full = (await s.call('map.get', { showCodes: true })).input;
    const codes = full.nodes.filter((n) => n.kind === 'code');
    expect(codes.map((c) => c.label)).toEqual(['Shared language', 'Shared language', 'Coming back']);
    expect(new Set(codes.map((c) => c.id)).size).toBe(3);
    const langGuid = (await s.call('codes.list', {})).find((c) => c.id === lang.id)!.guid;
    expect(codes[0].id).toBe(langGuid);
    await s.call('themes.discard', { id: trust.id });
    expect((await s.call('map.get', {})).input.nodes.map((n) => n.label)).not.toContain(trust.name);
  });

  it('saves positions and named versions and diffs them against each other and the working map', async () => {
    const { s, group, trust, adv } = await study();
    await s.call('themes.addLink', { fromId: trust.id, toId: adv.id, label: 'feeds' });
    await s.call('map.savePositions', { positions: { [trust.guid]: { x: 10, y: 20 } } });
    const v1 = await s.call('map.saveVersion', { name: 'initial thematic map', note: 'phase 3' });
    expect(v1).toMatchObject({ name: 'initial thematic map', themeCount: 2, codeCount: 3, linkCount: 1 });
    await expect(s.call('map.saveVersion', { name: 'initial thematic map' })).rejects.toThrow(/already exists/);
    await s.call('themes.update', { id: adv.id, name: 'Advocacy and voice' });
    const g2 = await s.call('themes.create', { kind: 'group', parentId: group.parentId, name: 'Building a strong bridge' });
    await s.call('themes.move', { id: trust.id, parentId: g2.id });
    await s.call('map.saveVersion', { name: 'developed' });
    const diff = await s.call('map.diff', { from: { version: 'initial thematic map' }, to: { version: 'developed' } });
    expect(diff.added.map((n) => n.label)).toEqual(['Building a strong bridge']);
    expect(diff.renamed).toEqual([{ id: adv.guid, kind: 'theme', from: 'Advocacy', to: 'Advocacy and voice' }]);
    expect(diff.moved).toEqual([{ id: trust.guid, kind: 'theme', fromParent: group.guid, toParent: g2.guid }]);
    await s.call('themes.delete', { id: adv.id });
    const now = await s.call('map.diff', { from: { version: 'developed' }, to: { current: true } });
    expect(now.removed.map((n) => n.label)).toEqual(expect.arrayContaining(['Advocacy and voice', 'Coming back']));
    expect(now.linksRemoved).toHaveLength(1);
    expect((await s.call('map.listVersions', {})).map((v) => v.name)).toEqual(['initial thematic map', 'developed']);
    expect((await s.call('map.getVersion', { name: 'initial thematic map' })).positions).toEqual({ [trust.guid]: { x: 10, y: 20 } });
    await expect(s.call('map.getVersion', { name: 'final' })).rejects.toThrow(/no map version named "final".*saved versions/);
  });
});

describe('labelled links between themes', () => {
  it('adds, relabels and removes a link; the map and its SVG show the label', async () => {
    const { s, trust, adv } = await study();
    const link = await s.call('themes.addLink', { fromId: trust.id, toId: adv.id, label: '  feeds  ' });
    expect(link.label).toBe('feeds');
    const svgOf = async () => Buffer.from((await s.call('map.export', { format: 'svg' })).base64, 'base64').toString('utf8');
    expect(await svgOf()).toMatch(/class="link-label"[^>]*>feeds</);
    const relabelled = await s.call('themes.updateLink', { id: link.id, label: 'builds on' });
    expect(relabelled).toEqual({ id: link.id, fromId: trust.id, toId: adv.id, label: 'builds on' });
    expect((await s.call('themes.list', {})).links.map((l) => l.label)).toEqual(['builds on']);
    expect((await s.call('map.get', {})).input.links).toEqual([
      { id: `link-${link.id}`, from: trust.guid, to: adv.guid, label: 'builds on' },
    ]);
    expect(await svgOf()).toMatch(/class="link-label"[^>]*>builds on</);
    const history = await s.call('history.list', { limit: 5 });
    expect(history.operations[0].summary).toBe('Relabel the link between "Restoring trust" and "Advocacy" as "builds on"');
    await s.call('history.undo', {});
    expect((await s.call('themes.list', {})).links.map((l) => l.label)).toEqual(['feeds']);
    await s.call('themes.removeLink', { id: link.id });
    expect((await s.call('themes.list', {})).links).toEqual([]);
    await expect(s.call('themes.updateLink', { id: link.id, label: 'x' })).rejects.toThrow(/does not exist/);
    await expect(s.call('themes.addLink', { fromId: trust.id, toId: trust.id })).rejects.toThrow(/two different themes/);
  });
});

describe('figure settings (font, size, title)', () => {
  it('defaults to the embedded font at 8 pt with no title, and saves changes with the project (undoable)', async () => {
    const { s } = await study();
    expect(await s.call('map.getFigureSettings', {})).toEqual({ fontFamily: 'IBM Plex Sans', fontSize: 8, title: '' });
    expect(await s.call('map.saveFigureSettings', { fontSize: 10.5 })).toEqual({ fontFamily: 'IBM Plex Sans', fontSize: 10.5, title: '' });
    await s.call('map.saveFigureSettings', { title: 'Figure 1. Thematic map' });
    expect(await s.call('map.getFigureSettings', {})).toEqual({
      fontFamily: 'IBM Plex Sans',
      fontSize: 10.5,
      title: 'Figure 1. Thematic map',
    });
    await s.call('history.undo', {});
    expect((await s.call('map.getFigureSettings', {})).title).toBe('');
    await expect(s.call('map.saveFigureSettings', { fontSize: 2 })).rejects.toThrow();
    await expect(s.call('map.saveFigureSettings', { fontFamily: "Evil'; }" })).rejects.toThrow();
  });

  it('map.export applies font size, font family and title like `thematic map --font-size --font-family --title`', async () => {
    const { s } = await study();
    const svg = async (o: { fontSize?: number; fontFamily?: string; title?: string }) =>
      Buffer.from((await s.call('map.export', { format: 'svg', ...o })).base64, 'base64').toString('utf8');
    const plain = await svg({});
    expect(plain).not.toContain('id="map-title"');
    const styled = await svg({ fontSize: 12, fontFamily: 'Source Sans 3', title: 'Figure 1. Thematic map' });
    expect(styled).toMatch(/<text id="map-title"[^>]*font-size="18"[^>]*>Figure 1\. Thematic map<\/text>/);
    expect(styled).toContain(`font-family="'Source Sans 3', 'IBM Plex Sans', sans-serif"`);
    // Theme labels at the chosen size (themes are the base size, the core 1.35 times it).
    expect(styled).toMatch(/class="map-theme[^"]*"[^>]*>\s*<rect[^>]*\/><text font-size="12"/);
    expect(plain).toMatch(/class="map-theme[^"]*"[^>]*>\s*<rect[^>]*\/><text font-size="8"/);
  });
});
