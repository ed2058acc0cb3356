import { $createLineBreakNode, $createParagraphNode, $createTextNode, $getRoot, type LexicalEditor } from 'lexical';
import type { Block } from '../../model/blocks.ts';
import { formatTime } from '../../model/blocks.ts';
import { TextIndex } from './textIndex.ts';

/** A transcript on screen: its text, the index from text offsets to DOM positions, and its paragraphs. */
export interface Loaded {
  documentId: number;
  index: TextIndex;
  paragraphs: HTMLElement[];
  text: string;
}

/**
 * Puts a transcript into the read-only editor: one ParagraphNode per block, text as Lexical
 * TextNodes (never HTML, so "<script>" in a transcript is just text). Speaker and timestamp go on
 * the paragraph element as data attributes that CSS draws in the left column: decoration, not text.
 */
export function loadTranscript(editor: LexicalEditor, text: string, blocks: Block[]): { index: TextIndex; paragraphs: HTMLElement[] } {
  const keys: string[] = [];
  editor.update(
    () => {
      const root = $getRoot();
      root.clear();
      for (const b of blocks) {
        const p = $createParagraphNode();
        text
          .slice(b.start, b.end)
          .split('\n')
          .forEach((line, i) => {
            if (i) p.append($createLineBreakNode());
            if (line) p.append($createTextNode(line));
          });
        root.append(p);
        keys.push(p.getKey());
      }
    },
    { discrete: true },
  );
  const paragraphs: HTMLElement[] = [];
  const parts: { el: HTMLElement; start: number; text: string }[] = [];
  keys.forEach((key, i) => {
    const el = editor.getElementByKey(key);
    if (!el) return;
    const b = blocks[i];
    el.dir = 'auto'; // an Arabic or Hebrew turn reads right to left, its speaker on its right
    el.dataset.start = String(b.start);
    el.dataset.end = String(b.end);
    el.dataset.speaker = b.speaker ?? '';
    el.dataset.time = formatTime(b.time);
    el.classList.toggle('turn-participant', b.participant !== null);
    paragraphs.push(el);
    parts.push({ el, start: b.start, text: text.slice(b.start, b.end) });
  });
  return { index: new TextIndex(parts, text.length), paragraphs };
}
