import { useEffect, useState, type KeyboardEvent } from 'react';
import type { LexicalEditor } from 'lexical';
import type { Coding } from '@core/model/entities.ts';
import type { UiState } from '../../state/ui.tsx';
import type { Loaded } from './loadTranscript.ts';

export interface Caret {
  left: number;
  top: number;
  height: number;
}

/** Key → direction and unit for Selection.modify, and the unit with Ctrl (a word for a character, a paragraph for a line). */
const MOVES: Record<string, [string, string, string]> = {
  ArrowLeft: ['left', 'character', 'word'],
  ArrowRight: ['right', 'character', 'word'],
  ArrowUp: ['backward', 'line', 'paragraph'],
  ArrowDown: ['forward', 'line', 'paragraph'],
  Home: ['backward', 'lineboundary', 'lineboundary'],
  End: ['forward', 'lineboundary', 'lineboundary'],
};

/**
 * Keyboard-only reading and coding in the read-only transcript (Tab to it): the arrow keys move a
 * caret (Ctrl: by word), Shift extends the selection from it, Home/End go to the line's ends; then
 * C / N / V code the selection as with the mouse, and Enter on a caret opens the codings under it.
 * The browser draws no caret in text that cannot be edited, so one is drawn here.
 */
export function useKeyboardCaret(editor: LexicalEditor, loaded: Loaded | null, codings: Coding[], patch: (p: Partial<UiState>) => void) {
  const [caret, setCaret] = useState<Caret | null>(null);

  useEffect(() => {
    const place = () => {
      const root = editor.getRootElement();
      const sel = document.getSelection();
      const page = root?.parentElement;
      if (!root || !page || !sel?.rangeCount || document.activeElement !== root) {
        setCaret(null);
        return;
      }
      const r = sel.getRangeAt(0).cloneRange();
      if (!root.contains(r.startContainer)) {
        setCaret(null);
        return;
      }
      r.collapse(sel.focusNode === r.startContainer && sel.focusOffset === r.startOffset);
      const box = r.getClientRects()[0] ?? r.getBoundingClientRect();
      const outer = page.getBoundingClientRect();
      setCaret(box.height ? { left: box.left - outer.left, top: box.top - outer.top, height: box.height } : null);
    };
    document.addEventListener('selectionchange', place);
    const root = editor.getRootElement();
    root?.addEventListener('focus', place);
    root?.addEventListener('blur', place);
    return () => {
      document.removeEventListener('selectionchange', place);
      root?.removeEventListener('focus', place);
      root?.removeEventListener('blur', place);
    };
  }, [editor, loaded]);

  const onKeyDown = (e: KeyboardEvent) => {
    const root = editor.getRootElement();
    const sel = document.getSelection();
    if (!root || !sel || !loaded || e.altKey) return;
    const inside = sel.rangeCount > 0 && root.contains(sel.getRangeAt(0).startContainer);
    const move = MOVES[e.key];
    if (move) {
      e.preventDefault();
      if (!inside) {
        // First key: a caret at the start of the first turn on screen.
        const first =
          loaded.paragraphs.find(
            (p) => p.getBoundingClientRect().bottom > root.parentElement!.parentElement!.getBoundingClientRect().top,
          ) ?? loaded.paragraphs[0];
        const text = first && document.createTreeWalker(first, NodeFilter.SHOW_TEXT).nextNode();
        if (text) sel.collapse(text, 0);
        return;
      }
      const [dir, unit, ctrlUnit] = move;
      const was = [sel.anchorNode!, sel.anchorOffset, sel.focusNode!, sel.focusOffset] as const;
      sel.modify(e.shiftKey ? 'extend' : 'move', dir, e.ctrlKey || e.metaKey ? ctrlUnit : unit);
      // Past the first or last character the browser puts the caret on the root itself: stay put instead.
      if (sel.focusNode?.nodeType !== Node.TEXT_NODE || !root.contains(sel.focusNode)) sel.setBaseAndExtent(...was);
      (sel.focusNode?.parentElement ?? null)?.scrollIntoView({ block: 'nearest' });
      return;
    }
    if (e.key === 'Enter' && inside && sel.isCollapsed) {
      e.preventDefault();
      const at = loaded.index.toOffset(sel.focusNode!, sel.focusOffset, 'start');
      const here = codings.filter((c) => c.start <= at && at < c.end).sort((a, b) => a.end - a.start - (b.end - b.start));
      patch({ activeCodingIds: here.map((c) => c.id), rightTab: 'coding', status: here.length ? null : 'No coding at the caret.' });
    }
  };
  return { caret, onKeyDown };
}
