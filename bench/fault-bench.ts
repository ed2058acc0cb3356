// Fault-injection benchmark (issue 13): N kill -9 trials (default 100) over imports, coding bursts,
// reconciliation decisions and backups. Prints JSON with every failure. Usage:
//   npm exec -- node bench/fault-bench.ts [--trials N] [--seed N] [--max-kill-ms N]
import { KINDS, runTrials } from './fault-kit.ts';
import { arg } from './kit.ts';

const t0 = Date.now();
const trials = await runTrials(arg('trials', 100), arg('seed', 1), arg('max-kill-ms', 1500), (t) =>
  process.stderr.write(
    `${t.ok ? 'ok  ' : 'FAIL'} ${t.kind} killed at ${t.killAfterMs} ms after ${t.acked} acks${t.ok ? '' : `: ${t.problems.join('; ')}`}\n`,
  ),
);
const by = Object.fromEntries(
  KINDS.map((k) => {
    const ts = trials.filter((t) => t.kind === k);
    return [k, { trials: ts.length, ok: ts.filter((t) => t.ok).length, acknowledgedOperations: ts.reduce((a, t) => a + t.acked, 0) }];
  }),
);
console.log(
  JSON.stringify(
    {
      benchmark: 'fault-injection',
      trials: trials.length,
      ok: trials.filter((t) => t.ok).length,
      failed: trials.filter((t) => !t.ok).map((t) => ({ kind: t.kind, killAfterMs: t.killAfterMs, problems: t.problems })),
      byKind: by,
      withBackups: trials.filter((t) => t.backups > 0).length,
      seconds: Math.round((Date.now() - t0) / 1000),
      checks:
        'after each kill: the project opens, integrity_check ok, every acknowledged operation present, the newest backup opens and passes quick_check',
    },
    null,
    2,
  ),
);
