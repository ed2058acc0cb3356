import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearAll, highlightName, paintCodings, paintNewCoding } from '../../renderer/src/features/transcript/highlights.ts';
import type { TextIndex } from '../../renderer/src/features/transcript/textIndex.ts';
import { code, coding } from './make.ts';

// The CSS Custom Highlight API, faked: CSS.highlights is a map of name -> Highlight (a set of ranges).
// The style sheet part needs CSSStyleSheet and is left alone here (the module skips it without one).
class FakeHighlight extends Set<unknown> {
  priority = 0;
  constructor(...ranges: unknown[]) {
    super(ranges);
  }
}
let highlights: Map<string, FakeHighlight>;
beforeEach(() => {
  highlights = new Map();
  vi.stubGlobal('CSS', { highlights });
  vi.stubGlobal('Highlight', FakeHighlight);
});
afterEach(() => {
  clearAll();
  vi.unstubAllGlobals();
});

/** An index whose ranges are just "start-end"; offsets past 100 are not on screen. */
const index = { range: (s: number, e: number) => (e > 100 ? null : `${s}-${e}`) } as unknown as TextIndex;
const codes = new Map([
  [1, code(1)],
  [2, code(2)],
]);
const painted = () => Object.fromEntries([...highlights].map(([n, h]) => [n, [...h]]));

describe('painting codings', () => {
  it("names one highlight per code, and another for the other coder's (underlined)", () => {
    expect(highlightName(3, false)).toBe('code-3');
    expect(highlightName(3, true)).toBe('code-3-other');
  });

  it('groups the codings by code and drawing style; codings not on screen are skipped', () => {
    paintCodings(
      index,
      [coding(1, 0, 5, 'ana'), coding(1, 10, 20, 'ben'), coding(1, 30, 40, 'ana'), coding(2, 50, 200, 'ana')],
      codes,
      new Set(['ben']),
    );
    expect(painted()).toEqual({ 'code-1': ['0-5', '30-40'], 'code-1-other': ['10-20'] });
  });

  it('a repaint removes the highlights it no longer needs', () => {
    paintCodings(index, [coding(1, 0, 5), coding(2, 6, 9)], codes, new Set());
    paintCodings(index, [coding(2, 6, 9)], codes, new Set());
    expect(painted()).toEqual({ 'code-2': ['6-9'] });
  });

  it('a new coding is added at once to the document on screen, and ignored for another document', () => {
    paintCodings(index, [coding(1, 0, 5, 'ana', 4)], codes, new Set(['ben']), 4);
    paintNewCoding(coding(1, 7, 9, 'ana', 4), '#000000');
    paintNewCoding(coding(2, 1, 2, 'ben', 4), '#000000');
    paintNewCoding(coding(1, 50, 60, 'ana', 5), '#000000');
    expect(painted()).toEqual({ 'code-1': ['0-5', '7-9'], 'code-2-other': ['1-2'] });
  });

  it('clearing removes every code highlight and the single-purpose ones', () => {
    paintCodings(index, [coding(1, 0, 5)], codes, new Set());
    highlights.set('find-hit', new FakeHighlight('x'));
    highlights.set('someone-else', new FakeHighlight('y'));
    clearAll();
    expect([...highlights.keys()]).toEqual(['someone-else']);
  });
});
