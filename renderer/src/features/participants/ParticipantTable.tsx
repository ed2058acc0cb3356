import { useState } from 'react';
import { call } from '../../api/client.ts';
import { useProject } from '../../state/project.tsx';
import { useUi } from '../../state/ui.tsx';

/** Participant attributes, edited in place; each cell saves on leaving it (one undoable operation). */
export function ParticipantTable({ keys }: { keys: string[] }) {
  const { participants } = useProject();
  const { patch } = useUi();
  const [newKey, setNewKey] = useState('');
  const cols = newKey.trim() && !keys.includes(newKey.trim()) ? [...keys, newKey.trim()] : keys;
  const save = async (id: number, key: string, value: string, old: string) => {
    if (value === old) return;
    try {
      await call('participants.update', { id, attributes: { [key]: value === '' ? null : value } });
    } catch (e) {
      patch({ status: (e as Error).message });
    }
  };
  return (
    <table className="data-table editable" aria-label="Participants">
      <thead>
        <tr>
          <th>Participant</th>
          {cols.map((k) => (
            <th key={k}>{k}</th>
          ))}
          <th>
            <input
              className="cell"
              placeholder="+ attribute"
              value={newKey}
              onChange={(e) => setNewKey(e.target.value)}
              aria-label="New attribute"
            />
          </th>
        </tr>
      </thead>
      <tbody>
        {participants.map((p) => (
          <tr key={p.id}>
            <td>{p.label}</td>
            {cols.map((k) => (
              <td key={k}>
                <input
                  className="cell"
                  defaultValue={p.attributes[k] ?? ''}
                  key={`${p.id}:${k}:${p.attributes[k] ?? ''}`}
                  aria-label={`${p.label} ${k}`}
                  onBlur={(e) => void save(p.id, k, e.target.value.trim(), p.attributes[k] ?? '')}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
                  }}
                />
              </td>
            ))}
            <td />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
