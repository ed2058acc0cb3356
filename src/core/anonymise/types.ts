// A pseudonymisation key: what to find in the project's text and what to write instead.
// Pure data (the renderer imports it too).
export type ReplacementKind = 'name' | 'place' | 'date' | 'pattern';
export const REPLACEMENT_KINDS: readonly ReplacementKind[] = ['name', 'place', 'date', 'pattern'];

export interface Replacement {
  find: string;
  replace: string;
  kind: ReplacementKind;
  /** 'word': only whole words (Unicode letters, marks and digits count as word characters). */
  match?: 'word' | 'anywhere';
  case?: 'sensitive' | 'insensitive';
}

/** A replacement with its defaults filled in: names and places are whole words in any case, dates and patterns literal. */
export interface Rule {
  index: number;
  find: string;
  replace: string;
  kind: ReplacementKind;
  match: 'word' | 'anywhere';
  case: 'sensitive' | 'insensitive';
  regex: RegExp;
}

export function withDefaults(r: Replacement): Required<Replacement> {
  const loose = r.kind === 'name' || r.kind === 'place';
  return {
    find: r.find,
    replace: r.replace,
    kind: r.kind,
    match: r.match ?? (loose ? 'word' : 'anywhere'),
    case: r.case ?? (loose ? 'insensitive' : 'sensitive'),
  };
}
