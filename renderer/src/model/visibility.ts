import type { Coder, Coding } from '@core/model/entities.ts';

/** Whose codings the transcript shows. */
export type Visibility = 'mine' | 'other' | 'both' | 'consensus';

/** Which coders' codings the transcript shows, and which of them are drawn as "the other coder" (underlined). */
export function visibleCoders(mode: Visibility, me: string | null, coders: Coder[]): { shown: Set<string>; underlined: Set<string> } {
  const people = coders.filter((c) => !c.isConsensus).map((c) => c.name);
  const consensus = coders.filter((c) => c.isConsensus).map((c) => c.name);
  const others = people.filter((n) => n !== me);
  switch (mode) {
    case 'mine':
      return { shown: new Set(me ? [me] : []), underlined: new Set() };
    case 'other':
      return { shown: new Set(others), underlined: new Set() };
    case 'both':
      return { shown: new Set([...(me ? [me] : []), ...others]), underlined: new Set(others) };
    case 'consensus':
      return { shown: new Set(consensus), underlined: new Set() };
  }
}

/** The coders whose progress a document shows. Blind mode: a coder sees only their own, not how far the other coder has got. */
export function progressCoders(coders: Coder[], blind: boolean, me: string | null): string[] {
  return coders.filter((c) => !c.isConsensus && (!blind || c.name === me)).map((c) => c.name);
}

export function filterCodings(codings: Coding[], shown: Set<string>): Coding[] {
  return codings.filter((c) => shown.has(c.coder));
}
