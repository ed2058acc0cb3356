import { expect } from 'vitest';
import type { ParsedTranscript } from '../../src/features/documents/importers/index.ts';

const encoder = new TextEncoder();
export const utf8 = (s: string): Uint8Array => encoder.encode(s);

/** The text of each turn, as the offsets say. */
export function turnTexts(r: ParsedTranscript): string[] {
  return r.turns.map((t) => r.text.slice(t.start, t.end));
}

/** Turns in order, non-overlapping, trimmed, and covering every non-space character of the text. */
export function expectValidTurns(r: ParsedTranscript): void {
  expect(r.text).toBe(r.text.normalize('NFC'));
  expect(r.text).not.toMatch(/\r/);
  const covered = new Uint8Array(r.text.length);
  let previousEnd = 0;
  for (const turn of r.turns) {
    expect(turn.start).toBeGreaterThanOrEqual(previousEnd);
    expect(turn.end).toBeGreaterThan(turn.start);
    expect(turn.end).toBeLessThanOrEqual(r.text.length);
    const slice = r.text.slice(turn.start, turn.end);
    expect(slice.trim()).toBe(slice);
    covered.fill(1, turn.start, turn.end);
    previousEnd = turn.end;
  }
  for (let i = 0; i < r.text.length; i++) {
    if (!covered[i] && /\S/.test(r.text[i] ?? '')) throw new Error(`character ${i} (${JSON.stringify(r.text[i])}) is in no turn`);
  }
}

export function words(s: string): string[] {
  return s.normalize('NFC').split(/\s+/).filter(Boolean);
}

/** Every expected word appears in `actual`, in order; names the first word that does not. */
export function expectWordsInOrder(expected: string[], actual: string[]): void {
  let j = 0;
  for (let i = 0; i < expected.length; i++) {
    while (j < actual.length && actual[j] !== expected[i]) j++;
    if (j === actual.length) {
      throw new Error(`word ${i} "${expected[i]}" missing (after: ${expected.slice(Math.max(0, i - 6), i).join(' ')})`);
    }
    j++;
  }
}
