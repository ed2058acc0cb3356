import { memo, useLayoutEffect, useState } from 'react';
import type { Code, Coding } from '@core/model/entities.ts';

interface Props {
  paragraphs: HTMLElement[];
  codings: Coding[];
  codes: Map<number, Code>;
  /** Bumps when layout may have changed (resize, new document). */
  layoutKey: number;
  onPickCode(codeId: number): void;
}

interface Row {
  top: number;
  height: number;
  codes: Code[];
}
const MAX_LABELS = 5;

/**
 * Coding stripes in the right margin, as NVivo draws them: for each speaker turn, a coloured bar
 * per code present in it and the codes' names, so a reader sees what is coded where at a glance.
 * Colour is never the only signal: each bar names its code on hover and to screen readers.
 */
// Memoised: the transcript re-renders on every change anywhere in the project, and thousands of
// stripe rows must not be rebuilt unless the codings, codes or layout actually changed.
export const Stripes = memo(function Stripes({ paragraphs, codings, codes, layoutKey, onPickCode }: Props) {
  const [rows, setRows] = useState<Row[]>([]);
  useLayoutEffect(() => {
    const starts = paragraphs.map((p) => Number(p.dataset.start));
    const ends = paragraphs.map((p) => Number(p.dataset.end));
    const per = paragraphs.map(() => new Set<number>());
    for (const c of codings) {
      // First paragraph ending after the coding's start; walk forward while paragraphs start before its end.
      let lo = 0,
        hi = ends.length;
      while (lo < hi) {
        const m = (lo + hi) >> 1;
        if (ends[m] > c.start) hi = m;
        else lo = m + 1;
      }
      for (let k = lo; k < starts.length && starts[k] < c.end; k++) per[k].add(c.codeId);
    }
    const next: Row[] = [];
    paragraphs.forEach((p, k) => {
      if (!per[k].size) return;
      const list = [...per[k]]
        .map((id) => codes.get(id))
        .filter((c): c is Code => !!c)
        .sort((a, b) => a.name.localeCompare(b.name));
      next.push({ top: p.offsetTop, height: p.offsetHeight, codes: list });
    });
    setRows(next);
  }, [paragraphs, codings, codes, layoutKey]);

  return (
    <div className="stripes" aria-label="Coding stripes">
      {rows.map((r) => {
        const list = r.codes;
        return (
          <div
            key={r.top}
            className="stripe-row"
            style={{ top: r.top, height: r.height }}
            role="group"
            aria-label={`Coded here: ${list.map((c) => c.name).join(', ')}`}
          >
            <div className="stripe-bars">
              {list.map((c) => (
                <span key={c.id} className="stripe-bar" style={{ background: c.color }} title={c.name} role="img" aria-label={c.name} />
              ))}
            </div>
            <div className="stripe-labels">
              {list.slice(0, MAX_LABELS).map((c) => (
                <button
                  key={c.id}
                  className="stripe-label"
                  style={{ borderLeftColor: c.color }}
                  title={c.name}
                  onClick={() => onPickCode(c.id)}
                >
                  <span>{c.name}</span>
                </button>
              ))}
              {list.length > MAX_LABELS && (
                <span
                  className="stripe-more"
                  title={list
                    .slice(MAX_LABELS)
                    .map((c) => c.name)
                    .join('\n')}
                >
                  +{list.length - MAX_LABELS} more
                </span>
              )}
            </div>
          </div>
        );
      })}
    </div>
  );
});
