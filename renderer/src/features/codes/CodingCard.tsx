import type { Coding } from '@core/model/entities.ts';
import { useProject } from '../../state/project.tsx';
import { useUi } from '../../state/ui.tsx';
import { useCodingActions } from './useCodingActions.ts';
import { Swatch } from '../../components/Swatch.tsx';
import { CodingMemo } from './CodingMemo.tsx';
import { CodingTime } from '../media/Hear.tsx';

/** Moves an offset to the neighbouring word boundary, so nudging a coding feels like NVivo's handles. */
export function nudge(text: string, at: number, dir: 1 | -1): number {
  let i = at + dir;
  while (i > 0 && i < text.length && !(/\s/.test(text[i - 1]) !== /\s/.test(text[i]))) i += dir;
  return Math.max(0, Math.min(text.length, i));
}

export function CodingCard({ coding, text }: { coding: Coding; text: string }) {
  const { codesById } = useProject();
  const { patch } = useUi();
  const { removeCoding, resize } = useCodingActions();
  const code = codesById.get(coding.codeId);
  const move = (edge: 'start' | 'end', dir: 1 | -1) => {
    const start = edge === 'start' ? nudge(text, coding.start, dir) : coding.start;
    const end = edge === 'end' ? nudge(text, coding.end, dir) : coding.end;
    if (end > start) void resize(coding.id, start, end);
  };
  return (
    <div className="card coding-card" data-coding-id={coding.id}>
      <div className="card-title">
        <Swatch color={code?.color ?? '#999'} />
        <button className="link" onClick={() => patch({ selectedCodeId: coding.codeId, rightTab: 'code' })}>
          {code?.name ?? 'unknown code'}
        </button>
      </div>
      <div className="meta small">
        coded by <strong>{coding.coder}</strong> · {new Date(coding.createdAt).toLocaleString()} · {coding.start}–{coding.end}
      </div>
      <CodingTime codingId={coding.id} documentId={coding.documentId} />
      <blockquote className="quote">{text.slice(coding.start, coding.end)}</blockquote>
      <div className="button-row small">
        <span className="nudge" aria-label="Move the start">
          start{' '}
          <button className="mini-btn" onClick={() => move('start', -1)} aria-label="Start earlier">
            ◂
          </button>
          <button className="mini-btn" onClick={() => move('start', 1)} aria-label="Start later">
            ▸
          </button>
        </span>
        <span className="nudge" aria-label="Move the end">
          end{' '}
          <button className="mini-btn" onClick={() => move('end', -1)} aria-label="End earlier">
            ◂
          </button>
          <button className="mini-btn" onClick={() => move('end', 1)} aria-label="End later">
            ▸
          </button>
        </span>
        <span className="grow" />
        <button className="btn danger-quiet" onClick={() => void removeCoding(coding.id)}>
          Remove
        </button>
      </div>
      <CodingMemo codingId={coding.id} />
    </div>
  );
}
