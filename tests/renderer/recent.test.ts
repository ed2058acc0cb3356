import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { forgetProject, recentProjects, rememberProject } from '../../renderer/src/state/recent.ts';
import { fakeStorage } from './storage.ts';

let store: ReturnType<typeof fakeStorage>;
beforeEach(() => {
  store = fakeStorage();
  vi.stubGlobal('localStorage', store);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('recent projects', () => {
  it('are none at first', () => {
    expect(recentProjects()).toEqual([]);
  });

  it('newest first; opening one again moves it to the top instead of listing it twice', () => {
    rememberProject('/a.thematic', 'A');
    rememberProject('/b.thematic', 'B');
    const list = rememberProject('/a.thematic', 'A renamed');
    expect(list.map((r) => [r.path, r.name])).toEqual([
      ['/a.thematic', 'A renamed'],
      ['/b.thematic', 'B'],
    ]);
    expect(recentProjects()).toEqual(list);
    expect(Number.isNaN(Date.parse(list[0].openedAt))).toBe(false);
  });

  it('keeps the ten most recent', () => {
    for (let i = 0; i < 12; i++) rememberProject(`/p${i}`, `P${i}`);
    const list = recentProjects();
    expect(list).toHaveLength(10);
    expect(list[0].path).toBe('/p11');
    expect(list.at(-1)!.path).toBe('/p2');
  });

  it('forgets one by path', () => {
    rememberProject('/a', 'A');
    rememberProject('/b', 'B');
    expect(forgetProject('/a').map((r) => r.path)).toEqual(['/b']);
    expect(forgetProject('/nowhere').map((r) => r.path)).toEqual(['/b']);
  });

  it('ignores a damaged or foreign stored value', () => {
    store.map.set('thematic.recentProjects', '{not json');
    expect(recentProjects()).toEqual([]);
    store.map.set('thematic.recentProjects', '{"path":"/a"}');
    expect(recentProjects()).toEqual([]);
    store.map.set(
      'thematic.recentProjects',
      JSON.stringify([null, { path: 1, name: 'x' }, { path: '/ok', name: 'Ok', openedAt: '' }, { name: 'no path' }]),
    );
    expect(recentProjects().map((r) => r.path)).toEqual(['/ok']);
  });

  it('works without storage (private mode): nothing remembered, nothing thrown', () => {
    vi.stubGlobal('localStorage', fakeStorage({}, true));
    expect(recentProjects()).toEqual([]);
    expect(rememberProject('/a', 'A').map((r) => r.path)).toEqual(['/a']);
    expect(forgetProject('/a')).toEqual([]);
  });
});
