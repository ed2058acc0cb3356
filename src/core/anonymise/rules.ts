import { withDefaults, type Replacement, type Rule } from './types.ts';

// Word characters for whole-word matching: \b in JavaScript only knows ASCII, so "José" or
// "Zoë" would match inside longer words. Letters, combining marks, digits and _ count.
const WORD = '[\\p{L}\\p{M}\\p{N}_]';
const LETTERISH = '[\\p{L}\\p{N}_]';
const isWordChar = (ch: string) => new RegExp(`^${WORD}$`, 'u').test(ch);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

export class KeyError extends Error {}

/** Compiles one replacement to a global Unicode regex; throws KeyError saying what is wrong. */
export function compileRule(r: Replacement, index: number): Rule {
  const d = withDefaults(r);
  if (!d.find) throw new KeyError('"find" is empty');
  if (!d.replace.trim())
    throw new KeyError(`"${d.find}" has no replacement (an empty replacement would make codings of only that word empty)`);
  let body: string;
  if (d.kind === 'pattern') {
    try {
      new RegExp(d.find, 'u');
    } catch (e) {
      throw new KeyError(
        `pattern ${d.find} is not a valid regular expression (${(e as Error).message.replace(/^Invalid regular expression: /, '')})`,
      );
    }
    body = `(?:${d.find})`;
  } else {
    // Any run of spaces in a multi-word find ("St Paul's") matches any run of white space in the text.
    body = d.find.trim().split(/\s+/).map(escape).join('\\s+');
  }
  const chars = [...d.find.trim()];
  // Before: not after a word character (with any marks on it). A mark alone does not count, so an
  // emoji ending in a variation selector (U+FE0F is a mark) still ends the word before a name.
  const before = d.match === 'word' && (d.kind === 'pattern' || isWordChar(chars[0] ?? '')) ? `(?<!${LETTERISH}\\p{M}*)` : '';
  const after = d.match === 'word' && (d.kind === 'pattern' || isWordChar(chars.at(-1) ?? '')) ? `(?!${WORD})` : '';
  const regex = new RegExp(`${before}${body}${after}`, d.case === 'insensitive' ? 'giu' : 'gu');
  if (d.kind === 'pattern' && matchesEmpty(regex)) {
    throw new KeyError(`pattern ${d.find} can match an empty string; it must always match at least one character`);
  }
  return { index, ...d, regex };
}

// An empty match would replace nothing with something at every position: refuse such patterns.
const PROBES = ['', ' ', 'a', 'A1 b', 'x\ny', '2024-01-31', '😀'];
function matchesEmpty(re: RegExp): boolean {
  for (const p of PROBES) {
    const g = new RegExp(re.source, re.flags);
    for (let m = g.exec(p); m; m = g.exec(p)) {
      if (m[0] === '') return true;
    }
  }
  return false;
}

/** Compiles a whole key; errors name the replacement (1-based) they are about. */
export function compileRules(list: Replacement[]): Rule[] {
  return list.map((r, i) => {
    try {
      return compileRule(r, i);
    } catch (e) {
      if (e instanceof KeyError) throw new KeyError(`replacement ${i + 1}: ${e.message}`);
      throw e;
    }
  });
}
