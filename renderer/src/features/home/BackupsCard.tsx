import { useState } from 'react';
import type { Output } from '@api/contract.ts';
import { call } from '../../api/client.ts';
import { useQuery } from '../../hooks/useQuery.ts';
import './backups.css';

type Compare = Output<'backups.compare'>;

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const size = (bytes: number) => (bytes >= 2 ** 20 ? `${(bytes / 2 ** 20).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/**
 * Backups on the project home: the automatic snapshots beside the project, each with "restore as
 * copy" (a new project file; the open one is never replaced) and "compare with current". Also says
 * when the project is open read-only, or lives where locking cannot be trusted.
 */
export function BackupsCard() {
  const [tick, setTick] = useState(0);
  const q = useQuery('backups.list', {});
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [compared, setCompared] = useState<{ name: string; r: Compare } | null>(null);
  const [list, setList] = useState<Output<'backups.list'> | null>(null);
  const data = list && tick ? list : q.data;

  const run = async (label: string, fn: () => Promise<void>) => {
    setBusy(label);
    setError(null);
    setDone(null);
    try {
      await fn();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  };
  const refresh = async () => {
    setList(await call('backups.list', {}));
    setTick((t) => t + 1);
  };

  if (!data) return null;
  return (
    <section className="home-card" aria-label="Backups">
      <h2 className="home-h2">Backups</h2>
      {data.readOnly && (
        <div className="warn-banner" role="status">
          This project is open read-only: its file or folder cannot be written. You can read and export it; changes are refused.
        </div>
      )}
      {data.locationWarning && (
        <div className="warn-banner" role="status">
          {data.locationWarning}
        </div>
      )}
      {data.problems.map((p, k) => (
        <div key={k} className="error-banner" role="alert">
          {p}
        </div>
      ))}
      <p className="muted small">
        Saved automatically when you open the project (at most hourly) and when you close it, in{' '}
        <span className="path" title={data.folder}>
          {data.folder}
        </span>
        . The last 10 are kept, and one a day for two weeks.
      </p>
      <div className="row-gap">
        <button
          className="btn"
          disabled={!!busy}
          onClick={() =>
            void run('Backing up…', async () => {
              const b = await call('backups.create', {});
              setDone(`Backed up: ${b.name}`);
              await refresh();
            })
          }
        >
          Back up now
        </button>
      </div>
      {busy && (
        <div className="small" role="status">
          {busy}
        </div>
      )}
      {error && (
        <div className="error-banner" role="alert">
          {error}
        </div>
      )}
      {done && (
        <div className="small" role="status">
          {done}
        </div>
      )}
      {data.backups.length === 0 ? (
        <p className="small muted">No backups yet.</p>
      ) : (
        <ul className="backup-list" aria-label="Backup list">
          {data.backups.map((b) => (
            <li key={b.name} className="backup-row" aria-label={`Backup of ${when(b.at)}`}>
              <div>
                <div className="small">
                  <strong>{when(b.at)}</strong> <span className="muted">· {size(b.bytes)}</span>
                </div>
                <div className="muted small">
                  {b.counts.documents} documents · {b.counts.codes} codes · {b.counts.codings} codings
                </div>
              </div>
              <div className="row-gap">
                <button
                  className="mini-btn"
                  disabled={!!busy}
                  onClick={() =>
                    void run('Comparing…', async () => setCompared({ name: b.name, r: await call('backups.compare', { name: b.name }) }))
                  }
                >
                  Compare with current
                </button>
                <button
                  className="mini-btn"
                  disabled={!!busy}
                  onClick={() =>
                    void run('Restoring…', async () => {
                      const r = await call('backups.restoreCopy', { name: b.name });
                      setDone(
                        `Restored as a new project: ${r.path} (${r.counts.documents} documents, ${r.counts.codings} codings). The open project is unchanged.`,
                      );
                    })
                  }
                >
                  Restore as copy
                </button>
              </div>
              {compared?.name === b.name && (
                <div className="backup-compare" aria-label="Comparison with current">
                  <div className="small">From this backup to the project now:</div>
                  <ul className="small">
                    {compared.r.changes.map((c, k) => (
                      <li key={k}>{c}</li>
                    ))}
                  </ul>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
