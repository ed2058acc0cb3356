// MAXQDA-style segment units: every coded segment of any coder is a unit. The owner's value is
// 1; another coder's value is 1 if they coded an overlapping segment with the same code whose
// overlap (intersection / union of the two segments) reaches the threshold, else 0.
// MAXQDA's default minimum overlap is 90%; we use 0.9 and compare intersection over union
// (our reading of MAXQDA's manual, which could not be verified here). Note two consequences of
// the design: a segment both coders coded alike is counted twice (once per coder's segment),
// and there are no units where both coders agree the code is absent, so chance-corrected
// coefficients on segment units behave differently from character or turn units.
import type { Coding, Span } from './types.ts';
import type { CodeUnits } from './types.ts';

export function overlapRatio(a: Span, b: Span): number {
  const inter = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  if (inter <= 0) return 0;
  return inter / (Math.max(a.end, b.end) - Math.min(a.start, b.start));
}

export function segmentUnits(codings: Coding[], code: string, coders: string[], threshold: number): CodeUnits {
  const byCoder = coders.map((coder) =>
    codings.filter((c) => c.coder === coder && c.code === code && c.end > c.start).sort((a, b) => a.start - b.start),
  );
  const maxLen = byCoder.map((list) => list.reduce((m, c) => Math.max(m, c.end - c.start), 0));
  const matches = (seg: Span, j: number) => {
    const list = byCoder[j];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].start < seg.start - maxLen[j]) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < list.length && list[k].start < seg.end; k++) {
      const r = overlapRatio(seg, list[k]);
      if (r > 0 && r >= threshold) return true;
    }
    return false;
  };
  const units: number[][] = [];
  const spans: Span[] = [];
  byCoder.forEach((list, i) => {
    for (const seg of list) {
      units.push(coders.map((_, j) => (j === i || matches(seg, j) ? 1 : 0)));
      spans.push({ start: seg.start, end: seg.end });
    }
  });
  return { code, data: { coders, units }, spans };
}

/**
 * requal's two overlap shares for one code and two coders (RE-QDA/requal), kept for comparison
 * with that tool; they are descriptive, not chance-corrected.
 * - characters: coded by both / coded by either;
 * - segments: overlapping segment pairs matched one-to-one (a pair is kept if it is the first
 *   overlap of both its segments), plus segments that overlap nothing; share of matched rows.
 */
export function requalOverlapShares(a: Span[], b: Span[]) {
  const union = (spans: Span[]) => {
    const s = [...spans].sort((x, y) => x.start - y.start);
    const out: Span[] = [];
    for (const x of s) {
      const last = out[out.length - 1];
      if (last && x.start <= last.end) last.end = Math.max(last.end, x.end);
      else out.push({ ...x });
    }
    return out;
  };
  const length = (spans: Span[]) => spans.reduce((t, s) => t + s.end - s.start, 0);
  const ua = union(a);
  const ub = union(b);
  let both = 0;
  for (const x of ua) for (const y of ub) both += Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
  const either = length(ua) + length(ub) - both;

  const sa = [...a].sort((x, y) => x.start - y.start);
  const sb = [...b].sort((x, y) => x.start - y.start);
  const overlaps = (x: Span, y: Span) => Math.min(x.end, y.end) > Math.max(x.start, y.start);
  const firstOfA = sa.map((x) => sb.findIndex((y) => overlaps(x, y)));
  const firstOfB = sb.map((y) => sa.findIndex((x) => overlaps(x, y)));
  let matched = 0;
  firstOfA.forEach((j, i) => {
    if (j >= 0 && firstOfB[j] === i) matched++;
  });
  const lonely = firstOfA.filter((j) => j < 0).length + firstOfB.filter((i) => i < 0).length;
  return {
    characterShare: either === 0 ? NaN : both / either,
    segmentShare: matched + lonely === 0 ? NaN : matched / (matched + lonely),
  };
}
