/**
 * Maps between DOM positions in the rendered transcript and UTF-16 offsets of the stored text.
 * Each paragraph is one block [start, end) of the text; its DOM text nodes hold that text in
 * order, with the "\n" of multi-line turns rendered as <br> (no text node). Speaker labels and
 * timestamps are attributes drawn by CSS, so they never appear among these text nodes.
 */
export interface Segment {
  node: Text;
  start: number;
}

export class TextIndex {
  readonly segments: Segment[] = [];
  private readonly at = new Map<Text, number>();
  readonly length: number;

  constructor(paragraphs: { el: HTMLElement; start: number; text: string }[], length: number) {
    this.length = length;
    for (const p of paragraphs) {
      let cursor = 0;
      const walker = document.createTreeWalker(p.el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        if (!n.data.length) continue;
        while (p.text[cursor] === '\n') cursor++;
        this.at.set(n, this.segments.length);
        this.segments.push({ node: n, start: p.start + cursor });
        cursor += n.data.length;
      }
    }
  }

  /** Document offset of a DOM boundary point; element boundaries resolve to the nearest text (side says which way). */
  toOffset(container: Node, offset: number, side: 'start' | 'end'): number {
    if (container.nodeType === Node.TEXT_NODE) {
      const k = this.at.get(container as Text);
      if (k !== undefined) return this.segments[k].start + Math.min(offset, (container as Text).data.length);
    }
    const point = document.createRange();
    point.setStart(container, offset);
    // First segment whose start lies at or after the point.
    let lo = 0,
      hi = this.segments.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (point.comparePoint(this.segments[mid].node, 0) >= 0) hi = mid;
      else lo = mid + 1;
    }
    if (side === 'start') return lo < this.segments.length ? this.segments[lo].start : this.length;
    if (lo === 0) return 0;
    const prev = this.segments[lo - 1];
    return prev.start + prev.node.data.length;
  }

  /** The DOM point of a document offset; an offset in an undrawn gap ("\n" between turns) moves to the side's nearest text. */
  toPoint(offset: number, side: 'start' | 'end'): { node: Text; offset: number } | null {
    const s = this.segments;
    if (!s.length) return null;
    let lo = 0,
      hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    const seg = s[lo];
    const rel = offset - seg.start;
    if (rel < 0) return { node: seg.node, offset: 0 };
    if (rel <= seg.node.data.length) {
      if (side === 'start' && rel === seg.node.data.length && lo + 1 < s.length) return { node: s[lo + 1].node, offset: 0 };
      return { node: seg.node, offset: rel };
    }
    if (side === 'start' && lo + 1 < s.length) return { node: s[lo + 1].node, offset: 0 };
    return { node: seg.node, offset: seg.node.data.length };
  }

  range(start: number, end: number): StaticRange | null {
    const a = this.toPoint(start, 'start'),
      b = this.toPoint(end, 'end');
    if (!a || !b) return null;
    return new StaticRange({ startContainer: a.node, startOffset: a.offset, endContainer: b.node, endOffset: b.offset });
  }

  liveRange(start: number, end: number): Range | null {
    const a = this.toPoint(start, 'start'),
      b = this.toPoint(end, 'end');
    if (!a || !b) return null;
    const r = document.createRange();
    r.setStart(a.node, a.offset);
    r.setEnd(b.node, b.offset);
    return r;
  }

  /** Offsets of a DOM Range (e.g. the user's selection), clipped to the transcript. */
  fromRange(r: AbstractRange): { start: number; end: number } {
    return { start: this.toOffset(r.startContainer, r.startOffset, 'start'), end: this.toOffset(r.endContainer, r.endOffset, 'end') };
  }
}
