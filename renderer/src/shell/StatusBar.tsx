import { useEffect } from 'react';
import { useUi } from '../state/ui.tsx';
import { useProject } from '../state/project.tsx';
import { JobProgress } from './JobProgress.tsx';

/** One quiet line at the bottom: what just happened, and the project's size. */
export function StatusBar() {
  const { ui, patch } = useUi();
  const { info } = useProject();
  useEffect(() => {
    if (!ui.status) return;
    const t = setTimeout(() => patch({ status: null }), 6000);
    return () => clearTimeout(t);
  }, [ui.status, patch]);
  return (
    <footer className="statusbar">
      <span role="status" aria-live="polite" className="status-text">
        {ui.status ?? ''}
      </span>
      <span className="grow" />
      <JobProgress />
      {info && (
        <span className="muted">
          {info.counts.documents} documents · {info.counts.codes} codes · {info.counts.codings} codings · {info.counts.coders} coders
        </span>
      )}
      <span className="muted">Press ? for shortcuts</span>
    </footer>
  );
}
