import { useState, type ReactNode } from 'react';
import type { Output } from '@api/contract.ts';

type Preview = Output<'anonymise.preview'>;

// The server sends up to 40 characters each side: fewer means the text ended there (or an emoji was kept whole).
const cut = (s: string) => s.length >= 40;

// Context is shown as text with the match marked: React escapes it, nothing is ever parsed as HTML.
function Snippet({ o }: { o: { before: string; match: string; after: string; replacement: string } }) {
  return (
    <span className="an-snippet">
      <span className="muted">
        {cut(o.before) ? '…' : ''}
        {o.before}
      </span>
      <mark className="an-old">{o.match}</mark>
      <span className="an-arrow" aria-hidden="true">
        →
      </span>
      <mark className="an-new">{o.replacement}</mark>
      <span className="muted">
        {o.after}
        {cut(o.after) ? '…' : ''}
      </span>
    </span>
  );
}

const FIELD_NAMES: Record<string, string> = {
  documents: 'Document',
  memos: 'Memo',
  codes: 'Code',
  themes: 'Theme',
  theme_events: 'Theme history',
  theme_links: 'Theme link',
  map_versions: 'Map version',
  participants: 'Participant',
  participant_attributes: 'Participant attribute',
  turns: 'Speaker',
  speaker_participants: 'Speaker link',
  consensus_decisions: 'Reconciliation decision',
  coders: 'Coder',
  project_meta: 'Project setting',
};

const SHOWN = 200;

/** A long list shows its first items until asked for all (thousands of rows would slow the view). */
function Capped<T>({ items, render }: { items: T[]; render: (item: T, i: number) => ReactNode }) {
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, SHOWN);
  return (
    <>
      <ul>{shown.map(render)}</ul>
      {shown.length < items.length && (
        <button className="btn an-more" onClick={() => setAll(true)}>
          Show all {items.length}
        </button>
      )}
    </>
  );
}

/** Every occurrence the key would replace, grouped by document, then the other fields. */
export function PreviewList({ preview }: { preview: Preview }) {
  const groups = new Map<string, Preview['occurrences']>();
  for (const o of preview.occurrences) (groups.get(o.document) ?? groups.set(o.document, []).get(o.document)!).push(o);
  return (
    <div className="an-preview" role="region" aria-label="Preview">
      {[...groups].map(([doc, list]) => (
        <section key={doc} className="an-group" aria-label={`Occurrences in ${doc}`}>
          <h3>
            {doc} <span className="count">{list.length}</span>
          </h3>
          <Capped
            items={list}
            render={(o) => (
              <li key={`${o.documentId}:${o.start}`}>
                <Snippet o={o} />
              </li>
            )}
          />
        </section>
      ))}
      {preview.fields.length > 0 && (
        <section className="an-group" aria-label="Occurrences in other fields">
          <h3>
            Names, memos, codes, themes and other fields <span className="count">{preview.fields.reduce((a, f) => a + f.count, 0)}</span>
          </h3>
          <Capped
            items={preview.fields}
            render={(f, i) => (
              <li key={i}>
                <span className="tag">{FIELD_NAMES[f.table] ?? f.table}</span>
                <span className="an-field">
                  {f.column.replace(/_/g, ' ')} of “{f.row}”
                </span>
                <Snippet o={f} />
                {f.count > 1 && <span className="chip">×{f.count}</span>}
              </li>
            )}
          />
        </section>
      )}
      {preview.truncated && <p className="muted">The list is cut short; the counts are complete.</p>}
    </div>
  );
}
