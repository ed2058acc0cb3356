import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import type { View } from './ui.tsx';

/**
 * Which side panels each view shows: the document list + codebook (left) and the coding panel
 * (right). Each view has its own defaults (the coding panel belongs to Transcript and Quotes), and
 * a toggle ([ and ], or the buttons in the top bar) is remembered per view in this browser. Below
 * 1200 px the document list and codebook float over the centre and start closed, with their own
 * memory; the coding panel stays docked.
 */
export type Side = 'left' | 'right';
export const NARROW_QUERY = '(max-width: 1199px)';
const OPEN_BY_DEFAULT: Record<Side, View[]> = { left: ['transcript', 'quotes', 'documents'], right: ['transcript', 'quotes'] };
const KEY = 'thematic.panels';

const listeners = new Set<() => void>();
let stored: Record<string, boolean> = read();
function read(): Record<string, boolean> {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '{}') as Record<string, boolean>;
  } catch {
    return {};
  }
}
const subscribeStore = (f: () => void) => {
  listeners.add(f);
  return () => {
    listeners.delete(f);
  };
};

const media = () => (typeof matchMedia === 'function' ? matchMedia(NARROW_QUERY) : null);
const subscribeMedia = (f: () => void) => {
  const m = media();
  m?.addEventListener('change', f);
  return () => m?.removeEventListener('change', f);
};
export const useNarrow = () => useSyncExternalStore(subscribeMedia, () => media()?.matches ?? false);

const slot = (narrow: boolean, view: View, side: Side) => `${narrow ? 'narrow' : 'wide'}.${view}.${side}`;
export function panelOpen(narrow: boolean, view: View, side: Side): boolean {
  return stored[slot(narrow, view, side)] ?? ((!narrow || side === 'right') && OPEN_BY_DEFAULT[side].includes(view));
}
export function setPanel(narrow: boolean, view: View, side: Side, open: boolean): void {
  stored = { ...stored, [slot(narrow, view, side)]: open };
  try {
    localStorage.setItem(KEY, JSON.stringify(stored));
  } catch {
    /* private mode */
  }
  listeners.forEach((f) => f());
}

/** Opens or closes a panel of a view at the window's current width. */
export function togglePanel(view: View, side: Side): void {
  const narrow = media()?.matches ?? false;
  setPanel(narrow, view, side, !panelOpen(narrow, view, side));
}

export function usePanels(view: View): { left: boolean; right: boolean; narrow: boolean; toggle(side: Side): void } {
  const narrow = useNarrow();
  useSyncExternalStore(subscribeStore, () => stored);
  const toggle = useCallback((side: Side) => togglePanel(view, side), [view]);
  return { left: panelOpen(narrow, view, 'left'), right: panelOpen(narrow, view, 'right'), narrow, toggle };
}

/** In a narrow window, picking a document or a code in the floating panel puts the panel away. */
export function useCloseOverlayOnPick(view: View, documentId: number | null, codeId: number | null): void {
  const last = useRef([documentId, codeId]);
  useEffect(() => {
    const [d, c] = last.current;
    last.current = [documentId, codeId];
    if ((d !== documentId || c !== codeId) && (media()?.matches ?? false) && panelOpen(true, view, 'left'))
      setPanel(true, view, 'left', false);
  }, [documentId, codeId, view]);
}
