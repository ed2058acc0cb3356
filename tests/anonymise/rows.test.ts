import { describe, expect, it } from 'vitest';
import { complete, foundText, fromReplacement, newRow, toReplacement, withKind } from '../../renderer/src/features/anonymise/rows.ts';
import type { Replacement } from '../../src/core/anonymise/types.ts';

// The Anonymise view edits the key as rows with ticks; what it sends and saves must be the key itself.
describe('key rows in the Anonymise view', () => {
  it('shows each kind with its defaults and writes only what differs from them', () => {
    const name = newRow('name', 'Maria', 'P1');
    expect([name.wholeWord, name.caseSensitive]).toEqual([true, false]);
    expect(toReplacement(name)).toEqual({ find: 'Maria', replace: 'P1', kind: 'name' });
    const date = withKind(name, 'date');
    expect([date.wholeWord, date.caseSensitive]).toEqual([false, true]);
    expect(toReplacement({ ...date, wholeWord: true })).toEqual({ find: 'Maria', replace: 'P1', kind: 'date', match: 'word' });
    expect(toReplacement({ ...name, caseSensitive: true })).toEqual({ find: 'Maria', replace: 'P1', kind: 'name', case: 'sensitive' });
  });

  it('reads a key back into rows unchanged', () => {
    const key: Replacement[] = [
      { find: 'Maria', replace: 'P1', kind: 'name' },
      { find: 'Leeds', replace: '[city]', kind: 'place', match: 'anywhere', case: 'sensitive' },
      { find: '\\d+', replace: '[n]', kind: 'pattern', match: 'word' },
    ];
    expect(key.map(fromReplacement).map(toReplacement)).toEqual(key);
    expect(complete(newRow())).toBe(false);
    expect(complete({ ...newRow(), find: 'x', replace: ' ' })).toBe(false);
  });

  it('says where the occurrences are, never "in 0 documents" when all are in other fields', () => {
    expect(foundText(6, 0, 6)).toBe('6 occurrences, all in other fields (none in the documents)');
    expect(foundText(9, 2, 6)).toBe('9 occurrences: 3 in 2 documents, 6 in other fields');
    expect(foundText(1, 1, 0)).toBe('1 occurrence in 1 document');
    expect(foundText(0, 0, 0)).toBe('No occurrences');
  });
});
