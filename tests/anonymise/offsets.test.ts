import { describe, expect, it } from 'vitest';
import { compileRules } from '../../src/core/anonymise/rules.ts';
import { applyMatches, findMatches } from '../../src/core/anonymise/match.ts';
import { OffsetMap } from '../../src/core/anonymise/offsets.ts';

const setup = (text: string) => {
  const rules = compileRules([
    { find: 'Maria', replace: 'Participant A', kind: 'name' },
    { find: 'Springfield', replace: 'X', kind: 'place' },
  ]);
  const r = applyMatches(text, findMatches(text, rules));
  return { out: r.text, map: new OffsetMap(r.segments) };
};
const cover = (text: string, out: string, map: OffsetMap, s: string) => {
  const start = text.indexOf(s);
  return out.slice(map.start(start), map.end(start + s.length));
};

describe('old offsets to new ones', () => {
  const text = 'I met Maria in Springfield. 😀Maria said: Springfield again.';
  const { out, map } = setup(text);

  it('keeps a coding on the same words, with replaced words replaced', () => {
    expect(out).toBe('I met Participant A in X. 😀Participant A said: X again.');
    expect(cover(text, out, map, 'I met')).toBe('I met');
    expect(cover(text, out, map, 'met Maria in')).toBe('met Participant A in');
    expect(cover(text, out, map, 'Maria')).toBe('Participant A');
    expect(cover(text, out, map, 'in Springfield.')).toBe('in X.');
    expect(cover(text, out, map, '😀Maria said')).toBe('😀Participant A said');
    expect(cover(text, out, map, 'again.')).toBe('again.');
    expect(cover(text, out, map, text)).toBe(out);
  });

  it('widens a coding that starts or ends inside a replaced word to the whole replacement', () => {
    const s = text.indexOf('Maria');
    expect(out.slice(map.start(s + 2), map.end(s + 3))).toBe('Participant A');
    expect(out.slice(map.start(s - 4), map.end(s + 2))).toBe('met Participant A');
    expect(out.slice(map.start(s + 2), map.end(s + 8))).toBe('Participant A in');
  });

  it('maps the boundaries right before and after a replacement', () => {
    const s = text.indexOf('Maria'),
      e = s + 5;
    expect(map.end(s)).toBe(s);
    expect(map.start(e)).toBe(s + 'Participant A'.length);
    expect(map.start(0)).toBe(0);
    expect(map.end(text.length)).toBe(out.length);
  });
});
