import { plural } from '../../model/words.ts';
import { withDefaults, type Replacement, type ReplacementKind } from '@core/anonymise/types.ts';

/** One line of the key as the researcher edits it: whole-word and case are shown as ticks. */
export interface Row {
  id: number;
  find: string;
  replace: string;
  kind: ReplacementKind;
  wholeWord: boolean;
  caseSensitive: boolean;
}

let next = 1;
const defaults = (kind: ReplacementKind) => {
  const d = withDefaults({ find: 'x', replace: 'x', kind });
  return { wholeWord: d.match === 'word', caseSensitive: d.case === 'sensitive' };
};

export function newRow(kind: ReplacementKind = 'name', find = '', replace = ''): Row {
  return { id: next++, find, replace, kind, ...defaults(kind) };
}

/** A new kind brings that kind's defaults (names: whole words in any case; dates: literal). */
export const withKind = (r: Row, kind: ReplacementKind): Row => ({ ...r, kind, ...defaults(kind) });

export function fromReplacement(r: Replacement): Row {
  const d = withDefaults(r);
  return {
    id: next++,
    find: r.find,
    replace: r.replace,
    kind: r.kind,
    wholeWord: d.match === 'word',
    caseSensitive: d.case === 'sensitive',
  };
}

/** Only what differs from the kind's defaults is written, so the CSV stays short. */
export function toReplacement(r: Row): Replacement {
  const d = defaults(r.kind);
  const out: Replacement = { find: r.find, replace: r.replace, kind: r.kind };
  if (r.wholeWord !== d.wholeWord) out.match = r.wholeWord ? 'word' : 'anywhere';
  if (r.caseSensitive !== d.caseSensitive) out.case = r.caseSensitive ? 'sensitive' : 'insensitive';
  return out;
}

/** Rows that can be previewed: something to find and something to write instead. */
export const complete = (r: Row) => r.find.trim() !== '' && r.replace.trim() !== '';

/** "9 occurrences: 3 in 2 documents, 6 in other fields"; never "6 occurrences in 0 documents". */
export function foundText(total: number, docs: number, inFields: number): string {
  const inDocs = total - inFields;
  if (!total) return 'No occurrences';
  if (!inFields) return `${plural(total, 'occurrence')} in ${plural(docs, 'document')}`;
  if (!inDocs) return `${plural(total, 'occurrence')}, all in other fields (none in the documents)`;
  return `${plural(total, 'occurrence')}: ${inDocs} in ${plural(docs, 'document')}, ${inFields} in other fields`;
}
