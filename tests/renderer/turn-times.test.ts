import { describe, expect, it } from 'vitest';
import { formatMark, withTimes } from '../../renderer/src/model/blocks.ts';
import type { Turn } from '../../src/core/model/entities.ts';

const turn = (idx: number, timeStart: number | null, timeEnd: number | null): Turn => ({
  id: idx + 10,
  idx,
  speaker: 'P4',
  participantId: null,
  participant: null,
  start: idx * 20,
  end: idx * 20 + 19,
  timeStart,
  timeEnd,
});

describe("the open transcript's turns with their current times", () => {
  const untimed = [turn(0, null, null), turn(1, null, null), turn(2, null, null)];

  it('takes the times re-read after a change (sync points saved), by turn index, keeping text offsets and speakers', () => {
    const out = withTimes(untimed, [
      { idx: 2, timeStart: 6.5, timeEnd: 9 },
      { idx: 0, timeStart: 0.5, timeEnd: 3 },
      { idx: 1, timeStart: 3, timeEnd: 6.5 },
    ]);
    expect(out.map((t) => [t.timeStart, t.timeEnd])).toEqual([
      [0.5, 3],
      [3, 6.5],
      [6.5, 9],
    ]);
    expect(out.map((t) => [t.id, t.start, t.end, t.speaker])).toEqual(untimed.map((t) => [t.id, t.start, t.end, t.speaker]));
  });

  it('goes back to no times when an undo cleared them, though the document was fetched timed', () => {
    const timed = [turn(0, 0.5, 3), turn(1, 3, 6.5), turn(2, 6.5, 9)];
    const out = withTimes(
      timed,
      [0, 1, 2].map((idx) => ({ idx, timeStart: null, timeEnd: null })),
    );
    expect(out.map((t) => t.timeStart)).toEqual([null, null, null]);
    expect(out.map((t) => t.timeEnd)).toEqual([null, null, null]);
  });

  it('is the same array while the times are not known yet or unchanged (what derives from it is not recomputed)', () => {
    expect(withTimes(untimed, undefined)).toBe(untimed);
    expect(
      withTimes(
        untimed,
        untimed.map((t) => ({ idx: t.idx, timeStart: null, timeEnd: null })),
      ),
    ).toBe(untimed);
    const out = withTimes(untimed, [{ idx: 1, timeStart: 2, timeEnd: 4 }]);
    expect(out).not.toBe(untimed);
    expect(out[0]).toBe(untimed[0]);
  });
});

describe("a sync mark's time", () => {
  it('shows tenths of a second, rounded', () => {
    expect(formatMark(6.5)).toBe('00:06.5');
    expect(formatMark(0.04)).toBe('00:00.0');
    expect(formatMark(59.96)).toBe('01:00.0');
    expect(formatMark(3725.25)).toBe('1:02:05.3');
  });
});
