import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TextIndex } from '../../renderer/src/features/transcript/textIndex.ts';

// TextIndex walks the rendered paragraphs' text nodes. Node has no DOM here, so the test gives it the
// three things it uses on that path: document.createTreeWalker over a paragraph's text nodes,
// NodeFilter.SHOW_TEXT and Node.TEXT_NODE. Boundaries on elements (not text nodes) need a real
// Range and are covered by the e2e tests.
interface FakeText {
  nodeType: 3;
  data: string;
}
const t = (data: string): FakeText => ({ nodeType: 3, data });
const para = (start: number, text: string, nodes: FakeText[]) => ({ el: { nodes } as unknown as HTMLElement, start, text });

beforeEach(() => {
  vi.stubGlobal('document', {
    createTreeWalker: (el: { nodes: FakeText[] }) => {
      let i = 0;
      return { nextNode: () => el.nodes[i++] ?? null };
    },
  });
  vi.stubGlobal('NodeFilter', { SHOW_TEXT: 4 });
  vi.stubGlobal('Node', { TEXT_NODE: 3 });
  vi.stubGlobal(
    'StaticRange',
    class {
      init: object;
      constructor(init: object) {
        this.init = init;
      }
    },
  );
});
afterEach(() => {
  vi.unstubAllGlobals();
});

// Two turns; the first has two lines (the "\n" is a <br>, no text node) and an emoji (two UTF-16 units),
// and Lexical split its first line into two text nodes. The blank line between turns is not drawn.
const text = 'Q: hi 😀 there\nsecond line\n\nA: ok\n';
const line1a = t('Q: hi 😀'),
  line1b = t(' there'),
  empty = t(''),
  line2 = t('second line'),
  answer = t('A: ok');
const a = text.indexOf('A: ok');
const index = () => new TextIndex([para(0, text.slice(0, a - 2), [line1a, line1b, empty, line2]), para(a, 'A: ok', [answer])], text.length);
const asText = (p: { node: Text; offset: number } | null) => p && [(p.node as unknown as FakeText).data, p.offset];

describe("the transcript's text index", () => {
  it('places every text node at its offset in the stored text, skipping line breaks and empty nodes', () => {
    const ix = index();
    expect(ix.segments.map((s) => [(s.node as unknown as FakeText).data, s.start])).toEqual([
      ['Q: hi 😀', 0],
      [' there', 8],
      ['second line', 15],
      ['A: ok', 28],
    ]);
    for (const s of ix.segments) expect(text.slice(s.start, s.start + s.node.data.length)).toBe(s.node.data);
  });

  it('counts offsets in UTF-16 units: an emoji is two', () => {
    const ix = index();
    expect(ix.toOffset(line1a as unknown as Node, 6, 'start')).toBe(6);
    expect(ix.toOffset(line1a as unknown as Node, 8, 'end')).toBe(8);
    expect(ix.toOffset(line1b as unknown as Node, 0, 'start')).toBe(8);
    expect(text.slice(6, 8)).toBe('😀');
  });

  it("clips a text-node offset past the node's end", () => {
    expect(index().toOffset(line2 as unknown as Node, 99, 'end')).toBe(26);
  });

  it("maps an offset back to its text node; where two nodes of one line meet, the later node's start", () => {
    const ix = index();
    expect(asText(ix.toPoint(7, 'start'))).toEqual(['Q: hi 😀', 7]);
    expect(asText(ix.toPoint(8, 'start'))).toEqual([' there', 0]);
    expect(asText(ix.toPoint(8, 'end'))).toEqual([' there', 0]); // the same place on screen as ['Q: hi 😀', 8]
    expect(asText(ix.toPoint(0, 'end'))).toEqual(['Q: hi 😀', 0]);
  });

  it('moves an offset in an undrawn gap (a line break, the blank line between turns) to the nearest text on its side', () => {
    const ix = index();
    expect(asText(ix.toPoint(14, 'start'))).toEqual(['second line', 0]);
    expect(asText(ix.toPoint(14, 'end'))).toEqual([' there', 6]);
    expect(asText(ix.toPoint(27, 'start'))).toEqual(['A: ok', 0]);
    expect(asText(ix.toPoint(27, 'end'))).toEqual(['second line', 11]);
    expect(asText(ix.toPoint(text.length, 'start'))).toEqual(['A: ok', 5]);
  });

  it('round-trips every offset inside the drawn text', () => {
    const ix = index();
    for (const s of ix.segments) {
      for (let o = s.start; o < s.start + s.node.data.length; o++) {
        const p = ix.toPoint(o, 'start')!;
        expect(ix.toOffset(p.node, p.offset, 'start')).toBe(o);
      }
    }
  });

  it('makes a range over a coding, and none for an empty transcript', () => {
    const r = index().range(6, 20) as unknown as {
      init: { startContainer: FakeText; startOffset: number; endContainer: FakeText; endOffset: number };
    };
    expect([r.init.startContainer.data, r.init.startOffset, r.init.endContainer.data, r.init.endOffset]).toEqual([
      'Q: hi 😀',
      6,
      'second line',
      5,
    ]);
    const none = new TextIndex([], 0);
    expect(none.toPoint(0, 'start')).toBeNull();
    expect(none.range(0, 0)).toBeNull();
  });
});
