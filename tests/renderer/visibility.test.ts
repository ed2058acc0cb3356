import { describe, expect, it } from 'vitest';
import { filterCodings, progressCoders, visibleCoders } from '../../renderer/src/model/visibility.ts';
import { coder, coding } from './make.ts';

const coders = [coder('ana'), coder('ben'), coder('cy'), coder('consensus', true)];
const sorted = (s: Set<string>) => [...s].sort();

describe('whose codings the transcript shows', () => {
  it('mine: only mine, nothing underlined; nothing at all before I have chosen who I am', () => {
    const v = visibleCoders('mine', 'ana', coders);
    expect(sorted(v.shown)).toEqual(['ana']);
    expect(v.underlined.size).toBe(0);
    expect(visibleCoders('mine', null, coders).shown.size).toBe(0);
  });
  it('other: every other person, never the consensus coder', () => {
    expect(sorted(visibleCoders('other', 'ana', coders).shown)).toEqual(['ben', 'cy']);
  });
  it('both: mine and the others, the others underlined', () => {
    const v = visibleCoders('both', 'ben', coders);
    expect(sorted(v.shown)).toEqual(['ana', 'ben', 'cy']);
    expect(sorted(v.underlined)).toEqual(['ana', 'cy']);
  });
  it('consensus: the consensus coder only', () => {
    expect(sorted(visibleCoders('consensus', 'ana', coders).shown)).toEqual(['consensus']);
  });
});

describe('whose progress a document shows', () => {
  it('every person (not the consensus) normally; only me in blind mode', () => {
    expect(progressCoders(coders, false, 'ana')).toEqual(['ana', 'ben', 'cy']);
    expect(progressCoders(coders, true, 'ben')).toEqual(['ben']);
    expect(progressCoders(coders, true, null)).toEqual([]);
  });
});

describe('filtering codings by coder', () => {
  it('keeps the codings of the shown coders, in order', () => {
    const cs = [coding(1, 0, 1, 'ana'), coding(1, 2, 3, 'ben'), coding(1, 4, 5, 'ana')];
    expect(filterCodings(cs, new Set(['ana']))).toEqual([cs[0], cs[2]]);
    expect(filterCodings(cs, new Set())).toEqual([]);
  });
});
