import { useProject } from '../../state/project.tsx';

const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/** The operation log: the audit trail of who did what, when; undone steps are struck through. */
export function HistoryPanel() {
  const { history } = useProject();
  if (!history) return null;
  if (!history.operations.length) return <p className="hint">Nothing has been done in this project yet.</p>;
  return (
    <ol className="history" aria-label="History">
      {history.operations.map((o) => (
        <li key={o.id} className={`op ${o.kind} ${o.state}`}>
          <div className="op-summary">
            {o.kind !== 'change' && <span className="tag">{o.kind}</span>}
            {o.summary}
          </div>
          <div className="muted small">
            {o.actor} · {when(o.at)}
          </div>
        </li>
      ))}
    </ol>
  );
}
