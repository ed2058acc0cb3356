import { useEffect, useMemo, useRef, useState } from 'react';
import type { Code, Coding, Turn } from '@core/model/entities.ts';
import { getDocument } from '../../hooks/useDocument.ts';
import { coCsv, coLinks, cooccurrence, readableMinLink, type Unit } from './cooccurrence.ts';
import { drawCoMatrix, drawNetwork } from './drawCo.ts';
import { download, downloadSvg } from '../../lib/download.ts';

const UNITS: [Unit, string][] = [
  ['turn', 'the same speaker turn'],
  ['overlap', 'overlapping codings'],
  ['document', 'the same document'],
];

/** Which codes occur together: a matrix and a force-directed network, each exportable. */
export function CooccurrenceCharts({ codes, codings }: { codes: Code[]; codings: Coding[] }) {
  const [unit, setUnit] = useState<Unit>('turn');
  const [turns, setTurns] = useState<Map<number, Turn[]> | null>(null);
  // Turns are needed only for "same speaker turn"; documents are cached after the first read.
  useEffect(() => {
    if (unit !== 'turn') return;
    const ids = [...new Set(codings.map((c) => c.documentId))];
    let live = true;
    Promise.all(ids.map(getDocument)).then(
      (ds) => {
        if (live) setTurns(new Map(ds.map((d) => [d.document.id, d.turns])));
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, [unit, codings]);
  const ready = unit !== 'turn' || turns !== null;
  const m = useMemo(
    () => (ready ? cooccurrence(codes, codings, unit, (id) => turns?.get(id)) : null),
    [ready, codes, codings, unit, turns],
  );
  const matrix = useRef<SVGSVGElement>(null),
    network = useRef<SVGSVGElement>(null);
  // Minimum link strength in the network: chosen for readability until the researcher picks one.
  const [minPick, setMinPick] = useState<number | null>(null);
  const minLink = minPick ?? (m ? readableMinLink(m) : 1);
  const strengths = useMemo(() => (m ? [...new Set(coLinks(m).map((l) => l.n))].sort((a, b) => a - b) : []), [m]);
  useEffect(() => {
    if (m && matrix.current) drawCoMatrix(matrix.current, m);
  }, [m]);
  useEffect(() => {
    if (m && network.current) drawNetwork(network.current, m, minLink);
  }, [m, minLink]);
  return (
    <>
      <div className="view-header">
        <h1>Code co-occurrence</h1>
        <span className="grow" />
        <label className="inline-field small">
          Together in
          <select aria-label="Co-occurrence unit" value={unit} onChange={(e) => setUnit(e.target.value as Unit)}>
            {UNITS.map(([u, label]) => (
              <option key={u} value={u}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field small">
          Links of at least
          <select aria-label="Minimum link strength" value={minLink} onChange={(e) => setMinPick(Number(e.target.value))}>
            {[...new Set([1, minLink, ...strengths])]
              .sort((a, b) => a - b)
              .map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
          </select>
        </label>
        <button className="btn" disabled={!m} onClick={() => m && download(`code-cooccurrence-${unit}.csv`, 'text/csv', coCsv(m))}>
          CSV
        </button>
        <button className="btn" onClick={() => downloadSvg(`code-cooccurrence-${unit}-matrix.svg`, matrix.current)}>
          Matrix SVG
        </button>
        <button className="btn" onClick={() => downloadSvg(`code-cooccurrence-${unit}-network.svg`, network.current)}>
          Network SVG
        </button>
      </div>
      {!m && <p className="muted">Reading the transcripts' speaker turns…</p>}
      <div className="co-charts" data-ready={m ? 'true' : 'false'}>
        <div className="chart-wrap">
          <svg ref={network} role="img" aria-label="Code co-occurrence network" />
        </div>
        <div className="chart-wrap">
          <svg ref={matrix} role="img" aria-label="Code co-occurrence matrix" />
        </div>
      </div>
    </>
  );
}
