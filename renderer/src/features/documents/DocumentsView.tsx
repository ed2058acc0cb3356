import { useState } from 'react';
import { useQuery } from '../../hooks/useQuery.ts';
import { useProject } from '../../state/project.tsx';
import { useUi } from '../../state/ui.tsx';
import { progressCoders } from '../../model/visibility.ts';
import { ParticipantTable } from '../participants/ParticipantTable.tsx';
import { ImportPanel } from './ImportPanel.tsx';

/** All documents as a table, filterable by a participant attribute (e.g. group = patient). */
export function DocumentsView() {
  const { participants, coders, attributeKeys: keys } = useProject();
  const { ui, patch } = useUi();
  const [key, setKey] = useState(keys.includes('group') ? 'group' : (keys[0] ?? ''));
  const [value, setValue] = useState('');
  const values = [...new Set(participants.map((p) => p.attributes[key]).filter(Boolean))].sort();
  const docs = useQuery('documents.list', key && value ? { attribute: { key, value } } : {});
  const people = progressCoders(coders, ui.blind, ui.coder);
  return (
    <div className="table-view">
      <div className="view-header">
        <h1>Documents</h1>
        <span className="grow" />
        <label className="inline-field small">
          Filter
          <select
            aria-label="Filter attribute"
            value={key}
            onChange={(e) => {
              setKey(e.target.value);
              setValue('');
            }}
          >
            {keys.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
          <select aria-label="Filter value" value={value} onChange={(e) => setValue(e.target.value)}>
            <option value="">any</option>
            {values.map((v) => (
              <option key={v}>{v}</option>
            ))}
          </select>
        </label>
      </div>
      <ImportPanel />
      <table className="data-table" aria-label="Documents">
        <thead>
          <tr>
            <th>Document</th>
            <th>Participant</th>
            {keys.map((k) => (
              <th key={k}>{k}</th>
            ))}
            <th className="num">Words</th>
            {people.map((p) => (
              <th key={p} className="num">
                {p}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {(docs.data ?? []).map((d) => (
            <tr key={d.id} onClick={() => patch({ documentId: d.id, view: 'transcript' })} className="clickable">
              <td>{d.name}</td>
              <td>{d.participant ?? '—'}</td>
              {keys.map((k) => (
                <td key={k}>{d.attributes[k] ?? ''}</td>
              ))}
              <td className="num">{d.wordCount.toLocaleString()}</td>
              {people.map((p) => (
                <td key={p} className="num">
                  {d.codingsByCoder[p] ?? 0}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <h2 className="section-title">Participants</h2>
      <ParticipantTable keys={keys} />
    </div>
  );
}
