import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '../../hooks/useQuery.ts';
import { getDocument, type LoadedDocument } from '../../hooks/useDocument.ts';
import { useProject } from '../../state/project.tsx';
import { useUi } from '../../state/ui.tsx';
import { prefs } from '../../state/prefs.ts';
import { attribution } from '../../model/attribution.ts';
import { plural } from '../../model/words.ts';
import { filterCodings } from '../../model/visibility.ts';
import { useShownCoders } from '../../hooks/useVisibleCodings.ts';
import { combine } from '../../model/overlap.ts';
import { Swatch } from '../../components/Swatch.tsx';
import { CombineBar } from '../themes/CombineBar.tsx';
import { Modal } from '../../components/Modal.tsx';
import { ShowCodebookButton } from '../codes/ShowPanelButton.tsx';
import { ExportReports } from '../reports/ExportReports.tsx';
import { QuoteTimeIn } from '../media/Hear.tsx';

const CONTEXT = 140;

/** The reports for the paper (quotes by theme, codebook, segments, matrix) in a dialog. */
function ReportsButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button className="btn" onClick={() => setOpen(true)}>
        Reports for the paper…
      </button>
      {open && (
        <Modal title="Reports for the paper" wide onClose={() => setOpen(false)}>
          <ExportReports />
        </Modal>
      )}
    </>
  );
}

/**
 * Retrieval: every quote of a code, or of several combined (AND / OR / NOT overlap), with its
 * context and the write-up attribution, e.g. "(P4, patient)". A click jumps to the transcript.
 */
export function QuotesView() {
  const { ui, patch, reveal } = useUi();
  const { codesById, participants, documents } = useProject();
  const { shown } = useShownCoders();
  const code = ui.selectedCodeId !== null ? codesById.get(ui.selectedCodeId) : undefined;
  const codeIds = code ? [code.id, ...ui.combine.codeIds.filter((id) => id !== code.id && codesById.has(id))] : [];
  const combined = codeIds.length > 1;
  // One code: only its codings. Several: all codings once, combined here (the API has no overlap query).
  const q = useQuery('codings.list', !code ? null : combined ? {} : { codeId: code.id });
  const [format, setFormat] = useState(prefs.attributionFormat());
  const [docs, setDocs] = useState<Map<number, LoadedDocument>>(new Map());
  const idsKey = codeIds.join(',');
  const quotes = useMemo(
    () => combine(filterCodings(q.data ?? [], shown), idsKey ? idsKey.split(',').map(Number) : [], ui.combine.mode),
    [q.data, shown, idsKey, ui.combine.mode],
  );
  // Looked up once per quote: a code can have hundreds.
  const participantsById = useMemo(() => new Map(participants.map((p) => [p.id, p])), [participants]);
  const documentNames = useMemo(() => new Map(documents.map((d) => [d.id, d.name])), [documents]);

  useEffect(() => {
    const need = [...new Set(quotes.map((x) => x.documentId))].filter((id) => !docs.has(id));
    if (!need.length) return;
    let live = true;
    Promise.all(need.map(getDocument)).then(
      (list) => live && setDocs((m) => new Map([...m, ...list.map((d) => [d.document.id, d] as const)])),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [quotes, docs]);

  if (!code)
    return (
      <div className="empty-state">
        Choose a code in the codebook to see all its quotes. <ShowCodebookButton /> <ReportsButton />
      </div>
    );
  const whoSaid = (d: LoadedDocument, at: number) => {
    const turn = d.turns.find((t) => t.start <= at && at < t.end);
    const pid = turn?.participantId ?? d.document.participantId;
    return (pid !== null && participantsById.get(pid)) || null;
  };
  const tint = combined ? '#2f5d8a' : code.color;
  return (
    <div className="quotes-view">
      <div className="view-header">
        <h1>
          <Swatch color={code.color} /> {code.name}
        </h1>
        <span className="muted" data-testid="quote-count">
          {plural(quotes.length, 'quote')} · {plural(new Set(quotes.map((x) => x.documentId)).size, 'document')}
        </span>
        <span className="grow" />
        <label className="inline-field small">
          Attribution
          <input
            value={format}
            aria-label="Attribution format"
            onChange={(e) => {
              setFormat(e.target.value);
              prefs.setAttributionFormat(e.target.value);
            }}
          />
        </label>
        <ReportsButton />
      </div>
      <CombineBar first={code} />
      {code.definition && !combined && <p className="definition">{code.definition}</p>}
      <ol className="quote-list">
        {quotes.map((x) => {
          const d = docs.get(x.documentId);
          if (!d)
            return (
              <li key={x.key} className="quote-item muted">
                …
              </li>
            );
          const before = d.text.slice(Math.max(0, x.start - CONTEXT), x.start).replace(/^\S*\s/, '…');
          const after = d.text.slice(x.end, x.end + CONTEXT).replace(/\s\S*$/, '…');
          return (
            <li key={x.key} className="quote-item" data-start={x.start} data-end={x.end} data-document-id={x.documentId}>
              <button
                className="quote-jump"
                onClick={() => {
                  patch({ selection: null });
                  reveal(x.documentId, x.start, x.end);
                }}
                title="Show in the transcript"
              >
                <span className="context">{before}</span>
                <mark style={{ background: `${tint}33` }}>{d.text.slice(x.start, x.end)}</mark>
                <span className="context">{after}</span>
              </button>
              <div className="quote-meta small">
                <span className="attribution">{attribution(format, whoSaid(d, x.start))}</span>
                <span className="muted">
                  {documentNames.get(x.documentId)} · {x.coders.join(', ')}
                </span>
                <QuoteTimeIn doc={d} start={x.start} end={x.end} />
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
