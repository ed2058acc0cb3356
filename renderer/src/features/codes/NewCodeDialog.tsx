import { useState } from 'react';
import { useProject } from '../../state/project.tsx';
import { useUi } from '../../state/ui.tsx';
import { useCodingActions } from './useCodingActions.ts';
import { codeTree, flatten, nextColour } from '../../model/codeTree.ts';
import { Modal } from '../../components/Modal.tsx';

/** A new code (under a parent, with a colour); applied to the selection when there is one. */
export function NewCodeDialog() {
  const { codes } = useProject();
  const { ui, patch } = useUi();
  const { selection, createCode } = useCodingActions();
  const [name, setName] = useState('');
  const [parent, setParent] = useState<number | null>(ui.selectedCodeId);
  const [color, setColor] = useState(nextColour(codes));
  const submit = () => {
    if (name.trim()) void createCode(name.trim(), parent, color, !!selection);
  };
  return (
    <Modal title={selection ? 'New code for the selection' : 'New code'} onClose={() => patch({ dialog: null })}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <label>
          Name
          <input autoFocus value={name} onChange={(e) => setName(e.target.value)} aria-label="New code name" />
        </label>
        <label>
          Parent
          <select value={parent ?? ''} onChange={(e) => setParent(e.target.value ? Number(e.target.value) : null)}>
            <option value="">(top level)</option>
            {flatten(codeTree(codes)).map((n) => (
              <option key={n.code.id} value={n.code.id}>
                {'\u2003'.repeat(n.depth)}
                {n.code.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Colour
          <input type="color" value={color} onChange={(e) => setColor(e.target.value)} />
        </label>
        <div className="modal-actions">
          <button type="button" className="btn" onClick={() => patch({ dialog: null })}>
            Cancel
          </button>
          <button type="submit" className="btn primary" disabled={!name.trim()}>
            {selection ? 'Create and apply' : 'Create'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
