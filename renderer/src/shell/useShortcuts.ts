import { useEffect, useLayoutEffect, useRef } from 'react';
import { useUi } from '../state/ui.tsx';
import { useCodingActions } from '../features/codes/useCodingActions.ts';
import { VIEWS } from './TopBar.tsx';
import { NARROW_QUERY, panelOpen, togglePanel } from '../state/layout.ts';

const typing = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

/** Keyboard-first coding: single keys act on the selection; Ctrl+Z / Ctrl+Shift+Z walk the operation log. */
export function useShortcuts(): void {
  const { ui, patch } = useUi();
  const actions = useCodingActions();
  // The listener is added once and reads the latest state through a ref, updated before paint:
  // re-adding it in a passive effect left a gap after each change (a key pressed right after
  // selecting text could meet the old, empty selection).
  const latest = useRef({ ui, patch, ...actions });
  useLayoutEffect(() => {
    latest.current = { ui, patch, ...actions };
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const { ui, patch, selection, inVivo, undo, redo, removeCoding } = latest.current;
      const mod = e.ctrlKey || e.metaKey;
      const k = e.key.toLowerCase();
      if (mod && k === 'z' && !typing(e.target)) {
        e.preventDefault();
        void (e.shiftKey ? redo() : undo());
        return;
      }
      if (mod && k === 'y' && !typing(e.target)) {
        e.preventDefault();
        void redo();
        return;
      }
      if (mod && k === 'f') {
        e.preventDefault();
        patch({ view: 'transcript' });
        document.getElementById('find-input')?.focus();
        return;
      }
      if (mod || e.altKey || typing(e.target) || ui.dialog) return;
      if (e.key === '?') {
        e.preventDefault();
        patch({ dialog: { kind: 'help' } });
        return;
      }
      if (e.key === '/') {
        e.preventDefault();
        patch({ view: 'transcript' });
        document.getElementById('find-input')?.focus();
        return;
      }
      // In a narrow window the document list floats over the centre: Escape puts it away.
      if (e.key === 'Escape' && matchMedia(NARROW_QUERY).matches && panelOpen(true, ui.view, 'left')) {
        togglePanel(ui.view, 'left');
        return;
      }
      if (e.key === '[' || e.key === ']') {
        e.preventDefault();
        togglePanel(ui.view, e.key === '[' ? 'left' : 'right');
        return;
      }
      const view = VIEWS.find((v) => v[2] === e.key);
      if (view) {
        patch({ view: view[0] });
        return;
      }
      if (k === 'j') {
        e.preventDefault();
        (document.querySelector('[title^="Next coding"]') as HTMLButtonElement | null)?.click();
        return;
      }
      if (e.key === 'Delete' && ui.activeCodingIds.length === 1) {
        e.preventDefault();
        void removeCoding(ui.activeCodingIds[0]);
        return;
      }
      if (!selection) return;
      if (k === 'c') {
        e.preventDefault();
        patch({ dialog: { kind: 'picker' } });
      } else if (k === 'n') {
        e.preventDefault();
        patch({ dialog: { kind: 'newCode' } });
      } else if (k === 'v') {
        e.preventDefault();
        void inVivo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
