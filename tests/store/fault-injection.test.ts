// Issue 13: kill -9 at random moments (the CI share of bench/fault-bench.ts, which runs 100 trials).
import { describe, expect, it } from 'vitest';
import { KINDS, runTrials } from '../../bench/fault-kit.ts';

describe('fault injection', () => {
  it('after kill -9 during imports, codings, decisions and backups the project opens whole with every acknowledged operation', async () => {
    const trials = await runTrials(5, 7, 2500);
    expect(trials.map((t) => t.kind)).toEqual([...KINDS, KINDS[0]]);
    for (const t of trials) expect(t.problems, `${t.kind} killed at ${t.killAfterMs} ms`).toEqual([]);
    expect(trials.reduce((a, t) => a + t.acked, 0)).toBeGreaterThan(0); // the kills landed during work
  }, 240_000);
});
