import { useEffect, useState } from 'react';
import type { Turn } from '@core/model/entities.ts';
import { useQuery } from '../../hooks/useQuery.ts';
import { useTurns, type LoadedDocument } from '../../hooks/useDocument.ts';
import { formatTime } from '../../model/blocks.ts';
import { mediaUrl } from './mediaUrl.ts';

/** A coding's time range: from the start of the turn it starts in to the end of the turn it ends in (as media.codingTimes). */
export function timeRange(turns: Turn[], start: number, end: number): { from: number; to: number | null } | null {
  const at = (o: number) => turns.filter((t) => t.start <= o).sort((a, b) => b.start - a.start)[0];
  const first = at(start),
    last = at(end - 1);
  if (first?.timeStart == null) return null;
  return { from: first.timeStart, to: last?.timeEnd ?? last?.timeStart ?? null };
}

// One player for every "hear" button: starting a quote stops the one before.
let audio: HTMLAudioElement | null = null;
let stopAt: number | null = null;
const listeners = new Set<() => void>();
function hear(src: string, from: number, to: number | null): void {
  if (!audio) {
    audio = Object.assign(new Audio(), { preload: 'none', hidden: true });
    audio.dataset.testid = 'quote-audio';
    document.body.append(audio);
  }
  const a = audio;
  const fresh = !a.src.endsWith(src);
  if (fresh) a.src = src;
  stopAt = to;
  a.ontimeupdate = () => {
    if (stopAt !== null && a.currentTime >= stopAt) a.pause();
  };
  a.onplay = a.onpause = () => listeners.forEach((l) => l());
  const go = () => {
    a.currentTime = from;
    void a.play();
  };
  if (!fresh && a.readyState >= 1) {
    go();
    return;
  }
  a.addEventListener('loadedmetadata', go, { once: true });
  a.preload = 'metadata';
  a.load();
}

/** "00:03–00:06" for a quote on a timed transcript, with ▶ to hear it when the document has a recording. */
export function QuoteTime({ documentId, range }: { documentId: number; range: { from: number; to: number | null } | null }) {
  const rec = useQuery('media.list', {}).data?.find((r) => r.documentId === documentId && r.status === 'ok');
  const [, setTick] = useState(0);
  useEffect(() => {
    const l = () => setTick((k) => k + 1);
    listeners.add(l);
    return () => {
      listeners.delete(l);
    };
  }, []);
  if (!range) return null;
  const label = `${formatTime(range.from)}${range.to !== null ? `–${formatTime(range.to)}` : ''}`;
  return (
    <span className="quote-time" data-testid="quote-time">
      {rec && (
        <button
          className="mini-btn"
          aria-label={`Hear ${label}`}
          title="Hear this quote"
          onClick={() => hear(mediaUrl(documentId, rec.sha256), range.from, range.to)}
        >
          ▶
        </button>
      )}{' '}
      {label}
    </span>
  );
}

/** A quote's time line from its document's turns at their current times (they change with sync points, undo and redo). */
export function QuoteTimeIn({ doc, start, end }: { doc: LoadedDocument; start: number; end: number }) {
  const turns = useTurns(doc);
  return <QuoteTime documentId={doc.document.id} range={timeRange(turns, start, end)} />;
}

/** The coding card's time line: the server knows the turns of any document. */
export function CodingTime({ codingId, documentId }: { codingId: number; documentId: number }) {
  const t = useQuery('media.codingTimes', { codingIds: [codingId] }).data?.[0];
  return t ? (
    <div className="meta small">
      ⏱ <QuoteTime documentId={documentId} range={{ from: t.timeStart, to: t.timeEnd }} />
    </div>
  ) : null;
}
