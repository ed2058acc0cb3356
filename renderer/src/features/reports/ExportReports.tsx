import { useMemo, useState, type CSSProperties } from 'react';
import type { Input } from '@api/contract.ts';
import { call } from '../../api/client.ts';
import { useQuery } from '../../hooks/useQuery.ts';
import { useProject } from '../../state/project.tsx';
import { MATRIX_COUNTS, REPORT_FORMATS, type MatrixCount, type ReportFormat } from '@core/reports/types.ts';
import { downloadBase64 } from '../../lib/download.ts';
import { toggled } from '../../model/sets.ts';

export const REPORT_LABELS: Record<ReportFormat, string> = {
  'quotes-docx': 'Quotes by theme (Word)',
  'quotes-md': 'Quotes by theme (Markdown)',
  'quotes-html': 'Quotes by theme (web page)',
  'codebook-docx': 'Codebook (Word)',
  'codebook-md': 'Codebook (Markdown)',
  'codebook-csv': 'Codebook (CSV)',
  'segments-csv': 'Coded segments (CSV)',
  'matrix-csv': 'Codes by attribute matrix (CSV)',
};

const box: CSSProperties = { maxHeight: 160, overflow: 'auto', border: '1px solid var(--line)', borderRadius: 5, padding: '4px 8px' };
const row: CSSProperties = { display: 'flex', alignItems: 'center', gap: 6 };

/** The reports for a paper: pick one, narrow it to themes or codes, choose the attribution, export. */
export function ExportReports() {
  const themes = useQuery('themes.list', {});
  // Codes, participants and coders come from the project lists already read once for every panel.
  const { codes, codesById, attributeKeys: keys, coders } = useProject();
  const [format, setFormat] = useState<ReportFormat>('quotes-docx');
  const [themeNames, setThemeNames] = useState<Set<string>>(new Set());
  const [codePaths, setCodePaths] = useState<Set<string>>(new Set());
  const [attribution, setAttribution] = useState<string[] | null>(null);
  const [timestamps, setTimestamps] = useState(false);
  const [coder, setCoder] = useState('');
  const [attribute, setAttribute] = useState('');
  const [count, setCount] = useState<MatrixCount>('segments');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  const shownAttribution = attribution ?? (keys.includes('group') ? ['group'] : keys.includes('role') ? ['role'] : []);
  const paths = useMemo(() => {
    const pathOf = (id: number): string => {
      const c = codesById.get(id)!;
      return c.parentId && codesById.has(c.parentId) ? `${pathOf(c.parentId)} > ${c.name}` : c.name;
    };
    return codes.map((c) => pathOf(c.id)).sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
  }, [codes, codesById]);
  const quotes = format.startsWith('quotes-');

  async function exportNow() {
    setBusy(true);
    setMessage(null);
    const input: Input<'reports.export'> = {
      format,
      themes: themeNames.size ? [...themeNames] : undefined,
      codes: codePaths.size ? [...codePaths] : undefined,
      attribution: shownAttribution,
      timestamps: timestamps || undefined,
      coder: coder || undefined,
      attribute: format === 'matrix-csv' && attribute ? attribute : undefined,
      count: format === 'matrix-csv' ? count : undefined,
    };
    try {
      const r = await call('reports.export', input);
      downloadBase64(r.fileName, r.mime, r.contentBase64);
      setMessage({ error: false, text: `Saved ${r.fileName}` });
    } catch (e) {
      setMessage({ error: true, text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel-body" aria-label="Export reports">
      <label className="inline-field small">
        Report
        <select aria-label="Report" value={format} onChange={(e) => setFormat(e.target.value as ReportFormat)}>
          {REPORT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {REPORT_LABELS[f]}
            </option>
          ))}
        </select>
      </label>
      <fieldset style={box} aria-label="Themes">
        <legend className="small muted">Themes {themeNames.size ? `(${themeNames.size})` : '(all)'}</legend>
        {(themes.data?.themes ?? []).map((t) => (
          <label key={t.id} className="small" style={{ ...row, paddingLeft: { core: 0, group: 12, theme: 24, subtheme: 36 }[t.kind] }}>
            <input type="checkbox" checked={themeNames.has(t.name)} onChange={() => setThemeNames((s) => toggled(s, t.name))} />
            {t.name}
          </label>
        ))}
        {themes.data && !themes.data.themes.length && <span className="small muted">No themes yet</span>}
      </fieldset>
      <fieldset style={box} aria-label="Codes">
        <legend className="small muted">Codes {codePaths.size ? `(${codePaths.size})` : quotes ? '(those in the themes)' : '(all)'}</legend>
        {paths.map((p) => (
          <label key={p} className="small" style={row}>
            <input type="checkbox" checked={codePaths.has(p)} onChange={() => setCodePaths((s) => toggled(s, p))} />
            {p}
          </label>
        ))}
      </fieldset>
      {(quotes || format.startsWith('codebook-')) && (
        <fieldset style={box} aria-label="Attribution">
          <legend className="small muted">Attribution: participant label plus</legend>
          {keys.map((k) => (
            <label key={k} className="small" style={row}>
              <input
                type="checkbox"
                checked={shownAttribution.includes(k)}
                onChange={() =>
                  setAttribution(shownAttribution.includes(k) ? shownAttribution.filter((x) => x !== k) : [...shownAttribution, k])
                }
              />
              {k}
            </label>
          ))}
        </fieldset>
      )}
      {(quotes || format === 'segments-csv') && (
        <label className="small" style={row}>
          <input type="checkbox" checked={timestamps} onChange={(e) => setTimestamps(e.target.checked)} />
          Timestamps (timed transcripts)
        </label>
      )}
      <label className="inline-field small">
        Coder
        <select aria-label="Coder" value={coder} onChange={(e) => setCoder(e.target.value)}>
          <option value="">{format === 'segments-csv' ? 'All coders' : 'Consensus, else all coders merged'}</option>
          {coders
            .filter((c) => c.codingCount > 0)
            .map((c) => (
              <option key={c.id} value={c.name}>
                {c.name}
              </option>
            ))}
        </select>
      </label>
      {format === 'matrix-csv' && (
        <div style={row}>
          <label className="inline-field small">
            Columns
            <select aria-label="Matrix attribute" value={attribute} onChange={(e) => setAttribute(e.target.value)}>
              <option value="">{keys.includes('group') ? 'group' : (keys[0] ?? '-')}</option>
              {keys.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </label>
          <label className="inline-field small">
            Count
            <select aria-label="Matrix count" value={count} onChange={(e) => setCount(e.target.value as MatrixCount)}>
              {MATRIX_COUNTS.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      <div style={row}>
        <button className="btn primary" disabled={busy} onClick={() => void exportNow()}>
          {busy ? 'Exporting…' : 'Export'}
        </button>
        {message && (
          <span role={message.error ? 'alert' : 'status'} className={message.error ? 'small error-text' : 'small muted'}>
            {message.text}
          </span>
        )}
      </div>
    </section>
  );
}
