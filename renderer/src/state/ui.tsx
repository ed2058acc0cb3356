import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { prefs } from './prefs.ts';
import type { Combine } from '../model/overlap.ts';

import type { Visibility } from '../model/visibility.ts';
export type { Visibility };
export type View = 'home' | 'transcript' | 'quotes' | 'documents' | 'analysis' | 'themes' | 'map' | 'reconcile' | 'anonymise';
export type RightTab = 'coding' | 'code' | 'history';
export type Dialog = null | { kind: 'picker' } | { kind: 'newCode' } | { kind: 'help' } | { kind: 'coder' };

/** A selection in the transcript, in UTF-16 offsets of the stored document text. */
export interface TextSelection {
  documentId: number;
  start: number;
  end: number;
  text: string;
}
/** Ask the transcript to show a span (after a jump from quotes, find, or "next coding"). */
export interface Reveal {
  documentId: number;
  start: number;
  end: number;
  seq: number;
}

export interface UiState {
  coder: string | null;
  visibility: Visibility;
  documentId: number | null;
  view: View;
  rightTab: RightTab;
  selection: TextSelection | null;
  /** Codings under the last click in the transcript (or the one just made). */
  activeCodingIds: number[];
  selectedCodeId: number | null;
  dialog: Dialog;
  reveal: Reveal | null;
  status: string | null;
  /** Retrieval: codes combined with the one chosen in the codebook, and how (kept while switching views). */
  combine: { codeIds: number[]; mode: Combine };
  /** Blind double coding: the visibility stays on "mine" while this is on. */
  blind: boolean;
}

interface UiApi {
  ui: UiState;
  patch(p: Partial<UiState>): void;
  reveal(documentId: number, start: number, end: number): void;
}
const Ctx = createContext<UiApi | null>(null);

export function UiProvider({ children }: { children: ReactNode }) {
  const [ui, setUi] = useState<UiState>(() => ({
    coder: prefs.coder(),
    visibility: 'mine',
    documentId: null,
    view: 'transcript',
    rightTab: 'coding',
    selection: null,
    activeCodingIds: [],
    selectedCodeId: null,
    dialog: null,
    reveal: null,
    status: null,
    combine: { codeIds: [], mode: 'and' },
    blind: prefs.blind(),
  }));
  const patch = useCallback((p: Partial<UiState>) => setUi((s) => ({ ...s, ...p })), []);
  const reveal = useCallback(
    (documentId: number, start: number, end: number) =>
      setUi((s) => ({
        ...s,
        documentId,
        view: 'transcript',
        reveal: { documentId, start, end, seq: (s.reveal?.seq ?? 0) + 1 },
      })),
    [],
  );
  const value = useMemo(() => ({ ui, patch, reveal }), [ui, patch, reveal]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useUi(): UiApi {
  const v = useContext(Ctx);
  if (!v) throw new Error('useUi outside UiProvider');
  return v;
}
