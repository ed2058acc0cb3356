import { REPLACEMENT_KINDS, type ReplacementKind } from '@core/anonymise/types.ts';
import { newRow, withKind, type Row } from './rows.ts';

interface Props {
  rows: Row[];
  counts: Map<number, number>;
  onChange(rows: Row[]): void;
}

/** The key: what to find, what to write instead, and how to match it. */
export function ReplacementTable({ rows, counts, onChange }: Props) {
  const set = (id: number, patch: (r: Row) => Row) => onChange(rows.map((r) => (r.id === id ? patch(r) : r)));
  return (
    <div className="an-key">
      <table className="data-table an-table" aria-label="Replacements">
        <thead>
          <tr>
            <th>Find</th>
            <th>Replace with</th>
            <th>Kind</th>
            <th>Whole word</th>
            <th>Match case</th>
            <th className="num">Found</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.id}>
              <td>
                <input
                  aria-label={`Find ${i + 1}`}
                  value={r.find}
                  placeholder={r.kind === 'pattern' ? 'regular expression' : 'e.g. Maria'}
                  className={r.kind === 'pattern' ? 'mono' : ''}
                  onChange={(e) => set(r.id, (x) => ({ ...x, find: e.target.value }))}
                />
              </td>
              <td>
                <input
                  aria-label={`Replace ${i + 1}`}
                  value={r.replace}
                  placeholder="e.g. Participant A"
                  onChange={(e) => set(r.id, (x) => ({ ...x, replace: e.target.value }))}
                />
              </td>
              <td>
                <select
                  aria-label={`Kind ${i + 1}`}
                  value={r.kind}
                  onChange={(e) => set(r.id, (x) => withKind(x, e.target.value as ReplacementKind))}
                >
                  {REPLACEMENT_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {k}
                    </option>
                  ))}
                </select>
              </td>
              <td className="center">
                <input
                  type="checkbox"
                  aria-label={`Whole word ${i + 1}`}
                  checked={r.wholeWord}
                  onChange={(e) => set(r.id, (x) => ({ ...x, wholeWord: e.target.checked }))}
                />
              </td>
              <td className="center">
                <input
                  type="checkbox"
                  aria-label={`Match case ${i + 1}`}
                  checked={r.caseSensitive}
                  onChange={(e) => set(r.id, (x) => ({ ...x, caseSensitive: e.target.checked }))}
                />
              </td>
              <td className="num" data-testid={`found-${i + 1}`}>
                {counts.get(r.id) ?? '–'}
              </td>
              <td>
                <button
                  className="icon-btn an-remove"
                  aria-label={`Remove replacement ${i + 1}`}
                  title="Remove"
                  onClick={() => onChange(rows.filter((x) => x.id !== r.id))}
                >
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button className="btn" onClick={() => onChange([...rows, newRow(rows.at(-1)?.kind === 'pattern' ? 'pattern' : 'name')])}>
        + Add replacement
      </button>
    </div>
  );
}
