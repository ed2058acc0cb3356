import { useEffect, useMemo, useRef, useState } from 'react';
import type { Code, Coding } from '@core/model/entities.ts';
import { useProject } from '../../state/project.tsx';
import { useUi } from '../../state/ui.tsx';
import { codeByAttribute, matrixCsv, MEASURES, type Measure } from '../../model/matrix.ts';
import { drawHeatmap } from './drawHeatmap.ts';
import { drawBars } from './drawBars.ts';
import { download, downloadSvg, slug } from '../../lib/download.ts';

/** Codes by a participant attribute: a heat map (framework matrix) or bar charts per group; SVG and CSV. */
export function AttributeCharts({ codes, codings, bars }: { codes: Code[]; codings: Coding[]; bars: boolean }) {
  const { documents, attributeKeys: keys } = useProject();
  const { patch } = useUi();
  const [key, setKey] = useState(keys.includes('group') ? 'group' : (keys[0] ?? 'group'));
  const [measure, setMeasure] = useState<Measure>('codings');
  const m = useMemo(() => codeByAttribute(codes, codings, documents, key, measure), [codes, codings, documents, key, measure]);
  const svg = useRef<SVGSVGElement>(null);
  useEffect(() => {
    if (!svg.current) return;
    if (bars) drawBars(svg.current, m);
    else drawHeatmap(svg.current, m, (id) => patch({ selectedCodeId: id, view: 'quotes' }));
  }, [m, bars, measure, patch]);
  const name = `${bars ? 'code-frequencies' : 'codes'}-by-${slug(key)}`;
  return (
    <>
      <div className="view-header">
        <h1>{bars ? 'Code frequencies by group' : 'Codes by participant attribute'}</h1>
        <span className="grow" />
        <label className="inline-field small">
          {bars ? 'Group by' : 'Attribute'}
          <select aria-label="Matrix attribute" value={key} onChange={(e) => setKey(e.target.value)}>
            {keys.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </label>
        <label className="inline-field small">
          Count
          <select aria-label="Matrix measure" value={measure} onChange={(e) => setMeasure(e.target.value as Measure)}>
            {MEASURES.map(([v, label]) => (
              <option key={v} value={v}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <button className="btn" onClick={() => download(`${name}.csv`, 'text/csv', matrixCsv(m, key))}>
          CSV
        </button>
        <button className="btn" onClick={() => downloadSvg(`${name}.svg`, svg.current)}>
          SVG
        </button>
      </div>
      <div className="chart-wrap">
        <svg
          ref={svg}
          key={bars ? 'bars' : 'heat'}
          role="img"
          aria-label={bars ? 'Code frequencies by group' : 'Code by attribute heat map'}
        />
      </div>
    </>
  );
}
