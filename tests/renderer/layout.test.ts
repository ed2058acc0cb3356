import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeStorage } from './storage.ts';

// state/layout.ts reads the stored panels when it loads: each test loads it afresh over its own storage.
// Only the pure part is tested here (panelOpen / setPanel / togglePanel); the hooks need React and a window.
let store: ReturnType<typeof fakeStorage>;
const load = () => import('../../renderer/src/state/layout.ts');
beforeEach(() => {
  vi.resetModules();
  store = fakeStorage();
  vi.stubGlobal('localStorage', store);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('which side panels a view shows', () => {
  it('by default: the lists and the coding panel in Transcript and Quotes, the lists in Documents, none elsewhere', async () => {
    const { panelOpen } = await load();
    expect([panelOpen(false, 'transcript', 'left'), panelOpen(false, 'transcript', 'right')]).toEqual([true, true]);
    expect([panelOpen(false, 'documents', 'left'), panelOpen(false, 'documents', 'right')]).toEqual([true, false]);
    expect([panelOpen(false, 'analysis', 'left'), panelOpen(false, 'analysis', 'right')]).toEqual([false, false]);
  });

  it('when narrow, the floating lists start closed; the docked coding panel keeps its default', async () => {
    const { panelOpen } = await load();
    expect(panelOpen(true, 'transcript', 'left')).toBe(false);
    expect(panelOpen(true, 'transcript', 'right')).toBe(true);
    expect(panelOpen(true, 'map', 'right')).toBe(false);
  });

  it('a choice is remembered per view and per width, and survives a reload', async () => {
    const { panelOpen, setPanel } = await load();
    setPanel(false, 'transcript', 'left', false);
    expect(panelOpen(false, 'transcript', 'left')).toBe(false);
    expect(panelOpen(true, 'transcript', 'right')).toBe(true);
    expect(panelOpen(false, 'quotes', 'left')).toBe(true);
    expect(JSON.parse(store.map.get('thematic.panels')!)).toEqual({ 'wide.transcript.left': false });
    vi.resetModules();
    expect((await load()).panelOpen(false, 'transcript', 'left')).toBe(false);
  });

  it('toggling flips the panel at the current width (wide when the width cannot be asked)', async () => {
    const { panelOpen, togglePanel } = await load();
    togglePanel('map', 'left');
    expect(panelOpen(false, 'map', 'left')).toBe(true);
    togglePanel('map', 'left');
    expect(panelOpen(false, 'map', 'left')).toBe(false);
  });

  it('a damaged stored value falls back to the defaults', async () => {
    store.map.set('thematic.panels', 'nope');
    const { panelOpen } = await load();
    expect(panelOpen(false, 'transcript', 'left')).toBe(true);
  });
});
