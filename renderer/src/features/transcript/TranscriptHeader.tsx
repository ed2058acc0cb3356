import { useEffect, useMemo, useRef, useState } from 'react';
import type { Coding } from '@core/model/entities.ts';
import { useUi } from '../../state/ui.tsx';
import { useProject } from '../../state/project.tsx';
import { paintNamed } from './highlights.ts';
import type { Loaded } from './loadTranscript.ts';

const MAX_HITS = 5000;

/** Above the transcript: who is speaking in it, find-in-document, and "next coding of code X". */
export function TranscriptHeader({ loaded, visible }: { loaded: Loaded | null; visible: Coding[] }) {
  const { ui, patch, reveal } = useUi();
  const { documents, codes } = useProject();
  const doc = documents.find((d) => d.id === ui.documentId);
  // Sorted once per codebook change, not on every selection change (the header re-renders with the UI state).
  const byName = useMemo(() => codes.slice().sort((a, b) => a.name.localeCompare(b.name)), [codes]);
  const [query, setQuery] = useState('');
  const [hitAt, setHitAt] = useState(-1);
  const jumpFrom = useRef(-1);

  const hits = useMemo(() => {
    if (!loaded || query.trim().length < 2) return [];
    const hay = loaded.text.toLocaleLowerCase(),
      needle = query.toLocaleLowerCase();
    const out: number[] = [];
    for (let i = hay.indexOf(needle); i >= 0 && out.length < MAX_HITS; i = hay.indexOf(needle, i + 1)) out.push(i);
    return out;
  }, [loaded, query]);

  useEffect(() => {
    if (!loaded) return;
    paintNamed(
      'find-hit',
      hits.map((h) => loaded.index.range(h, h + query.length)).filter((r) => r !== null),
      15,
    );
    setHitAt(-1);
  }, [hits, loaded, query.length]);

  const nextHit = (dir: 1 | -1) => {
    if (!hits.length || !loaded) return;
    const k = (hitAt + dir + hits.length) % hits.length;
    setHitAt(k);
    reveal(loaded.documentId, hits[k], hits[k] + query.length);
  };

  const codeId = ui.selectedCodeId;
  const ofCode = visible.filter((c) => c.codeId === codeId);
  const nextCoding = () => {
    if (!loaded || !ofCode.length) return;
    const next = ofCode.find((c) => c.start > jumpFrom.current) ?? ofCode[0];
    jumpFrom.current = next.start;
    patch({ activeCodingIds: [next.id], rightTab: 'coding' });
    reveal(loaded.documentId, next.start, next.end);
  };

  return (
    <div className="transcript-header">
      <div className="doc-title">
        <h1>{doc?.name ?? '…'}</h1>
        {doc && (
          <span className="doc-meta">
            {doc.participant ?? 'no participant'}
            {Object.entries(doc.attributes)
              .slice(0, 4)
              .map(([k, v]) => (
                <span key={k} className="chip" title={k}>
                  {v}
                </span>
              ))}
            <span className="muted">{doc.wordCount.toLocaleString()} words</span>
          </span>
        )}
      </div>
      <div className="doc-tools">
        <div className="find">
          <input
            id="find-input"
            type="search"
            placeholder="Find in document  ( / )"
            value={query}
            aria-label="Find in document"
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                nextHit(e.shiftKey ? -1 : 1);
              }
              if (e.key === 'Escape') {
                setQuery('');
                (e.target as HTMLElement).blur();
              }
            }}
          />
          {query.trim().length >= 2 && (
            <span className="find-count">{hits.length ? `${hitAt + 1 || '–'} / ${hits.length}` : 'no match'}</span>
          )}
        </div>
        <select
          aria-label="Code to jump to"
          value={codeId ?? ''}
          onChange={(e) => {
            jumpFrom.current = -1;
            patch({ selectedCodeId: e.target.value ? Number(e.target.value) : null });
          }}
        >
          <option value="">Jump to code…</option>
          {byName.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <button className="btn" onClick={nextCoding} disabled={!ofCode.length} title="Next coding of this code (J)">
          Next coding ↓
        </button>
      </div>
    </div>
  );
}
