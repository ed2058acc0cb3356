import { useMemo, useState } from 'react';
import { call } from '../../api/client.ts';
import { useQuery } from '../../hooks/useQuery.ts';
import { useProject } from '../../state/project.tsx';
import { useUi } from '../../state/ui.tsx';
import { download } from '../../lib/download.ts';
import { Swatch } from '../../components/Swatch.tsx';
import { SideBySide, type Disagreement } from './SideBySide.tsx';
import { DecisionBar } from './DecisionBar.tsx';
import { AgreementTable } from './AgreementTable.tsx';
import { KIND_LABEL, ReconcileFilters, type Filters } from './ReconcileFilters.tsx';
import './reconcile.css';

const DECIDED: Record<string, string> = {
  'keep-a': 'kept A',
  'keep-b': 'kept B',
  both: 'kept both',
  union: 'union',
  intersection: 'intersection',
  edited: 'edited',
  neither: 'neither',
};

/**
 * Disagreement review: every place two coders differ, side by side, resolved one by one into the
 * consensus coder; agreed passages go in with one click. Each decision is logged with its rationale.
 */
export function ReconcileView() {
  const { ui, patch } = useUi();
  const { coders, codesById } = useProject();
  const people = coders.filter((c) => !c.isConsensus).map((c) => c.name);
  const consensus = coders.find((c) => c.isConsensus)?.name ?? 'Consensus';
  // The first two coders until the researcher picks others.
  const [chosen, setPair] = useState<[string, string] | null>(null);
  const pair = chosen ?? (people.length >= 2 ? [people[0], people[1]] : null);
  const [f, setF] = useState<Filters>({ codeId: null, kind: '', status: 'all', sort: 'code' });
  const [error, setError] = useState<string | null>(null);
  const [a, b] = pair ?? ['', ''];
  const ok = !!pair && a !== b;
  const q = useQuery('reconcile.list', ok && !ui.blind ? { coderA: a, coderB: b, consensus, status: 'all', context: 100 } : null);

  const shown = useMemo(
    () =>
      (q.data?.items ?? []).filter(
        (d) =>
          (f.codeId === null || d.codeId === f.codeId) &&
          (!f.kind || d.kind === f.kind) &&
          (f.status === 'all' || (f.status === 'resolved') === !!d.decision),
      ),
    [q.data, f],
  );
  const grouped = useMemo(() => {
    const m = new Map<string, Disagreement[]>();
    for (const d of shown)
      (m.get(`${d.codeId}:${d.documentId}`) ?? m.set(`${d.codeId}:${d.documentId}`, []).get(`${d.codeId}:${d.documentId}`)!).push(d);
    const groups = (q.data?.groups ?? [])
      .filter((g) => m.has(`${g.codeId}:${g.documentId}`))
      .map((g) => ({ g, items: m.get(`${g.codeId}:${g.documentId}`)! }));
    const open = (x: { items: Disagreement[] }) => x.items.filter((d) => !d.decision).length;
    const size = (x: { items: Disagreement[] }) => Math.max(...x.items.map((d) => d.end - d.start));
    const doc = (x: { items: Disagreement[] }) => x.items[0].document;
    const order: Record<Filters['sort'], (p: (typeof groups)[number], q: (typeof groups)[number]) => number> = {
      code: () => 0, // the server's order: by code, then document
      document: (p, q) => doc(p).localeCompare(doc(q), undefined, { numeric: true }),
      'open-first': (p, q) => Number(open(q) > 0) - Number(open(p) > 0),
      largest: (p, q) => size(q) - size(p),
    };
    return groups.sort(order[f.sort]);
  }, [shown, q.data, f.sort]);

  if (ui.blind) return <div className="empty-state">Blind mode is on. Turn it off in the top bar to review the coders' disagreements.</div>;
  if (people.length < 2) return <div className="empty-state">Reconciliation needs two coders: add a second coder in the top bar.</div>;

  const run = async (what: () => Promise<string>) => {
    setError(null);
    try {
      patch({ status: await what() });
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const coderSelect = (label: string, value: string, i: 0 | 1) => (
    <label className="inline-field small">
      {label}
      <select aria-label={label} value={value} onChange={(e) => setPair(i === 0 ? [e.target.value, b] : [a, e.target.value])}>
        {people.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </label>
  );
  const p = q.data?.progress;
  const agreed = q.data?.agreed;
  return (
    <div className="table-view rc-view">
      <div className="view-header">
        <h1>Reconcile</h1>
        {coderSelect('Coder A', a, 0)}
        {coderSelect('Coder B', b, 1)}
        <span className="muted small">into “{consensus}”</span>
        <span className="grow" />
        {p && (
          <span className="rc-progress" data-testid="reconcile-progress">
            {p.resolved} of {p.total} resolved
          </span>
        )}
      </div>
      {!ok && <p className="error-text">Choose two different coders.</p>}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {q.error && <p className="error-text">{q.error}</p>}
      <div className="rc-summary">
        {ok && <AgreementTable coderA={a} coderB={b} consensus={consensus} hasConsensus={coders.some((c) => c.name === consensus)} />}
        <div className="rc-actions">
          <button
            className="btn primary"
            disabled={!agreed || agreed.accepted >= agreed.passages}
            onClick={() =>
              void run(async () => {
                const r = await call('reconcile.acceptAgreed', { coderA: a, coderB: b, consensus });
                return `Accepted ${r.accepted} agreed passages (${r.codings} codings) into ${consensus}`;
              })
            }
          >
            Accept all agreed codings into consensus
          </button>
          {agreed && (
            <span className="muted small">
              {agreed.accepted} of {agreed.passages} agreed passages accepted
            </span>
          )}
          <button
            className="btn"
            disabled={!ok}
            onClick={() =>
              void run(async () => {
                const r = await call('reconcile.log', { coderA: a, coderB: b, consensus });
                download(`decision-log-${a}-${b}.csv`.replace(/[^\w.-]+/g, '-'), 'text/csv', r.csv);
                return `Downloaded ${r.decisions.length} decisions`;
              })
            }
          >
            Download decision log (CSV)
          </button>
        </div>
      </div>
      {q.data && <ReconcileFilters f={f} set={setF} groups={q.data.groups} />}
      {q.data && !shown.length && (
        <p className="hint">{q.data.items.length ? 'No disagreement matches these filters.' : `${a} and ${b} agree everywhere.`}</p>
      )}
      {grouped.map(({ g, items }) => (
        <section key={`${g.codeId}:${g.documentId}`} className="rc-group">
          <h2 className="rc-group-title">
            <Swatch color={codesById.get(g.codeId)?.color ?? '#888'} /> {g.code}{' '}
            <span className="muted">
              · {g.document} · {g.resolved} of {g.total} resolved
            </span>
          </h2>
          <ol className="rc-list">
            {items.map((d) => (
              <li key={d.key} className={d.decision ? 'rc-item resolved' : 'rc-item'} data-key={d.key}>
                <div className="rc-item-head small">
                  <span className="chip">{KIND_LABEL[d.kind]}</span>
                  {d.otherCode && (
                    <span className="muted">
                      {d.code} / {d.otherCode}
                    </span>
                  )}
                  <span className="grow" />
                  {d.decision && (
                    <span className="rc-decided">
                      Resolved: {DECIDED[d.decision.kind] ?? d.decision.kind}
                      {d.decision.rationale ? ` — “${d.decision.rationale}”` : ''} <span className="muted">({d.decision.decidedBy})</span>
                    </span>
                  )}
                </div>
                <SideBySide d={d} coderA={a} coderB={b} />
                <DecisionBar
                  d={d}
                  onDecide={(kind, rationale, spans) =>
                    run(async () => {
                      await call('reconcile.decide', { coderA: a, coderB: b, consensus, key: d.key, kind, rationale, spans });
                      return `Resolved: ${DECIDED[kind]} (${d.code}, ${d.document})`;
                    })
                  }
                />
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
