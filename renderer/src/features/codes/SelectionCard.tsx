import type { Coding } from '@core/model/entities.ts';
import { useUi } from '../../state/ui.tsx';
import { useProject } from '../../state/project.tsx';
import { useCodingActions } from './useCodingActions.ts';
import { Swatch } from '../../components/Swatch.tsx';

/** The current selection and what can be done with it; also which codes already touch it. */
export function SelectionCard({ visible }: { visible: Coding[] }) {
  const { patch } = useUi();
  const { codesById } = useProject();
  const { selection, inVivo } = useCodingActions();
  if (!selection)
    return (
      <p className="hint">
        Select text in the transcript, then press <kbd>C</kbd> to apply a code, <kbd>N</kbd> for a new code or <kbd>V</kbd> to code in vivo.
        Click coded text to see its codings.
      </p>
    );
  const touching = visible.filter((c) => c.start < selection.end && c.end > selection.start);
  const codeIds = [...new Set(touching.map((c) => c.codeId))];
  return (
    <div className="card selection-card" data-testid="selection-card">
      <div className="card-title">
        Selection{' '}
        <span className="muted small">
          {selection.start}–{selection.end} · {selection.end - selection.start} characters
        </span>
      </div>
      <blockquote className="quote">{selection.text.length > 300 ? selection.text.slice(0, 300) + '…' : selection.text}</blockquote>
      <div className="button-row">
        <button className="btn primary" onClick={() => patch({ dialog: { kind: 'picker' } })}>
          Apply code <kbd>C</kbd>
        </button>
        <button className="btn" onClick={() => patch({ dialog: { kind: 'newCode' } })}>
          New code <kbd>N</kbd>
        </button>
        <button className="btn" onClick={() => void inVivo()}>
          In vivo <kbd>V</kbd>
        </button>
      </div>
      {codeIds.length > 0 && (
        <div className="codes-at">
          <div className="label">Codes at the selection</div>
          {codeIds.map((id) => (
            <div key={id} className="code-chip">
              <Swatch color={codesById.get(id)?.color ?? '#999'} />
              {codesById.get(id)?.name}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
