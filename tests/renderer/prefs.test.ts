import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { prefs } from '../../renderer/src/state/prefs.ts';
import { fakeStorage } from './storage.ts';

let store: ReturnType<typeof fakeStorage>;
beforeEach(() => {
  store = fakeStorage();
  vi.stubGlobal('localStorage', store);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('per-researcher preferences', () => {
  it('the coder name, stored under thematic.*', () => {
    expect(prefs.coder()).toBeNull();
    prefs.setCoder('ana');
    expect(prefs.coder()).toBe('ana');
    expect(store.map.get('thematic.coder')).toBe('ana');
  });

  it('the attribution format defaults to participant and group', () => {
    expect(prefs.attributionFormat()).toBe('({participant}, {group})');
    prefs.setAttributionFormat('[{participant}]');
    expect(prefs.attributionFormat()).toBe('[{participant}]');
  });

  it('recent codes: the one just used first, no repeats, at most twelve', () => {
    expect(prefs.recentCodes()).toEqual([]);
    for (const id of [1, 2, 3, 2]) prefs.useCode(id);
    expect(prefs.recentCodes()).toEqual([2, 3, 1]);
    for (let id = 10; id < 25; id++) prefs.useCode(id);
    expect(prefs.recentCodes()).toHaveLength(12);
    expect(prefs.recentCodes()[0]).toBe(24);
  });

  it('recent codes survive a damaged stored value', () => {
    store.map.set('thematic.recentCodes', '[1,');
    expect(prefs.recentCodes()).toEqual([]);
    prefs.useCode(5);
    expect(prefs.recentCodes()).toEqual([5]);
  });

  it('blind coding is on only when set, and turning it off removes the key', () => {
    expect(prefs.blind()).toBe(false);
    prefs.setBlind(true);
    expect(prefs.blind()).toBe(true);
    prefs.setBlind(false);
    expect(prefs.blind()).toBe(false);
    expect(store.map.has('thematic.blind')).toBe(false);
  });

  it('without storage (private mode) the defaults hold and nothing throws', () => {
    vi.stubGlobal('localStorage', fakeStorage({}, true));
    prefs.setCoder('ana');
    prefs.useCode(3);
    expect(prefs.coder()).toBeNull();
    expect(prefs.recentCodes()).toEqual([]);
    expect(prefs.attributionFormat()).toBe('({participant}, {group})');
  });
});
