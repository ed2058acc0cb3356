import { describe, expect, it } from 'vitest';
import { compileRules, KeyError } from '../../src/core/anonymise/rules.ts';
import { applyMatches, findMatches, replaceAll } from '../../src/core/anonymise/match.ts';
import type { Replacement } from '../../src/core/anonymise/types.ts';

const run = (text: string, list: Replacement[]) => replaceAll(text, compileRules(list));

describe('matching a key against text', () => {
  it('replaces names as whole words in any case, by Unicode word boundaries', () => {
    const key: Replacement[] = [
      { find: 'José', replace: 'B', kind: 'name' },
      { find: 'Zoë', replace: 'C', kind: 'name' },
    ];
    expect(run('josé and JOSÉ met Zoë, not Zoëlla nor Joséphine; José-Luis too', key)).toBe(
      'B and B met C, not Zoëlla nor Joséphine; B-Luis too',
    );
    // \b would see a word boundary before the "ë" of Zoëlla and after the "é"; \p{L} does not.
    expect(run('Anaïs', [{ find: 'Ana', replace: 'X', kind: 'name' }])).toBe('Anaïs');
    // A combining accent belongs to the letter before it: "Jose" + U+0301 is not "Jose".
    expect(run('Jose\u0301 and Jose', [{ find: 'Jose', replace: 'X', kind: 'name' }])).toBe('Jose\u0301 and X');
  });

  it('matches next to emoji, keeping surrogate pairs and ZWJ sequences whole', () => {
    const key: Replacement[] = [{ find: 'Maria', replace: 'Participant A', kind: 'name' }];
    expect(run('😀Maria👩🏽‍⚕️Maria🎉 maria', key)).toBe('😀Participant A👩🏽‍⚕️Participant A🎉 Participant A');
    const m = findMatches('😀Maria', compileRules(key));
    expect(m).toEqual([{ start: 2, end: 7, rule: 0, text: 'Maria', replace: 'Participant A' }]);
  });

  it('lets the longest find win where finds overlap, whatever the key order', () => {
    const key: Replacement[] = [
      { find: 'Maria', replace: 'A', kind: 'name' },
      { find: 'Maria López', replace: 'A L.', kind: 'name' },
      { find: 'López Street', replace: '[street]', kind: 'place' },
    ];
    // "López Street" (12 characters) beats "Maria López" (11); what is left of the overlap, "Maria", is matched alone.
    expect(run('Maria López Street and Maria López and López Street', key)).toBe('A [street] and A L. and [street]');
    const m = findMatches('Maria López Street', compileRules([...key].reverse())).map((x) => x.text);
    expect(m).toEqual(['Maria', 'López Street']);
  });

  it('takes dates literally and patterns as regular expressions', () => {
    expect(run('On 12/03/2021 and 12/03/20215', [{ find: '12/03/2021', replace: '[date]', kind: 'date' }])).toBe('On [date] and [date]5');
    expect(run('on 3 March 2021, 14 May 2020', [{ find: '\\d{1,2} (March|May) \\d{4}', replace: '[date]', kind: 'pattern' }])).toBe(
      'on [date], [date]',
    );
    expect(
      run('Ward 7B, ward 12', [{ find: 'ward \\d+\\w?', replace: '[ward]', kind: 'pattern', case: 'insensitive', match: 'word' }]),
    ).toBe('[ward], [ward]');
    expect(run('tom TOM Tom', [{ find: 'Tom', replace: 'X', kind: 'name', case: 'sensitive' }])).toBe('tom TOM X');
    expect(run('Tomas', [{ find: 'Tom', replace: 'X', kind: 'name', match: 'anywhere' }])).toBe('Xas');
    expect(run('St Paul’s  Hospital', [{ find: 'St Paul’s Hospital', replace: '[hospital]', kind: 'place' }])).toBe('[hospital]');
  });

  it('refuses invalid patterns and patterns that can match nothing', () => {
    expect(() => compileRules([{ find: 'a(b', replace: 'x', kind: 'pattern' }])).toThrow(
      /replacement 1: pattern a\(b is not a valid regular expression/,
    );
    for (const p of ['a*', 'x|', '^', '(?=a)', '\\b']) {
      expect(
        () =>
          compileRules([
            { find: 'ok', replace: 'y', kind: 'name' },
            { find: p, replace: 'x', kind: 'pattern' },
          ]),
        p,
      ).toThrow(KeyError);
    }
    expect(() => compileRules([{ find: 'Maria', replace: ' ', kind: 'name' }])).toThrow(/no replacement/);
  });

  it('records where each replacement landed', () => {
    const text = 'Hi Maria, bye Jo.';
    const rules = compileRules([
      { find: 'Maria', replace: 'P1', kind: 'name' },
      { find: 'Jo', replace: 'Person', kind: 'name' },
    ]);
    const r = applyMatches(text, findMatches(text, rules));
    expect(r.text).toBe('Hi P1, bye Person.');
    expect(r.segments).toEqual([
      { oldStart: 3, oldEnd: 8, newStart: 3, newEnd: 5 },
      { oldStart: 14, oldEnd: 16, newStart: 11, newEnd: 17 },
    ]);
  });
});
