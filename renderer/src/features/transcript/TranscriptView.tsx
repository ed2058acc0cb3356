import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useUi } from '../../state/ui.tsx';
import { useProject } from '../../state/project.tsx';
import { useDocument, useTurns } from '../../hooks/useDocument.ts';
import { useVisibleCodings } from '../../hooks/useVisibleCodings.ts';
import { blocksOf, formatTime } from '../../model/blocks.ts';
import { loadTranscript, type Loaded } from './loadTranscript.ts';
import { clearAll, paintCodings, paintNamed } from './highlights.ts';
import { Stripes } from './Stripes.tsx';
import { TranscriptHeader } from './TranscriptHeader.tsx';
import { useTranscriptSelection } from './useTranscriptSelection.ts';
import { useKeyboardCaret } from './useKeyboardCaret.ts';
import { MediaPlayer } from './MediaPlayer.tsx';

const config = {
  namespace: 'transcript',
  editable: false,
  theme: { paragraph: 'turn' },
  onError(e: Error) {
    throw e;
  },
};

export function TranscriptView() {
  return (
    <LexicalComposer initialConfig={config}>
      <TranscriptBody />
    </LexicalComposer>
  );
}

function TranscriptBody() {
  const [editor] = useLexicalComposerContext();
  const { ui, patch } = useUi();
  const { codesById } = useProject();
  const { doc, error } = useDocument(ui.documentId);
  const turns = useTurns(doc);
  const { visible, underlined } = useVisibleCodings(ui.documentId);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [layoutKey, setLayoutKey] = useState(0);
  const scroller = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    if (!doc) return;
    const blocks = blocksOf(doc.text, doc.turns);
    const { index, paragraphs } = loadTranscript(editor, doc.text, blocks);
    setLoaded({ documentId: doc.document.id, index, paragraphs, text: doc.text });
    scroller.current?.scrollTo({ top: 0 });
    return () => clearAll();
  }, [doc, editor]);

  // Turn times change without the text (sync points, undo, redo): the timestamps are redrawn in place.
  useEffect(() => {
    if (!loaded || !doc || loaded.documentId !== doc.document.id) return;
    const byStart = new Map(turns.map((t) => [t.start, t]));
    for (const p of loaded.paragraphs) {
      const t = byStart.get(Number(p.dataset.start));
      if (t) p.dataset.time = formatTime(t.timeStart);
    }
  }, [loaded, doc, turns]);

  useEffect(() => {
    if (loaded) paintCodings(loaded.index, visible, codesById, underlined, loaded.documentId);
  }, [loaded, visible, codesById, underlined]);

  useEffect(() => {
    if (!loaded) return;
    const ranges = visible
      .filter((c) => ui.activeCodingIds.includes(c.id))
      .map((c) => loaded.index.range(c.start, c.end))
      .filter((r) => r !== null);
    paintNamed('coding-active', ranges, 10);
  }, [loaded, visible, ui.activeCodingIds]);

  useEffect(() => {
    const r = ui.reveal;
    if (!loaded || !r || r.documentId !== loaded.documentId) return;
    const range = loaded.index.liveRange(r.start, r.end);
    const box = scroller.current;
    if (!range || !box) return;
    paintNamed('find-current', [range], 20);
    const rect = range.getBoundingClientRect(),
      outer = box.getBoundingClientRect();
    box.scrollTop += rect.top - outer.top - outer.height / 3;
  }, [loaded, ui.reveal]);

  useEffect(() => {
    const box = scroller.current;
    if (!box) return;
    const ro = new ResizeObserver(() => setLayoutKey((k) => k + 1));
    ro.observe(box);
    return () => ro.disconnect();
  }, []);

  useTranscriptSelection(editor, loaded, patch);
  const keyboard = useKeyboardCaret(editor, loaded, visible, patch);

  const onClick = (e: React.MouseEvent) => {
    if (!loaded) return;
    const sel = document.getSelection();
    if (sel && !sel.isCollapsed) return;
    const pos = document.caretPositionFromPoint?.(e.clientX, e.clientY);
    if (!pos || !editor.getRootElement()?.contains(pos.offsetNode)) return;
    const at = loaded.index.toOffset(pos.offsetNode, pos.offset, 'start');
    const here = visible.filter((c) => c.start <= at && at < c.end).sort((a, b) => a.end - a.start - (b.end - b.start));
    patch({ activeCodingIds: here.map((c) => c.id), rightTab: 'coding' });
  };

  const pickCode = useCallback((id: number) => patch({ selectedCodeId: id, rightTab: 'code' }), [patch]);
  const stripesFor = useMemo(() => (loaded && loaded.documentId === ui.documentId ? loaded.paragraphs : []), [loaded, ui.documentId]);

  if (ui.documentId === null) return <div className="empty-state">Choose a document on the left to start reading and coding.</div>;
  return (
    <div className="transcript">
      <TranscriptHeader loaded={loaded} visible={visible} />
      {doc && (
        <MediaPlayer
          key={doc.document.id}
          documentId={doc.document.id}
          turns={turns}
          paragraphs={stripesFor}
          scroller={scroller}
          layoutKey={layoutKey}
        />
      )}
      {error && <div className="error-banner">{error}</div>}
      <div className="transcript-scroll" ref={scroller}>
        <div className="transcript-page">
          <ContentEditable
            className="transcript-text"
            aria-label="Transcript"
            aria-description="Arrow keys move a caret, Shift+arrows select, C codes the selection, Enter opens the codings at the caret"
            tabIndex={0}
            onClick={onClick}
            onKeyDown={keyboard.onKeyDown}
            data-document-id={ui.documentId}
            dir={loaded && rtl(loaded.text) ? 'rtl' : 'ltr'}
          />
          {keyboard.caret && <span className="kbd-caret" aria-hidden="true" style={keyboard.caret} />}
          <Stripes paragraphs={stripesFor} codings={visible} codes={codesById} layoutKey={layoutKey} onPickCode={pickCode} />
        </div>
      </div>
    </div>
  );
}

/** Right-to-left when most of the opening letters are Arabic, Hebrew (or another RTL script); each turn still follows its own text (dir=auto). */
function rtl(text: string): boolean {
  const head = text.slice(0, 4000);
  const r = head.match(/[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/gu)?.length ?? 0;
  return r > (head.match(/\p{L}/gu)?.length ?? 0) / 2;
}
