import { describe, expect, it } from 'vitest';
import { toggled } from '../../renderer/src/model/sets.ts';
import { plural } from '../../renderer/src/model/words.ts';
import { PHASES, PHASE_MEMO_TITLE } from '../../renderer/src/features/home/phases.ts';
import { slug } from '../../renderer/src/lib/download.ts';

// The renderer's one-function modules: model/sets.ts, model/words.ts, features/home/phases.ts, lib/download.ts (slug; the rest needs a page).
describe('toggling a member of a set', () => {
  it('adds an absent value and removes a present one, in a copy', () => {
    const s = new Set([1, 2]);
    const added = toggled(s, 3),
      removed = toggled(s, 1);
    expect([...added]).toEqual([1, 2, 3]);
    expect([...removed]).toEqual([2]);
    expect([...s]).toEqual([1, 2]);
    expect(added).not.toBe(s);
    expect([...toggled(toggled(s, 5), 5)]).toEqual([1, 2]);
  });
});

describe('plural', () => {
  it('adds s except for exactly one', () => {
    expect(plural(0, 'coding')).toBe('0 codings');
    expect(plural(1, 'coding')).toBe('1 coding');
    expect(plural(2, 'document')).toBe('2 documents');
  });
});

describe('the six phases of thematic analysis', () => {
  it('are numbered 1 to 6 in order (the number is the memo target id), each named and prompted once', () => {
    expect(PHASES.map((p) => p.n)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set(PHASES.map((p) => p.name)).size).toBe(6);
    for (const p of PHASES) expect(p.prompt.length).toBeGreaterThan(20);
    expect(PHASE_MEMO_TITLE).toBe('Current analysis phase');
  });
});

describe("a download's file name slug", () => {
  it('is lower case words joined by single dashes, no dash at either end', () => {
    expect(slug('Code × Group: 2026!')).toBe('code-group-2026');
    expect(slug('  Stigma / Shame  ')).toBe('stigma-shame');
  });
  it('falls back to "chart" when nothing is left', () => {
    expect(slug('')).toBe('chart');
    expect(slug('***')).toBe('chart');
    expect(slug('😀')).toBe('chart');
  });
});
