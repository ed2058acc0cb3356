/**
 * Turn times from sync points: the researcher marks when some turns start; every other turn's
 * start is interpolated by its position in the text between the two nearest marks (people speak
 * at a roughly even pace), and each turn ends where the next one starts.
 */
export interface SyncTurn {
  idx: number;
  start: number;
  end: number;
}
export interface SyncPoint {
  turnIdx: number;
  time: number;
}

export class SyncError extends Error {}

export function interpolateTurnTimes(
  turns: SyncTurn[],
  points: SyncPoint[],
  duration: number,
  textLength: number,
): { idx: number; timeStart: number; timeEnd: number }[] {
  if (!turns.length) throw new SyncError('the document has no turns to time');
  if (!points.length) throw new SyncError('set at least one sync point');
  const byIdx = new Map(turns.map((t) => [t.idx, t]));
  const anchors = points
    .map((p) => {
      const t = byIdx.get(p.turnIdx);
      if (!t) throw new SyncError(`turn ${p.turnIdx + 1} does not exist`);
      if (!(p.time >= 0) || p.time > duration)
        throw new SyncError(`turn ${p.turnIdx + 1}: ${p.time.toFixed(1)} s is outside the recording (0-${duration.toFixed(1)} s)`);
      return { at: t.start, time: p.time, idx: p.turnIdx };
    })
    .sort((a, b) => a.at - b.at);
  for (let k = 1; k < anchors.length; k++) {
    if (anchors[k].at === anchors[k - 1].at) throw new SyncError(`turn ${anchors[k].idx + 1} has two sync points`);
    if (anchors[k].time <= anchors[k - 1].time) {
      throw new SyncError(
        `turn ${anchors[k].idx + 1} is marked at ${anchors[k].time.toFixed(1)} s, not after turn ${anchors[k - 1].idx + 1} at ${anchors[k - 1].time.toFixed(1)} s`,
      );
    }
  }
  // The text's start is the recording's start and its end the recording's end, unless a mark says otherwise.
  if (anchors[0].at > 0 && anchors[0].time > 0) anchors.unshift({ at: 0, time: 0, idx: -1 });
  const last = anchors[anchors.length - 1];
  if (last.at < textLength && last.time < duration) anchors.push({ at: textLength, time: duration, idx: -1 });
  const timeAt = (at: number): number => {
    let k = 0;
    while (k < anchors.length - 2 && anchors[k + 1].at <= at) k++;
    const a = anchors[k],
      b = anchors[Math.min(k + 1, anchors.length - 1)];
    if (b.at === a.at) return a.time;
    return Math.min(duration, Math.max(0, a.time + ((b.time - a.time) * (at - a.at)) / (b.at - a.at)));
  };
  const sorted = [...turns].sort((a, b) => a.start - b.start);
  const starts = sorted.map((t) => Math.round(timeAt(t.start) * 1000) / 1000);
  return sorted.map((t, k) => ({
    idx: t.idx,
    timeStart: starts[k],
    timeEnd: k + 1 < sorted.length ? Math.max(starts[k], starts[k + 1]) : Math.max(starts[k], Math.round(timeAt(t.end) * 1000) / 1000),
  }));
}
