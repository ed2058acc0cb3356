// A document's text as other REFI-QDA tools should show it: the stored words with the speaker
// label ("P4: ") and, when known, the time ("[00:01:05] ") written at the start of each turn.
// Coding offsets move with the inserted labels so each coding still covers the same words.

export interface LabelledText {
  text: string;
  /** [offset in the labelled text, length] of each inserted label, in order. */
  inserted: [number, number][];
  /** Maps a stored-text offset to the labelled text: starts land after a label, ends before. */
  mapStart(o: number): number;
  mapEnd(o: number): number;
}

interface TurnLike {
  speaker: string | null;
  start: number;
  timeStart: number | null;
}

export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor(s / 3600))}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}`;
}

export function labelTurns(text: string, turns: TurnLike[]): LabelledText {
  const at: number[] = []; // stored-text positions of labels
  const labels: string[] = [];
  for (const t of [...turns].sort((a, b) => a.start - b.start)) {
    const label = `${t.timeStart != null ? `[${clock(t.timeStart)}] ` : ''}${t.speaker ? `${t.speaker}: ` : ''}`;
    if (!label) continue;
    at.push(t.start);
    labels.push(label);
  }
  const parts: string[] = [];
  const inserted: [number, number][] = [];
  let prev = 0;
  let shift = 0;
  at.forEach((pos, k) => {
    parts.push(text.slice(prev, pos), labels[k]);
    inserted.push([pos + shift, labels[k].length]);
    shift += labels[k].length;
    prev = pos;
  });
  parts.push(text.slice(prev));
  // cumulative shift after the k-th label
  const cum: number[] = [];
  let c = 0;
  for (const l of labels) cum.push((c += l.length));
  // number of label positions p with p < o (strict) or p <= o
  const countBefore = (o: number, inclusive: boolean) => {
    let lo = 0,
      hi = at.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (inclusive ? at[mid] <= o : at[mid] < o) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const shiftAt = (n: number) => (n === 0 ? 0 : cum[n - 1]);
  return {
    text: parts.join(''),
    inserted,
    mapStart: (o) => o + shiftAt(countBefore(o, true)),
    mapEnd: (o) => o + shiftAt(countBefore(o, false)),
  };
}

/**
 * The inverse for import: removes ranges (labels Thematic inserted, or the "\r" of CRLF) and maps
 * offsets of the original text into the shortened one. An offset inside a removed range moves
 * to where the range was.
 */
export function removeRanges(text: string, ranges: [number, number][]): { text: string; map(o: number): number } {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let prev = 0;
  const starts: number[] = [];
  const cum: number[] = [];
  let c = 0;
  for (const [pos, len] of sorted) {
    parts.push(text.slice(prev, pos));
    prev = pos + len;
    starts.push(pos);
    cum.push((c += len));
  }
  parts.push(text.slice(prev));
  return {
    text: parts.join(''),
    map(o) {
      let lo = 0,
        hi = starts.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (starts[mid] < o) lo = mid + 1;
        else hi = mid;
      }
      if (lo === 0) return o;
      const k = lo - 1;
      const before = k === 0 ? 0 : cum[k - 1];
      const end = starts[k] + (cum[k] - before);
      return o >= end ? o - cum[k] : starts[k] - before;
    },
  };
}

/** BOM and "\r\n" -> "\n", lone "\r" -> "\n"; offsets remapped. Words are kept exactly. */
export function normaliseLineEnds(text: string): { text: string; map(o: number): number } {
  const ranges: [number, number][] = [];
  if (text.charCodeAt(0) === 0xfeff) ranges.push([0, 1]);
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) if (text[i + 1] === '\n') ranges.push([i, 1]);
  const r = removeRanges(text, ranges);
  return { text: r.text.replace(/\r/g, '\n'), map: r.map };
}
