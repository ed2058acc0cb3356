import type { Rule } from './types.ts';

/** One replaced stretch of text: where it was, which rule, and what was there. */
export interface Match {
  start: number;
  end: number;
  rule: number;
  text: string;
  replace: string;
}

/**
 * Every place a key replaces something in `text`, left to right, never overlapping. Where two
 * finds overlap ("Maria" and "Maria Lopez"), the longest wins; on a tie, the earlier match, then
 * the earlier line of the key. Offsets are UTF-16, like codings; the `u` flag keeps every match
 * on whole code points, so a surrogate pair is never split.
 */
export function findMatches(text: string, rules: Rule[]): Match[] {
  const found: Match[] = [];
  for (const r of rules) {
    const re = new RegExp(r.regex.source, r.regex.flags);
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0] === '') {
        re.lastIndex += text.codePointAt(m.index)! > 0xffff ? 2 : 1;
        continue;
      }
      found.push({ start: m.index, end: m.index + m[0].length, rule: r.index, text: m[0], replace: r.replace });
    }
  }
  if (found.length < 2) return found;
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || a.rule - b.rule);
  const taken = new Uint8Array(text.length);
  const kept: Match[] = [];
  for (const m of found) {
    let free = true;
    for (let i = m.start; i < m.end; i++)
      if (taken[i]) {
        free = false;
        break;
      }
    if (!free) continue;
    taken.fill(1, m.start, m.end);
    kept.push(m);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** A replaced stretch in old and new offsets: what an offset map is built from. */
export interface Segment {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

/** The text with every match replaced, and where each replacement landed. */
export function applyMatches(text: string, matches: Match[]): { text: string; segments: Segment[] } {
  const parts: string[] = [];
  const segments: Segment[] = [];
  let at = 0,
    len = 0;
  for (const m of matches) {
    parts.push(text.slice(at, m.start));
    len += m.start - at;
    segments.push({ oldStart: m.start, oldEnd: m.end, newStart: len, newEnd: len + m.replace.length });
    parts.push(m.replace);
    len += m.replace.length;
    at = m.end;
  }
  parts.push(text.slice(at));
  return { text: parts.join(''), segments };
}

/** Replaces every match in a short field (a code name, a memo); returns it unchanged when nothing matches. */
export function replaceAll(text: string, rules: Rule[]): string {
  if (!text || !rules.length) return text;
  const matches = findMatches(text, rules);
  return matches.length ? applyMatches(text, matches).text : text;
}
