import type { Code } from '@core/model/entities.ts';
import { useProject } from '../../state/project.tsx';
import { useUi } from '../../state/ui.tsx';
import type { Combine } from '../../model/overlap.ts';
import { Swatch } from '../../components/Swatch.tsx';

const MODES: [Combine, string, string][] = [
  ['and', 'AND', 'Passages where all these codes overlap'],
  ['or', 'OR', 'Passages coded with any of these codes'],
  ['not', 'NOT', 'Codings of the first code that overlap none of the others'],
];

/** The codes a retrieval combines: the one chosen in the codebook first, then any added here. */
export function CombineBar({ first }: { first: Code }) {
  const { codes, codesById } = useProject();
  const { ui, patch } = useUi();
  const extra = ui.combine.codeIds.filter((id) => id !== first.id && codesById.has(id));
  const set = (p: Partial<typeof ui.combine>) => patch({ combine: { ...ui.combine, ...p } });
  const word = MODES.find((m) => m[0] === ui.combine.mode)![1];
  return (
    <div className="combine-bar" aria-label="Combine codes">
      {extra.length > 0 && (
        <div className="segmented light" role="radiogroup" aria-label="Combine with">
          {MODES.map(([m, label, title]) => (
            <button
              key={m}
              role="radio"
              aria-checked={ui.combine.mode === m}
              className={ui.combine.mode === m ? 'on' : ''}
              title={title}
              onClick={() => set({ mode: m })}
            >
              {label}
            </button>
          ))}
        </div>
      )}
      {extra.length > 0 && (
        <span className="combine-expr">
          <span className="chip-code">
            <Swatch color={first.color} />
            {first.name}
          </span>
        </span>
      )}
      {extra.map((id) => {
        const c = codesById.get(id)!;
        return (
          <span key={id} className="combine-expr">
            <span className="op-word">{ui.combine.mode === 'not' ? (id === extra[0] ? 'NOT' : 'OR') : word}</span>
            <span className="chip-code">
              <Swatch color={c.color} />
              {c.name}
              <button className="chip-x" aria-label={`Remove ${c.name}`} onClick={() => set({ codeIds: extra.filter((x) => x !== id) })}>
                ×
              </button>
            </span>
          </span>
        );
      })}
      <select
        aria-label="Add a code to combine"
        value=""
        onChange={(e) => {
          if (e.target.value) set({ codeIds: [...extra, Number(e.target.value)] });
        }}
      >
        <option value="">+ combine with a code…</option>
        {codes
          .filter((c) => c.id !== first.id && !extra.includes(c.id))
          .sort((a, b) => a.name.localeCompare(b.name))
          .map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
      </select>
    </div>
  );
}
