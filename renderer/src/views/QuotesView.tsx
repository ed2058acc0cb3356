import { useEffect, useMemo, useState } from 'react';
import type { Coding } from '../../../src/model/entities.ts';
import { useQuery } from '../hooks/useQuery.ts';
import { getDocument, type LoadedDocument } from '../hooks/useDocument.ts';
import { useProject } from '../state/project.tsx';
import { useUi } from '../state/ui.tsx';
import { prefs } from '../state/prefs.ts';
import { attribution } from '../model/attribution.ts';
import { filterCodings, visibleCoders } from '../model/visibility.ts';
import { Swatch } from '../components/Swatch.tsx';

const CONTEXT = 140;

/** One quote per span (both coders' identical spans fold into one), in document order. */
interface Quote { key: string; documentId: number; start: number; end: number; coders: string[] }

function fold(codings: Coding[]): Quote[] {
  const m = new Map<string, Quote>();
  for (const c of codings) {
    const key = `${c.documentId}:${c.start}:${c.end}`;
    const q = m.get(key);
    if (q) q.coders.push(c.coder); else m.set(key, { key, documentId: c.documentId, start: c.start, end: c.end, coders: [c.coder] });
  }
  return [...m.values()];
}

/** Retrieval: every quote of a code with its context and the write-up attribution, e.g. "(P4, patient)". */
export function QuotesView() {
  const { ui, patch, reveal } = useUi();
  const { codesById, coders, participants, documents } = useProject();
  const code = ui.selectedCodeId !== null ? codesById.get(ui.selectedCodeId) : undefined;
  const q = useQuery('codings.list', code ? { codeId: code.id } : null);
  const [format, setFormat] = useState(prefs.attributionFormat());
  const [docs, setDocs] = useState<Map<number, LoadedDocument>>(new Map());
  const quotes = useMemo(() => fold(filterCodings(q.data ?? [], visibleCoders(ui.visibility, ui.coder, coders).shown)), [q.data, ui.visibility, ui.coder, coders]);

  useEffect(() => {
    const need = [...new Set(quotes.map((x) => x.documentId))].filter((id) => !docs.has(id));
    if (!need.length) return;
    let live = true;
    Promise.all(need.map(getDocument)).then((list) => live && setDocs((m) => new Map([...m, ...list.map((d) => [d.document.id, d] as const)])), () => {});
    return () => { live = false; };
  }, [quotes, docs]);

  if (!code) return <div className="empty-state">Choose a code in the codebook to see all its quotes.</div>;
  const whoSaid = (d: LoadedDocument, at: number) => {
    const turn = d.turns.find((t) => t.start <= at && at < t.end);
    const pid = turn?.participantId ?? d.document.participantId;
    return participants.find((p) => p.id === pid) ?? null;
  };
  return (
    <div className="quotes-view">
      <div className="view-header">
        <h1><Swatch color={code.color} /> {code.name}</h1>
        <span className="muted">{quotes.length} quotes · {new Set(quotes.map((x) => x.documentId)).size} documents</span>
        <span className="grow" />
        <label className="inline-field small">Attribution
          <input value={format} aria-label="Attribution format" onChange={(e) => { setFormat(e.target.value); prefs.setAttributionFormat(e.target.value); }} />
        </label>
      </div>
      {code.definition && <p className="definition">{code.definition}</p>}
      <ol className="quote-list">
        {quotes.map((x) => {
          const d = docs.get(x.documentId);
          if (!d) return <li key={x.key} className="quote-item muted">…</li>;
          const before = d.text.slice(Math.max(0, x.start - CONTEXT), x.start).replace(/^\S*\s/, '…');
          const after = d.text.slice(x.end, x.end + CONTEXT).replace(/\s\S*$/, '…');
          return (
            <li key={x.key} className="quote-item">
              <button className="quote-jump" onClick={() => { patch({ selection: null }); reveal(x.documentId, x.start, x.end); }} title="Show in the transcript">
                <span className="context">{before}</span><mark style={{ background: `${code.color}33` }}>{d.text.slice(x.start, x.end)}</mark><span className="context">{after}</span>
              </button>
              <div className="quote-meta small">
                <span className="attribution">{attribution(format, whoSaid(d, x.start))}</span>
                <span className="muted">{documents.find((doc) => doc.id === x.documentId)?.name} · {x.coders.join(', ')}</span>
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
