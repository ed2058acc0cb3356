import { useEffect, useMemo, useState } from 'react';
import type { Code } from '@core/model/entities.ts';
import { call } from '../../api/client.ts';
import { useProject } from '../../state/project.tsx';
import { useUi } from '../../state/ui.tsx';
import { codeTree, flatten, subtreeIds } from '../../model/codeTree.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';

type Fields = Pick<Code, 'name' | 'color' | 'definition' | 'whenToUse' | 'whenNotToUse' | 'example'>;
const pick = (c: Code): Fields => ({
  name: c.name,
  color: c.color,
  definition: c.definition,
  whenToUse: c.whenToUse,
  whenNotToUse: c.whenNotToUse,
  example: c.example,
});

/** One code's definition card: rename, colour, definition fields; merge and delete behind a confirmation. */
export function CodeDetails() {
  const { codes, codesById } = useProject();
  const { ui, patch } = useUi();
  const code = ui.selectedCodeId !== null ? codesById.get(ui.selectedCodeId) : undefined;
  const [f, setF] = useState<Fields | null>(null);
  const [mergeInto, setMergeInto] = useState<number | null>(null);
  const [confirm, setConfirm] = useState<null | 'delete' | 'merge'>(null);
  useEffect(() => {
    setF(code ? pick(code) : null);
  }, [code]);
  // Not re-derived on every keystroke in the form: the tree and the code's subtree change only with the codebook.
  const targets = useMemo(() => {
    if (!code) return [];
    const own = subtreeIds(codes, code.id);
    return flatten(codeTree(codes)).filter((n) => !own.has(n.code.id));
  }, [codes, code]);
  if (!code || !f) return <p className="hint">Choose a code in the codebook to see and edit its definition.</p>;
  const dirty = JSON.stringify(f) !== JSON.stringify(pick(code));
  const run = async (what: string, fn: () => Promise<unknown>) => {
    try {
      await fn();
      patch({ status: what });
    } catch (e) {
      patch({ status: (e as Error).message });
    }
  };
  const save = () => run(`Saved “${f.name}”`, () => call('codes.update', { id: code.id, ...f, name: f.name.trim() }));
  const field = (k: keyof Fields, label: string, rows = 2) => (
    <label>
      {label}
      <textarea rows={rows} value={f[k]} onChange={(e) => setF({ ...f, [k]: e.target.value })} aria-label={label} />
    </label>
  );
  return (
    <div className="code-details" data-code-id={code.id}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="name-row">
          <input type="color" value={f.color} onChange={(e) => setF({ ...f, color: e.target.value })} aria-label="Code colour" />
          <input className="code-name-input" value={f.name} onChange={(e) => setF({ ...f, name: e.target.value })} aria-label="Code name" />
        </div>
        <div className="stats small">
          <span>
            <strong>{code.codingCount}</strong> codings
          </span>
          <span>
            <strong>{code.documentCount}</strong> documents
          </span>
          <span>
            <strong>{code.participantCount}</strong> participants
          </span>
          {code.inVivo && <span className="tag">in vivo</span>}
        </div>
        {field('definition', 'Definition', 3)}
        {field('whenToUse', 'When to use')}
        {field('whenNotToUse', 'When not to use')}
        {field('example', 'Example')}
        <div className="button-row">
          <button type="submit" className="btn primary" disabled={!dirty || !f.name.trim()}>
            Save
          </button>
          <button type="button" className="btn" onClick={() => patch({ view: 'quotes' })}>
            Show quotes
          </button>
        </div>
      </form>
      <div className="danger-zone">
        <div className="button-row">
          <select
            value={mergeInto ?? ''}
            onChange={(e) => setMergeInto(e.target.value ? Number(e.target.value) : null)}
            aria-label="Merge into"
          >
            <option value="">Merge into…</option>
            {targets.map((n) => (
              <option key={n.code.id} value={n.code.id}>
                {'\u2003'.repeat(n.depth)}
                {n.code.name}
              </option>
            ))}
          </select>
          <button className="btn" disabled={mergeInto === null} onClick={() => setConfirm('merge')}>
            Merge
          </button>
          <span className="grow" />
          <button className="btn danger-quiet" onClick={() => setConfirm('delete')}>
            Delete code
          </button>
        </div>
      </div>
      {confirm === 'delete' && (
        <ConfirmDialog
          title="Delete code"
          danger
          confirm="Delete"
          message={`Delete “${code.name}”${code.codingCount ? ` and its ${code.codingCount} codings` : ''}, with any sub-codes? You can undo this.`}
          onCancel={() => setConfirm(null)}
          onConfirm={() => {
            setConfirm(null);
            void run(`Deleted “${code.name}”`, () => call('codes.delete', { id: code.id, withCodings: true })).then(() =>
              patch({ selectedCodeId: null }),
            );
          }}
        />
      )}
      {confirm === 'merge' && mergeInto !== null && (
        <ConfirmDialog
          title="Merge codes"
          confirm="Merge"
          message={`Move all ${code.codingCount} codings of “${code.name}” to “${codesById.get(mergeInto)?.name}” and remove “${code.name}”?`}
          onCancel={() => setConfirm(null)}
          onConfirm={() => {
            setConfirm(null);
            void run('Merged', () => call('codes.merge', { sourceId: code.id, targetId: mergeInto })).then(() =>
              patch({ selectedCodeId: mergeInto }),
            );
          }}
        />
      )}
    </div>
  );
}
