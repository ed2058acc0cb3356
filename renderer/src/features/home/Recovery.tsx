import { useState } from 'react';
import './backups.css';
import { call } from '../../api/client.ts';
import type { Output } from '@api/contract.ts';

/** What the last way out of a damaged project made, kept across the reload onto the new project. */
type Recovered =
  | { kind: 'backup'; from: string; result: Output<'app.openLatestBackup'> }
  | { kind: 'salvage'; from: string; result: Output<'app.salvage'> };
const KEY = 'thematic-recovered';

function readRecovered(): Recovered | null {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Recovered | null;
  } catch {
    return null;
  }
}

/**
 * A damaged project was refused: its sentence, and the two ways out. Each makes a new project
 * beside the damaged file (the server names it) and opens it; the damaged file is left as it is.
 */
export function DamagedOffer({ path, message }: { path: string; message: string }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (kind: 'backup' | 'salvage') => {
    setBusy(kind === 'backup' ? 'Restoring the latest good backup as a new project…' : 'Salvaging what is readable into a new project…');
    setError(null);
    try {
      const rec: Recovered =
        kind === 'backup'
          ? { kind, from: path, result: await call('app.openLatestBackup', { path }) }
          : { kind, from: path, result: await call('app.salvage', { path }) };
      sessionStorage.setItem(KEY, JSON.stringify(rec));
      window.location.reload();
    } catch (e) {
      setError((e as Error).message);
      setBusy(null);
    }
  };
  return (
    <div className="damaged-offer" role="alert" aria-label="Damaged project">
      <div className="error small">{message}</div>
      <div className="row">
        <button className="btn" disabled={!!busy} onClick={() => void run('backup')}>
          Open the latest good backup
        </button>
        <button className="btn" disabled={!!busy} onClick={() => void run('salvage')}>
          Salvage what is readable into a new project
        </button>
      </div>
      {busy && (
        <div className="small" role="status">
          {busy}
        </div>
      )}
      {error && <div className="error-banner small">{error}</div>}
    </div>
  );
}

/** After a way out: which file is open now, and for a salvage its report (what was kept, what was lost). */
export function RecoveryNotice({ openPath }: { openPath: string }) {
  const [rec, setRec] = useState<Recovered | null>(readRecovered);
  if (!rec || rec.result.path !== openPath) return null;
  const dismiss = () => {
    sessionStorage.removeItem(KEY);
    setRec(null);
  };
  const from = rec.from.split(/[\\/]/).pop();
  if (rec.kind === 'backup') {
    const b = rec.result.backup;
    return (
      <div className="recovery-notice" role="status" aria-label="Opened backup">
        <p className="small">
          {from} is damaged, so its latest good backup ({new Date(b.at).toLocaleString()}, {b.counts.documents} documents,{' '}
          {b.counts.codings} codings) was restored as this new project. The damaged file was not changed.
        </p>
        <button className="mini-btn" onClick={dismiss}>
          Dismiss
        </button>
      </div>
    );
  }
  const r = rec.result.report;
  const lost = r.tables.filter((t) => t.unreadable);
  return (
    <section className="recovery-notice" aria-label="Salvage report">
      <h3 className="home-h3">Salvage report</h3>
      <p className="small">
        What was readable of {from} is in this new project ({r.method}
        {r.recoverUnavailable ? `; ${r.recoverUnavailable}` : ''}). The damaged file was not changed.
      </p>
      <table className="small salvage-table">
        <thead>
          <tr>
            <th>Table</th>
            <th>Rows recovered</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          {r.tables.map((t) => (
            <tr key={t.table}>
              <td>{t.table}</td>
              <td>{t.rows}</td>
              <td>{t.unreadable ? 'part of it was unreadable and is lost' : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {lost.length > 0 || r.orphansRemoved.length > 0 ? (
        <ul className="small" aria-label="What was lost">
          {lost.map((t) => (
            <li key={t.table}>Some {t.table} rows could not be read.</li>
          ))}
          {r.orphansRemoved.map((o) => (
            <li key={o.table}>
              Dropped {o.rows} {o.table} row{o.rows === 1 ? '' : 's'} whose document, code or parent was lost.
            </li>
          ))}
        </ul>
      ) : (
        <p className="small">Every table was read in full.</p>
      )}
      <button className="mini-btn" onClick={dismiss}>
        Dismiss
      </button>
    </section>
  );
}
