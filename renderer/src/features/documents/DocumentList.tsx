import { useProject } from '../../state/project.tsx';
import { useUi } from '../../state/ui.tsx';
import { progressCoders } from '../../model/visibility.ts';

/** Transcripts with who was interviewed, their group, length, and how far each coder has got. */
export function DocumentList() {
  const { documents, coders } = useProject();
  const { ui, patch } = useUi();
  const max = Math.max(1, ...documents.flatMap((d) => Object.values(d.codingsByCoder)));
  const people = progressCoders(coders, ui.blind, ui.coder);
  return (
    <section className="panel-section docs-section">
      <h2 className="section-title">
        Documents <span className="count">{documents.length}</span>
      </h2>
      <ul className="doc-list">
        {documents.map((d) => (
          <li key={d.id}>
            <button
              className={`doc-item${ui.documentId === d.id ? ' selected' : ''}`}
              onClick={() => patch({ documentId: d.id, view: 'transcript', selection: null, activeCodingIds: [] })}
            >
              <span className="doc-row">
                <span className="doc-name">{d.name}</span>
                <span className="muted small">{d.wordCount.toLocaleString()} w</span>
              </span>
              <span className="doc-row small">
                <span className="participant">{d.participant ?? '—'}</span>
                {d.attributes.group && <span className="chip">{d.attributes.group}</span>}
              </span>
              <span className="progress" title={people.map((p) => `${p}: ${d.codingsByCoder[p] ?? 0} codings`).join('\n')}>
                {people.map((p) => (
                  <span key={p} className="progress-row">
                    <span className="progress-name">{p}</span>
                    <span className="progress-track">
                      <span className="progress-fill" style={{ width: `${((d.codingsByCoder[p] ?? 0) / max) * 100}%` }} />
                    </span>
                    <span className="progress-n">{d.codingsByCoder[p] ?? 0}</span>
                  </span>
                ))}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
