import { useState } from 'react';
import { call } from '../../api/client.ts';
import type { Output } from '@api/contract.ts';

type Theme = Output<'themes.list'>['themes'][number];
type Link = Output<'themes.list'>['links'][number];
type Run = (p: Promise<unknown>) => void;

const nameOf = (themes: Theme[], id: number) => themes.find((t) => t.id === id)?.name ?? `theme ${id}`;

/** The labelled links between themes: relabel in place (Enter or leaving the field saves), or remove. */
export function LinkList({ themes, links, run }: { themes: Theme[]; links: Link[]; run: Run }) {
  const [draft, setDraft] = useState<Record<number, string>>({});
  if (!links.length) return null;
  const save = (l: Link) => {
    const label = draft[l.id];
    setDraft(({ [l.id]: _, ...rest }) => rest);
    if (label !== undefined && label.trim() !== l.label) run(call('themes.updateLink', { id: l.id, label }));
  };
  return (
    <section className="map-links-list small" aria-label="Links between themes">
      <strong>Links between themes</strong>
      <ul style={{ listStyle: 'none', padding: 0, margin: '4px 0', display: 'flex', flexDirection: 'column', gap: 4 }}>
        {links.map((l) => {
          const what = `the link from ${nameOf(themes, l.fromId)} to ${nameOf(themes, l.toId)}`;
          return (
            <li key={l.id} data-link-id={l.id} style={{ display: 'flex', gap: 6, alignItems: 'center' }}>
              <span>
                {nameOf(themes, l.fromId)} → {nameOf(themes, l.toId)}
              </span>
              <input
                aria-label={`Label of ${what}`}
                placeholder="no label"
                style={{ width: '14em' }}
                value={draft[l.id] ?? l.label}
                onChange={(e) => setDraft((d) => ({ ...d, [l.id]: e.target.value }))}
                onBlur={() => save(l)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') save(l);
                  if (e.key === 'Escape') setDraft(({ [l.id]: _, ...rest }) => rest);
                }}
              />
              <button className="small" aria-label={`Remove ${what}`} onClick={() => run(call('themes.removeLink', { id: l.id }))}>
                Remove
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Names the link just drawn between two themes (the label may stay empty). */
export function NewLinkForm({ from, to, run, onClose }: { from: Theme; to: Theme; run: Run; onClose: () => void }) {
  const [label, setLabel] = useState('');
  const add = () => {
    run(call('themes.addLink', { fromId: from.id, toId: to.id, label }));
    onClose();
  };
  return (
    <div
      className="map-new-link small"
      role="group"
      aria-label="New link"
      style={{ display: 'flex', gap: 6, alignItems: 'center', flexWrap: 'wrap' }}
    >
      <span>
        Link “{from.name}” → “{to.name}”
      </span>
      <input
        autoFocus
        aria-label="Link label"
        placeholder="label, e.g. depends on"
        style={{ flex: '1 1 8em', minWidth: '8em' }}
        value={label}
        onChange={(e) => setLabel(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') add();
          if (e.key === 'Escape') onClose();
        }}
      />
      <button onClick={add}>Add link</button>
      <button onClick={onClose}>Cancel</button>
    </div>
  );
}

/** On a theme card: link this theme to another one, with a label. */
export function LinkFromTheme({ theme, themes, run }: { theme: Theme; themes: Theme[]; run: Run }) {
  const [open, setOpen] = useState(false);
  const [to, setTo] = useState<number | null>(null);
  if (!open)
    return (
      <button className="small" onClick={() => setOpen(true)}>
        Link…
      </button>
    );
  const others = themes.filter((t) => t.id !== theme.id && t.status !== 'discarded');
  const target = others.find((t) => t.id === to);
  return (
    <div className="small" style={{ display: 'flex', flexDirection: 'column', gap: 4, width: '100%' }}>
      <select
        aria-label={`Link “${theme.name}” to`}
        value={to ?? ''}
        onChange={(e) => setTo(e.target.value ? Number(e.target.value) : null)}
      >
        <option value="">link to…</option>
        {others.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
      {target ? (
        <NewLinkForm
          from={theme}
          to={target}
          run={run}
          onClose={() => {
            setOpen(false);
            setTo(null);
          }}
        />
      ) : (
        <button className="small" onClick={() => setOpen(false)}>
          Cancel
        </button>
      )}
    </div>
  );
}
