import { useState } from 'react';
import { useQuery } from '../../hooks/useQuery.ts';
import { call } from '../../api/client.ts';
import { download } from '../../lib/download.ts';
import type { Output } from '@api/contract.ts';

const ROWS: [string, string][] = [
  ['percent_agreement', 'Percent agreement'],
  ['cohen_kappa', "Cohen's kappa"],
  ['krippendorff_alpha_nominal', "Krippendorff's alpha"],
];
const fmt = (v: number | null | undefined, pct: boolean) =>
  v === null || v === undefined ? '—' : pct ? `${(v * 100).toFixed(1)}%` : v.toFixed(3);
const coefficient = (r: Output<'agreement.compute'> | undefined, c: string) => r?.overall.coefficients.find((x) => x.coefficient === c);
const value = (r: Output<'agreement.compute'> | undefined, c: string) => coefficient(r, c)?.value;

/**
 * Agreement before reconciliation (A with B) and after (A with the consensus), by character,
 * so the researcher sees how far the consensus moved from A's first reading.
 */
export function AgreementTable({
  coderA,
  coderB,
  consensus,
  hasConsensus,
}: {
  coderA: string;
  coderB: string;
  consensus: string;
  hasConsensus: boolean;
}) {
  const [excludeUncoded, setExcludeUncoded] = useState(false);
  const opts = { unit: 'character' as const, bootstrap: 0, unitizing: false, excludeUncoded };
  const before = useQuery('agreement.compute', { coders: [coderA, coderB], ...opts });
  // Intervals arrive a moment later: a cluster bootstrap over whole documents (seeded, so stable).
  const intervals = useQuery('agreement.compute', { coders: [coderA, coderB], ...opts, bootstrap: 200, seed: 1 });
  const interval = (c: string, pct: boolean) => {
    if (intervals.error) return { text: 'error', title: undefined };
    const ci = coefficient(intervals.data, c)?.ci;
    if (!intervals.data) return { text: '…', title: undefined };
    if (!ci || ci.lower === null || ci.upper === null) return { text: '—', title: ci?.note };
    return {
      text: `${fmt(ci.lower, pct)} – ${fmt(ci.upper, pct)}`,
      title: `${Math.round(ci.level * 100)}% interval: ${ci.method}${ci.note ? `; ${ci.note}` : ''}`,
    };
  };
  const after = useQuery('agreement.compute', hasConsensus ? { coders: [coderA, consensus], ...opts } : null);
  // The report (with bootstrap intervals) is computed on demand: the table above skips the bootstrap.
  const saveReport = async (as: 'html' | 'csv') => {
    const r = await call('agreement.report', { coders: [coderA, coderB], unit: 'character', excludeUncoded, bootstrap: 1000 });
    download(`agreement-${coderA}-${coderB}.${as}`, as === 'html' ? 'text/html' : 'text/csv', r[as]);
  };
  return (
    <div>
      <table className="data-table rc-agreement" data-testid="agreement-table">
        <thead>
          <tr>
            <th>By character</th>
            <th className="num">
              {coderA} vs {coderB} (before)
            </th>
            <th className="num">
              {coderA} vs {consensus} (after)
            </th>
            <th className="num">95% interval (before)</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map(([c, label], i) => (
            <tr key={c}>
              <td>{label}</td>
              <td className="num">{before.error ? 'error' : fmt(value(before.data, c), i === 0)}</td>
              <td className="num">{!hasConsensus ? 'no consensus yet' : after.error ? 'error' : fmt(value(after.data, c), i === 0)}</td>
              <td className="num" title={interval(c, i === 0).title}>
                {interval(c, i === 0).text}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="button-row rc-report">
        <button className="btn" onClick={() => void saveReport('html')}>
          Agreement report (HTML)
        </button>
        <button className="btn" onClick={() => void saveReport('csv')}>
          Coefficients (CSV)
        </button>
      </div>
      <label className="small rc-exclude">
        <input type="checkbox" checked={excludeUncoded} onChange={(e) => setExcludeUncoded(e.target.checked)} /> Exclude text no coder coded
      </label>
      <p className="rc-note small muted" data-testid="exclude-explanation">
        {excludeUncoded
          ? 'Only text that at least one coder coded counts. Agreement on what to leave uncoded no longer raises the figures, so percent agreement falls and is a stricter test of the codings themselves; kappa and alpha change less, because they already discount agreement expected by chance.'
          : 'All text counts, including text neither coder coded: both coders "agree" there, which lifts percent agreement on long transcripts. Tick the box to measure agreement on coded text only.'}
      </p>
      <p className="rc-note small muted">
        “After” compares {coderA} with the consensus as it stands: it is final once the agreed codings are accepted and every disagreement
        is resolved.
      </p>
    </div>
  );
}
