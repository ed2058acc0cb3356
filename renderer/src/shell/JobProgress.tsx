import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Output } from '@api/contract.ts';
import { call, longCallsPending } from '../api/client.ts';

type Job = Output<'jobs.list'>[number];

const LABEL: Record<string, string> = {
  'refi.import': 'Importing REFI-QDA',
  'refi.export': 'Exporting REFI-QDA',
  'anonymise.export': 'Anonymised copy',
  'anonymise.report': 'Anonymised report',
  'reports.export': 'Report',
  'agreement.compute': 'Agreement',
  'agreement.report': 'Agreement report',
  'reconcile.coderCopy': 'Coder copy',
};

/**
 * Long work runs in a background job on the service; while the page awaits one, this asks the
 * service (jobs.list, through the same transport as every call) what it is doing, every 300 ms.
 */
export function JobProgress() {
  const pending = useSyncExternalStore(longCallsPending.subscribe, longCallsPending.get);
  const [jobs, setJobs] = useState<Job[]>([]);
  useEffect(() => {
    if (!pending) {
      setJobs([]);
      return;
    }
    let stopped = false;
    const poll = () => {
      call('jobs.list', {}).then(
        (j) => {
          if (!stopped) setJobs(j);
        },
        () => {},
      );
    };
    poll();
    const t = setInterval(poll, 300);
    return () => {
      stopped = true;
      clearInterval(t);
    };
  }, [pending]);
  if (!jobs.length) return null;
  return (
    <span className="job-progress" aria-label="Background work">
      {jobs.map((j) => (
        <span
          key={j.id}
          className="job"
          role="progressbar"
          aria-valuetext={`${LABEL[j.method] ?? j.method}: ${j.phase}`}
          aria-valuemin={0}
          aria-valuemax={j.total}
          aria-valuenow={j.done}
        >
          <span className="spinner" aria-hidden="true" /> {LABEL[j.method] ?? j.method}: {j.phase}
          {j.total ? <progress max={j.total} value={j.done ?? 0} /> : null}
        </span>
      ))}
    </span>
  );
}
