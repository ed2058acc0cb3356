import { useState } from 'react';
import type { Input } from '@api/contract.ts';
import type { Disagreement } from './SideBySide.tsx';

type Kind = Input<'reconcile.decide'>['kind'];
const KINDS: [Exclude<Kind, 'edited'>, string][] = [
  ['keep-a', 'Keep A'],
  ['keep-b', 'Keep B'],
  ['both', 'Both'],
  ['union', 'Union'],
  ['intersection', 'Intersection'],
  ['neither', 'Neither'],
];

/** The ways to resolve one disagreement; union and intersection need one code on both sides. */
type Span = { codeId: number; start: number; end: number };

export function DecisionBar({ d, onDecide }: { d: Disagreement; onDecide(kind: Kind, rationale: string, spans?: Span[]): Promise<void> }) {
  const [editing, setEditing] = useState(false);
  const [start, setStart] = useState(d.start);
  const [end, setEnd] = useState(d.end);
  const [rationale, setRationale] = useState(d.decision?.rationale ?? '');
  const [busy, setBusy] = useState(false);
  const oneCode = d.kind !== 'different-codes';
  const overlap = d.a.some((a) => d.b.some((b) => a.start < b.end && b.start < a.end));
  // Keep A where A coded nothing is a real answer (A was right: no code here), so only these two can be impossible.
  const usable = (k: Kind) => (k === 'union' ? oneCode : k === 'intersection' ? oneCode && overlap : true);
  return (
    <div className="rc-decide">
      <input
        className="rc-rationale"
        placeholder="Rationale (optional)"
        aria-label="Rationale"
        value={rationale}
        onChange={(e) => setRationale(e.target.value)}
      />
      <div className="button-row">
        {KINDS.map(([k, label]) => (
          <button
            key={k}
            className={d.decision?.kind === k ? 'btn primary' : 'btn'}
            disabled={busy || !usable(k)}
            onClick={async () => {
              setBusy(true);
              try {
                await onDecide(k, rationale);
              } finally {
                setBusy(false);
              }
            }}
          >
            {label}
          </button>
        ))}
        <button
          className={d.decision?.kind === 'edited' ? 'btn primary' : 'btn'}
          disabled={busy}
          aria-expanded={editing}
          onClick={() => setEditing(!editing)}
        >
          Edit boundaries…
        </button>
      </div>
      {editing && (
        <EditSpan
          d={d}
          start={start}
          end={end}
          setStart={setStart}
          setEnd={setEnd}
          busy={busy}
          onSave={async () => {
            setBusy(true);
            try {
              await onDecide('edited', rationale, [{ codeId: d.codeId, start, end }]);
              setEditing(false);
            } finally {
              setBusy(false);
            }
          }}
        />
      )}
    </div>
  );
}

/** Start and end as document offsets, with the words they cover shown while the context reaches. */
function EditSpan(p: {
  d: Disagreement;
  start: number;
  end: number;
  setStart(n: number): void;
  setEnd(n: number): void;
  busy: boolean;
  onSave(): Promise<void>;
}) {
  const context = p.d.before + p.d.text + p.d.after;
  const origin = p.d.start - p.d.before.length;
  const inside = p.start >= origin && p.end <= origin + context.length && p.start < p.end;
  return (
    <div className="rc-edit small">
      <label className="inline-field">
        Start <input type="number" aria-label="Edited start" value={p.start} onChange={(e) => p.setStart(Number(e.target.value))} />
      </label>
      <label className="inline-field">
        End <input type="number" aria-label="Edited end" value={p.end} onChange={(e) => p.setEnd(Number(e.target.value))} />
      </label>
      <span className="rc-edit-preview" data-testid="edited-preview">
        {inside ? `“${context.slice(p.start - origin, p.end - origin)}”` : 'outside the context shown'}
      </span>
      <button className="btn" disabled={p.busy || !(p.end > p.start)} onClick={() => void p.onSave()}>
        Save edited span
      </button>
    </div>
  );
}
