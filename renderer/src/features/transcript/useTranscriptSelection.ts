import { useEffect } from 'react';
import type { LexicalEditor } from 'lexical';
import type { UiState } from '../../state/ui.tsx';
import type { Loaded } from './loadTranscript.ts';

/**
 * Follows the browser selection and keeps `ui.selection` in document offsets. A selection that
 * moves outside the transcript (into the code picker, say) leaves the last one in place, so the
 * researcher can select text, then pick a code.
 */
export function useTranscriptSelection(editor: LexicalEditor, loaded: Loaded | null, patch: (p: Partial<UiState>) => void): void {
  useEffect(() => {
    if (!loaded) return;
    let frame = 0;
    let last = '';
    const read = () => {
      frame = 0;
      const root = editor.getRootElement();
      const sel = document.getSelection();
      if (!root || !sel || !sel.rangeCount) return;
      const r = sel.getRangeAt(0);
      const touches = root.contains(r.startContainer) || root.contains(r.endContainer);
      if (!touches) return;
      if (r.collapsed) {
        if (last !== '') {
          last = '';
          patch({ selection: null });
        }
        return;
      }
      const { start, end } = loaded.index.fromRange(r);
      const key = `${start}:${end}`;
      if (key === last) return;
      last = key;
      patch({ selection: end > start ? { documentId: loaded.documentId, start, end, text: loaded.text.slice(start, end) } : null });
    };
    const onChange = () => {
      if (!frame) frame = requestAnimationFrame(read);
    };
    document.addEventListener('selectionchange', onChange);
    return () => {
      document.removeEventListener('selectionchange', onChange);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [editor, loaded, patch]);
}
