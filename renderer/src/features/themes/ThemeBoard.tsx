import { useState, type CSSProperties, type DragEvent } from 'react';
import { useQuery } from '../../hooks/useQuery.ts';
import { call } from '../../api/client.ts';
import { useProject } from '../../state/project.tsx';
import { Swatch } from '../../components/Swatch.tsx';
import type { Output } from '@api/contract.ts';
import { LinkFromTheme } from '../map/links.tsx';
import '../../styles/views.css';

type Theme = Output<'themes.list'>['themes'][number];
type Link = Output<'themes.list'>['links'][number];
const CODE = 'application/x-thematic-code';
const THEME = 'application/x-thematic-theme';
const card: CSSProperties = { border: '1px solid var(--border, #ccc)', borderRadius: 6, padding: 8, background: 'var(--panel, #fff)' };

/**
 * The theme board: codes on the left, theme groups as columns of theme cards. Drag a code onto a
 * theme to attach it (a code may support several themes), drag a theme into another group (or
 * onto a theme to make it a sub-theme). Each card shows its codes, codings, who said it by group
 * ("patient 5/6") and, on request, its strongest quotes.
 */
export function ThemeBoard() {
  const { codes } = useProject();
  const [onlyLoose, setOnlyLoose] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const q = useQuery('themes.list', {});
  const run = (p: Promise<unknown>) =>
    p.then(
      () => setError(null),
      (e: Error) => setError(e.message),
    );
  if (!q.data) return <div className="empty-state">{q.error ?? 'Loading themes…'}</div>;
  const { themes, links, unattachedCodeIds } = q.data;
  const loose = new Set(unattachedCodeIds);
  const kids = (id: number | null) => themes.filter((t) => t.parentId === id);
  const cores = kids(null).filter((t) => t.kind === 'core');
  const onDropTheme = (parentId: number | null) => (e: DragEvent) => {
    const id = Number(e.dataTransfer.getData(THEME));
    if (id) {
      e.preventDefault();
      e.stopPropagation();
      void run(call('themes.move', { id, parentId }));
    }
  };
  return (
    <div className="theme-board">
      <aside className="board-codes" aria-label="Codes">
        <h2 className="section-title">Codes</h2>
        <label className="small">
          <input type="checkbox" checked={onlyLoose} onChange={(e) => setOnlyLoose(e.target.checked)} /> only codes without a theme
        </label>
        <ul className="board-code-list">
          {codes
            .filter((c) => !onlyLoose || loose.has(c.id))
            .map((c) => (
              <li
                key={c.id}
                draggable
                onDragStart={(e) => e.dataTransfer.setData(CODE, String(c.id))}
                style={{ cursor: 'grab', padding: '2px 0' }}
                data-code-id={c.id}
              >
                <Swatch color={c.color} /> {c.name} <span className="muted small">{c.codingCount}</span>
              </li>
            ))}
        </ul>
        {onlyLoose && !codes.some((c) => loose.has(c.id)) && <p className="small muted">Every code supports a theme.</p>}
      </aside>
      <div className="board-main">
        {error && (
          <div className="error" role="alert">
            {error}
          </div>
        )}
        {cores.map((core) => (
          <section key={core.id} aria-label={core.name} className="board-core">
            <header className="board-core-head">
              <h1>{core.name}</h1>
              <AddTheme label="+ theme group" onAdd={(name) => run(call('themes.create', { kind: 'group', parentId: core.id, name }))} />
            </header>
            <div className="board-columns">
              {kids(core.id).map((g) => (
                <div
                  key={g.id}
                  className="theme-column"
                  onDragOver={(e) => e.preventDefault()}
                  onDrop={onDropTheme(g.kind === 'group' ? g.id : core.id)}
                >
                  {g.kind === 'group' ? <h2 style={{ borderBottomColor: g.color ?? '#999' }}>{g.name}</h2> : null}
                  {(g.kind === 'group' ? kids(g.id) : [g]).map((t) => (
                    <ThemeCard key={t.id} theme={t} all={themes} links={links} run={run} />
                  ))}
                  {g.kind === 'group' && (
                    <AddTheme
                      label="+ theme"
                      onAdd={(name) => run(call('themes.create', { kind: 'theme', parentId: g.id, name, status: 'candidate' }))}
                    />
                  )}
                </div>
              ))}
            </div>
          </section>
        ))}
        <AddTheme label="+ core concept" onAdd={(name) => run(call('themes.create', { kind: 'core', name }))} />
      </div>
    </div>
  );
}

function ThemeCard({ theme: t, all, links, run }: { theme: Theme; all: Theme[]; links: Link[]; run: (p: Promise<unknown>) => void }) {
  const [quotes, setQuotes] = useState(false);
  const subs = all.filter((x) => x.parentId === t.id);
  const onDrop = (e: DragEvent) => {
    const code = Number(e.dataTransfer.getData(CODE)),
      theme = Number(e.dataTransfer.getData(THEME));
    if (code) run(call('themes.attachCode', { themeId: t.id, codeId: code }));
    else if (theme && theme !== t.id) run(call('themes.move', { id: theme, parentId: t.id }));
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  const faded = t.status === 'discarded' ? 0.5 : 1;
  return (
    <article
      className="theme-card"
      data-theme-id={t.id}
      draggable
      onDragStart={(e) => {
        e.stopPropagation();
        e.dataTransfer.setData(THEME, String(t.id));
      }}
      onDragOver={(e) => e.preventDefault()}
      onDrop={onDrop}
      style={{
        ...card,
        opacity: faded,
        borderStyle: t.status === 'candidate' ? 'dashed' : 'solid',
        marginLeft: t.kind === 'subtheme' ? 12 : 0,
      }}
    >
      <header style={{ display: 'flex', gap: 6, alignItems: 'baseline' }}>
        <strong style={{ flex: 1 }}>{t.name}</strong>
        {t.status === 'candidate' && <span className="small muted">candidate</span>}
        {t.status !== 'active' && (
          <button className="small" onClick={() => run(call('themes.promote', { id: t.id }))}>
            {t.status === 'candidate' ? 'Promote' : 'Restore'}
          </button>
        )}
        {t.status !== 'discarded' && (
          <button className="small" onClick={() => run(call('themes.discard', { id: t.id }))}>
            Discard
          </button>
        )}
      </header>
      {t.definition && (
        <p className="small" style={{ margin: '4px 0' }}>
          {t.definition}
        </p>
      )}
      <div className="small muted">
        {t.codingCount} codings · {t.participantCount} participants{t.groups.length ? ' · ' : ''}
        {t.groups.map((g) => `${g.group} ${g.covered}/${g.total}`).join(', ')}
      </div>
      <ul style={{ listStyle: 'none', padding: 0, margin: '4px 0', display: 'flex', flexWrap: 'wrap', gap: 4 }}>
        {t.codes.map((c) => (
          <li
            key={c.id}
            className="small"
            style={{ border: `1px solid ${c.color}`, borderRadius: 10, padding: '0 6px' }}
            title={
              c.themeIds.length > 1
                ? `also supports: ${c.themeIds
                    .filter((id) => id !== t.id)
                    .map((id) => all.find((x) => x.id === id)?.name)
                    .join('; ')}`
                : undefined
            }
          >
            {c.name}{' '}
            <span className="muted">
              {c.codingCount}
              {c.themeIds.length > 1 ? ` · ${c.themeIds.length} themes` : ''}
            </span>
            <button
              aria-label={`Detach ${c.name}`}
              style={{ border: 0, background: 'none', cursor: 'pointer' }}
              onClick={() => run(call('themes.detachCode', { themeId: t.id, codeId: c.id }))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <ThemeLinks theme={t} all={all} links={links} />
      <div style={{ display: 'flex', gap: 6, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <button className="small" onClick={() => setQuotes(!quotes)}>
          {quotes ? 'Hide quotes' : 'Strongest quotes'}
        </button>
        <LinkFromTheme theme={t} themes={all} run={run} />
      </div>
      {quotes && <ThemeQuotes id={t.id} />}
      {subs.map((s) => (
        <ThemeCard key={s.id} theme={s} all={all} links={links} run={run} />
      ))}
    </article>
  );
}

/** The labelled links this theme takes part in (relabel or remove them under the map). */
function ThemeLinks({ theme, all, links }: { theme: Theme; all: Theme[]; links: Link[] }) {
  const mine = links.filter((l) => l.fromId === theme.id || l.toId === theme.id);
  if (!mine.length) return null;
  const name = (id: number) => all.find((x) => x.id === id)?.name ?? '?';
  return (
    <ul className="small theme-links" aria-label={`Links of ${theme.name}`} style={{ margin: '2px 0 4px', paddingLeft: 16 }}>
      {mine.map((l) => (
        <li key={l.id}>
          {l.fromId === theme.id ? `→ ${name(l.toId)}` : `← ${name(l.fromId)}`}
          {l.label ? ` “${l.label}”` : ''}
        </li>
      ))}
    </ul>
  );
}

function ThemeQuotes({ id }: { id: number }) {
  const q = useQuery('themes.quotes', { id, limit: 3 });
  if (!q.data) return <p className="small muted">{q.error ?? '…'}</p>;
  if (!q.data.length) return <p className="small muted">No coded passages yet.</p>;
  return (
    <ol className="small">
      {q.data.map((x) => (
        <li key={x.codingIds[0]}>
          “{x.text}” {x.attribution}
        </li>
      ))}
    </ol>
  );
}

function AddTheme({ label, onAdd }: { label: string; onAdd: (name: string) => Promise<unknown> | void }) {
  const [name, setName] = useState<string | null>(null);
  if (name === null)
    return (
      <button className="small" onClick={() => setName('')}>
        {label}
      </button>
    );
  const done = () => {
    if (name.trim()) void onAdd(name.trim());
    setName(null);
  };
  return (
    <input
      autoFocus
      aria-label={label}
      value={name}
      onChange={(e) => setName(e.target.value)}
      onBlur={done}
      onKeyDown={(e) => {
        if (e.key === 'Enter') done();
        if (e.key === 'Escape') setName(null);
      }}
    />
  );
}
