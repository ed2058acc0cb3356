import { useState } from 'react';
import { call } from '../../api/client.ts';
import { useProject } from '../../state/project.tsx';
import { useUi } from '../../state/ui.tsx';
import { prefs } from '../../state/prefs.ts';
import { Modal } from '../../components/Modal.tsx';

const ADD = '__add__';

/** "I am coding as": every coding is signed with this name; kept per browser profile. */
export function CoderSelector() {
  const { coders } = useProject();
  const { ui, patch } = useUi();
  const names = coders.map((c) => c.name);
  if (ui.coder && !names.includes(ui.coder)) names.push(ui.coder);
  return (
    <label className="coder-select">
      <span className="muted">I am coding as</span>
      <select
        aria-label="I am coding as"
        value={ui.coder ?? ''}
        onChange={(e) => {
          if (e.target.value === ADD) return patch({ dialog: { kind: 'coder' } });
          prefs.setCoder(e.target.value);
          patch({ coder: e.target.value });
        }}
      >
        {!ui.coder && <option value="">choose…</option>}
        {names.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
        <option value={ADD}>+ Add coder…</option>
      </select>
    </label>
  );
}

export function CoderDialog() {
  const { patch } = useUi();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    try {
      const c = await call('coders.create', { name: name.trim() });
      prefs.setCoder(c.name);
      patch({ coder: c.name, dialog: null, status: `Coding as ${c.name}` });
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Modal title="Who is coding?" onClose={() => patch({ dialog: null })}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <p className="modal-text">Each coding carries its coder's name, so two coders can code the same transcripts independently.</p>
        <label>
          Your name
          <input autoFocus value={name} onChange={(e) => setName(e.target.value)} aria-label="Coder name" />
        </label>
        {error && <p className="error-text">{error}</p>}
        <div className="modal-actions">
          <button type="submit" className="btn primary" disabled={!name.trim()}>
            Start coding
          </button>
        </div>
      </form>
    </Modal>
  );
}
