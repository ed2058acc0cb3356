import { useMemo, useState } from 'react';
import type { Code } from '@core/model/entities.ts';
import { useProject } from '../../state/project.tsx';
import { useUi } from '../../state/ui.tsx';
import { prefs } from '../../state/prefs.ts';
import { useCodingActions } from './useCodingActions.ts';
import { Modal } from '../../components/Modal.tsx';
import { Swatch } from '../../components/Swatch.tsx';

type Choice = { kind: 'code'; code: Code; recent: boolean } | { kind: 'create'; name: string };

/** Search-as-you-type code picker: recent codes first, then matches; Enter applies, or creates the code typed. */
export function CodePicker() {
  const { codes, codesById } = useProject();
  const { patch } = useUi();
  const { selection, applyCode, createCode } = useCodingActions();
  const [q, setQ] = useState('');
  const [at, setAt] = useState(0);
  const choices = useMemo<Choice[]>(() => {
    const needle = q.trim().toLocaleLowerCase();
    const recent = prefs
      .recentCodes()
      .map((id) => codesById.get(id))
      .filter((c): c is Code => !!c);
    const rest = codes.filter((c) => !recent.includes(c)).sort((a, b) => a.name.localeCompare(b.name));
    const match = (c: Code) => !needle || c.name.toLocaleLowerCase().includes(needle);
    const list: Choice[] = [
      ...recent.filter(match).map((code) => ({ kind: 'code' as const, code, recent: true })),
      ...rest.filter(match).map((code) => ({ kind: 'code' as const, code, recent: false })),
    ];
    if (needle && !codes.some((c) => c.name.toLocaleLowerCase() === needle)) list.push({ kind: 'create', name: q.trim() });
    return list;
  }, [q, codes, codesById]);
  const close = () => patch({ dialog: null });
  const choose = (c: Choice | undefined) => {
    if (!c) return;
    if (c.kind === 'code') void applyCode(c.code.id);
    else void createCode(c.name, null);
  };
  return (
    <Modal title="Apply a code" onClose={close}>
      {selection ? (
        <p className="picker-quote">“{selection.text.length > 140 ? selection.text.slice(0, 140) + '…' : selection.text}”</p>
      ) : (
        <p className="modal-text">Select some text in the transcript first.</p>
      )}
      <input
        className="picker-input"
        autoFocus
        placeholder="Type to search codes, or a new code name"
        value={q}
        aria-label="Code name"
        role="combobox"
        aria-expanded="true"
        aria-controls="picker-list"
        aria-autocomplete="list"
        aria-activedescendant={choices.length ? `picker-option-${at}` : undefined}
        onChange={(e) => {
          setQ(e.target.value);
          setAt(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setAt((k) => Math.min(k + 1, choices.length - 1));
          }
          if (e.key === 'ArrowUp') {
            e.preventDefault();
            setAt((k) => Math.max(k - 1, 0));
          }
          if (e.key === 'Enter') {
            e.preventDefault();
            choose(choices[at]);
          }
        }}
      />
      <ul className="picker-list" role="listbox" id="picker-list" aria-label="Codes" tabIndex={-1}>
        {choices.slice(0, 60).map((c, k) => (
          <li
            key={c.kind === 'code' ? c.code.id : 'new'}
            id={`picker-option-${k}`}
            role="option"
            aria-selected={k === at}
            className={k === at ? 'active' : ''}
            onMouseEnter={() => setAt(k)}
            onClick={() => choose(c)}
          >
            {c.kind === 'code' ? (
              <>
                <Swatch color={c.code.color} />
                <span className="grow">{c.code.name}</span>
                {c.recent && <span className="tag">recent</span>}
              </>
            ) : (
              <>
                <span className="plus">+</span>
                <span className="grow">Create code “{c.name}”</span>
              </>
            )}
          </li>
        ))}
      </ul>
    </Modal>
  );
}
