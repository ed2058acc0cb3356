import { useEffect, useState } from 'react';
import type { Memo } from '@core/model/entities.ts';
import { call } from '../../api/client.ts';
import { useQuery } from '../../hooks/useQuery.ts';
import { useUi } from '../../state/ui.tsx';
import { PHASES, PHASE_MEMO_TITLE } from './phases.ts';

/** Where the analysis stands (Braun and Clarke's six phases), with a reflexive journal per phase. */
export function PhaseTracker() {
  const { ui, patch } = useUi();
  const project = useQuery('memos.list', { targetType: 'project', targetId: null });
  const journals = useQuery('memos.list', { targetType: 'phase' });
  const phaseMemo = project.data?.find((m) => m.title === PHASE_MEMO_TITLE);
  const current = Math.min(6, Math.max(1, Number(phaseMemo?.body) || 1));
  const [open, setOpen] = useState<number | null>(null);
  const shown = open ?? current;

  const setPhase = async (n: number) => {
    try {
      if (phaseMemo) await call('memos.update', { id: phaseMemo.id, body: String(n) });
      else
        await call('memos.create', {
          targetType: 'project',
          targetId: null,
          title: PHASE_MEMO_TITLE,
          body: String(n),
          author: ui.coder ?? '',
        });
    } catch (e) {
      patch({ status: (e as Error).message });
    }
  };

  return (
    <section className="home-card phases" aria-label="Analysis phases">
      <h2 className="home-h2">Analysis phase</h2>
      <ol className="phase-steps">
        {PHASES.map((p) => (
          <li
            key={p.n}
            className={`phase-step${p.n < current ? ' done' : ''}${p.n === current ? ' current' : ''}${p.n === shown ? ' shown' : ''}`}
          >
            <button className="phase-open" onClick={() => setOpen(p.n)} aria-current={p.n === current ? 'step' : undefined}>
              <span className="phase-n">{p.n < current ? '✓' : p.n}</span>
              <span className="phase-name">{p.name}</span>
              {(journals.data ?? []).some((m) => m.targetId === p.n && m.body.trim()) && (
                <span className="phase-has-memo" title="Has journal entries">
                  ✎
                </span>
              )}
            </button>
          </li>
        ))}
      </ol>
      <PhaseJournal
        key={shown}
        n={shown}
        memo={journals.data?.find((m) => m.targetId === shown)}
        isCurrent={shown === current}
        onMakeCurrent={() => void setPhase(shown)}
      />
    </section>
  );
}

function PhaseJournal({
  n,
  memo,
  isCurrent,
  onMakeCurrent,
}: {
  n: number;
  memo: Memo | undefined;
  isCurrent: boolean;
  onMakeCurrent(): void;
}) {
  const { ui, patch } = useUi();
  const phase = PHASES[n - 1];
  const [body, setBody] = useState(memo?.body ?? '');
  useEffect(() => {
    setBody(memo?.body ?? '');
  }, [memo?.id, memo?.body]);
  // Saved on leaving the field, as the other memos are: one operation in the log per edit, not per keystroke.
  const save = async () => {
    if (body === (memo?.body ?? '')) return;
    try {
      if (memo) await call('memos.update', { id: memo.id, body });
      else if (body.trim())
        await call('memos.create', { targetType: 'phase', targetId: n, title: `Journal: ${phase.name}`, body, author: ui.coder ?? '' });
    } catch (e) {
      patch({ status: (e as Error).message });
    }
  };
  return (
    <div className="phase-journal">
      <div className="phase-journal-head">
        <strong>
          {n}. {phase.name}
        </strong>
        {isCurrent ? (
          <span className="chip">current phase</span>
        ) : (
          <button className="btn" onClick={onMakeCurrent}>
            Mark as current phase
          </button>
        )}
      </div>
      <p className="muted small">{phase.prompt}</p>
      <textarea
        className="memo journal"
        rows={7}
        value={body}
        aria-label={`Reflexive journal: ${phase.name}`}
        placeholder="Reflexive journal for this phase…"
        onChange={(e) => setBody(e.target.value)}
        onBlur={() => void save()}
      />
      {memo && (
        <p className="muted small">
          Last saved {new Date(memo.updatedAt).toLocaleString()}
          {memo.author ? ` by ${memo.author}` : ''}
        </p>
      )}
    </div>
  );
}
