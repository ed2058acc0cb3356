import type { Segment } from './match.ts';

/**
 * Old offsets to new ones, piecewise: outside replaced stretches an offset moves by the growth of
 * everything replaced before it; a coding that starts inside a replaced word starts at its
 * replacement, and one that ends inside it ends after the replacement. So a coding covers the
 * same words in the copy, with the replaced words replaced.
 */
export class OffsetMap {
  private readonly segs: Segment[];
  constructor(segments: Segment[]) {
    this.segs = segments;
  }

  /** The last segment whose oldStart is < offset (or <= when inclusive), by binary search. */
  private before(offset: number, inclusive: boolean): number {
    let lo = 0,
      hi = this.segs.length - 1,
      found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.segs[mid].oldStart;
      if (s < offset || (inclusive && s === offset)) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  start(offset: number): number {
    const i = this.before(offset, true);
    if (i < 0) return offset;
    const s = this.segs[i];
    if (offset < s.oldEnd) return s.newStart;
    return offset - s.oldEnd + s.newEnd;
  }

  end(offset: number): number {
    const i = this.before(offset, false);
    if (i < 0) return offset;
    const s = this.segs[i];
    if (offset <= s.oldEnd) return s.newEnd;
    return offset - s.oldEnd + s.newEnd;
  }
}
