import { describe, expect, it } from 'vitest';
import { keyToCsv, parseKeyCsv } from '../../src/core/anonymise/key-csv.ts';
import type { Replacement } from '../../src/core/anonymise/types.ts';

describe('the key as CSV', () => {
  it('reads find,replace,kind with optional match and case columns', () => {
    const csv =
      '\uFEFFfind,replace,kind,match,case\r\nMaria,Participant A,name,,\r\n"Springfield, IL",[town],place,word,sensitive\r\n\r\n"\\d{2}/\\d{2}/\\d{4}",[date],pattern,,\r\n';
    expect(parseKeyCsv(csv)).toEqual([
      { find: 'Maria', replace: 'Participant A', kind: 'name' },
      { find: 'Springfield, IL', replace: '[town]', kind: 'place', match: 'word', case: 'sensitive' },
      { find: '\\d{2}/\\d{2}/\\d{4}', replace: '[date]', kind: 'pattern' },
    ]);
    expect(parseKeyCsv('find,replace\nJo,P2\n')).toEqual([{ find: 'Jo', replace: 'P2', kind: 'name' }]);
  });

  it('names the line of each problem', () => {
    const bad = (csv: string) => {
      try {
        parseKeyCsv(csv);
        return '';
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(bad('find,replace,kind\nMaria,A,name\nJo,B,person\n')).toMatch(
      /^line 3: kind "person" is not one of name, place, date, pattern/,
    );
    expect(bad('find,replace,kind\n"multi\nline",A,name\n(ab,B,pattern\n')).toMatch(
      /^line 4: pattern \(ab is not a valid regular expression/,
    );
    expect(bad('find,replace,kind\nMaria,A,name\n\nx*,B,pattern\n')).toMatch(/^line 4: pattern x\* can match an empty string/);
    expect(bad('find,replace,kind\nMaria,A,name\nmaria,B,name\n')).toMatch(/^line 3: "maria" is already replaced on line 2/);
    expect(bad('find,replacement,kind\n')).toMatch(/^line 1: unknown column "replacement"/);
    expect(bad('find,replace,kind\nMaria,,name\n')).toMatch(/^line 2: "Maria" has no replacement/);
    expect(bad('find,replace,kind\nMaria,A,name,extra\n')).toMatch(/^line 2: 4 cells/);
    expect(bad('find,replace,kind\nMaria,A,name,\n"open,B,name\n')).toMatch(/^line 2: 4 cells|^line 3: a quoted cell is never closed/);
    expect(bad('find,replace,kind\nMaria,A,name,word\n')).toMatch(/^line 2/);
    expect(bad('find,replace,kind,match\nMaria,A,name,whole\n')).toMatch(/^line 2: match "whole" must be word or anywhere/);
    expect(bad('')).toMatch(/^line 1: the key is empty/);
  });

  it('writes a key that reads back unchanged', () => {
    const key: Replacement[] = [
      { find: 'Maria', replace: 'Participant A', kind: 'name' },
      { find: '-\\d+ "x"', replace: '=[n], "q"', kind: 'pattern', match: 'word', case: 'insensitive' },
      { find: 'Leeds', replace: 'a\ncity', kind: 'place', case: 'sensitive' },
    ];
    expect(parseKeyCsv(keyToCsv(key))).toEqual(key);
  });
});
