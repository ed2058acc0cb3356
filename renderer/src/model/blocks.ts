import type { Turn } from '@core/model/entities.ts';

/** A paragraph of the transcript view: a speaker turn, or stored text no turn covers (never hidden). */
export interface Block {
  start: number;
  end: number;
  speaker: string | null;
  participant: string | null;
  time: number | null;
}

export function blocksOf(text: string, turns: Turn[]): Block[] {
  const sorted = [...turns].sort((a, b) => a.start - b.start);
  const out: Block[] = [];
  let at = 0;
  const gap = (from: number, to: number) => {
    if (to > from && /\S/.test(text.slice(from, to))) out.push({ start: from, end: to, speaker: null, participant: null, time: null });
  };
  for (const t of sorted) {
    if (t.start < at) continue; // overlapping turns would duplicate text; keep the first
    gap(at, t.start);
    out.push({ start: t.start, end: t.end, speaker: t.speaker, participant: t.participant, time: t.timeStart });
    at = t.end;
  }
  gap(at, text.length);
  if (!out.length && text.length) out.push({ start: 0, end: text.length, speaker: null, participant: null, time: null });
  return out;
}

/**
 * The turns with the times given by turn index (the times re-read after a change, the turns as the
 * document was first fetched). The same array when nothing differs, so what derives from it stays.
 */
export function withTimes(
  turns: Turn[],
  times: readonly { idx: number; timeStart: number | null; timeEnd: number | null }[] | undefined,
): Turn[] {
  if (!times) return turns;
  const byIdx = new Map(times.map((t) => [t.idx, t]));
  let changed = false;
  const out = turns.map((t) => {
    const now = byIdx.get(t.idx);
    if (!now || (now.timeStart === t.timeStart && now.timeEnd === t.timeEnd)) return t;
    changed = true;
    return { ...t, timeStart: now.timeStart, timeEnd: now.timeEnd };
  });
  return changed ? out : turns;
}

/** A sync mark's time to the tenth of a second: "00:06.5". */
export function formatMark(seconds: number): string {
  const tenths = Math.round(seconds * 10);
  return `${formatTime(Math.floor(tenths / 10))}.${tenths % 10}`;
}

export function formatTime(seconds: number | null): string {
  if (seconds === null) return '';
  const s = Math.floor(seconds);
  const hh = Math.floor(s / 3600),
    mm = Math.floor((s % 3600) / 60),
    ss = s % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return hh ? `${hh}:${two(mm)}:${two(ss)}` : `${two(mm)}:${two(ss)}`;
}
