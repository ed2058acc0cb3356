import { useState } from 'react';
import type { Input } from '../../../src/api/contract.ts';
import type { Disagreement } from './SideBySide.tsx';

type Kind = Input<'reconcile.decide'>['kind'];
const KINDS: [Exclude<Kind, 'edited'>, string][] = [
  ['keep-a', 'Keep A'], ['keep-b', 'Keep B'], ['both', 'Both'], ['union', 'Union'], ['intersection', 'Intersection'], ['neither', 'Neither'],
];

/** The ways to resolve one disagreement; union and intersection need one code on both sides. */
export function DecisionBar({ d, onDecide }: { d: Disagreement; onDecide(kind: Kind, rationale: string): Promise<void> }) {
  const [rationale, setRationale] = useState(d.decision?.rationale ?? '');
  const [busy, setBusy] = useState(false);
  const oneCode = d.kind !== 'different-codes';
  const overlap = d.a.some((a) => d.b.some((b) => a.start < b.end && b.start < a.end));
  // Keep A where A coded nothing is a real answer (A was right: no code here), so only these two can be impossible.
  const usable = (k: Kind) => (k === 'union' ? oneCode : k === 'intersection' ? oneCode && overlap : true);
  return (
    <div className="rc-decide">
      <input className="rc-rationale" placeholder="Rationale (optional)" aria-label="Rationale" value={rationale} onChange={(e) => setRationale(e.target.value)} />
      <div className="button-row">
        {KINDS.map(([k, label]) => (
          <button key={k} className={d.decision?.kind === k ? 'btn primary' : 'btn'} disabled={busy || !usable(k)} onClick={async () => {
            setBusy(true);
            try { await onDecide(k, rationale); } finally { setBusy(false); }
          }}>{label}</button>
        ))}
      </div>
    </div>
  );
}
