// One coder's partition of a continuum into sections: coded stretches and the gaps between them.
// Everything is built from sorted span boundaries, never from per-character arrays.
import type { Coding } from './types.ts';

export interface Section {
  start: number;
  end: number;
  /** The code, or null for a gap (Krippendorff's phi). */
  value: string | null;
}

export interface Continuum {
  begin?: number;
  length: number;
}

/** Codings of one coder clipped to the continuum and sorted; empty ones dropped. */
export function clipAndSort(codings: Coding[], c: Continuum): Coding[] {
  const b = c.begin ?? 0;
  const e = b + c.length;
  return codings
    .map((x) => ({ ...x, start: Math.max(b, x.start), end: Math.min(e, x.end) }))
    .filter((x) => x.end > x.start)
    .sort((x, y) => x.start - y.start || x.end - y.end);
}

/**
 * Partition of [begin, begin + length) for one coder. Overlapping spans with the same code are
 * merged into one unit (a coder cannot disagree with themself); spans of different codes may
 * not overlap, because Krippendorff's unitizing alphas assume each position has one value per
 * coder. Analyse such data per code instead.
 */
export function partition(codings: Coding[], c: Continuum): Section[] {
  const b = c.begin ?? 0;
  const e = b + c.length;
  const sorted = clipAndSort(codings, c);
  const units: Section[] = [];
  for (const x of sorted) {
    const last = units[units.length - 1];
    if (last && x.start < last.end) {
      if (last.value !== x.code) {
        throw new RangeError(
          `coder ${x.coder}: codes ${JSON.stringify(last.value)} and ${JSON.stringify(x.code)} overlap at ${x.start}; ` +
            'unitizing alpha over several codes needs non-overlapping codings per coder (analyse per code)',
        );
      }
      last.end = Math.max(last.end, x.end);
    } else {
      units.push({ start: x.start, end: x.end, value: x.code });
    }
  }
  const sections: Section[] = [];
  let pos = b;
  for (const u of units) {
    if (u.start > pos) sections.push({ start: pos, end: u.start, value: null });
    sections.push(u);
    pos = u.end;
  }
  if (pos < e) sections.push({ start: pos, end: e, value: null });
  return sections;
}
