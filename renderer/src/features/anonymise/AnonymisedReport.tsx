import { useState } from 'react';
import type { Replacement } from '@core/anonymise/types.ts';
import { REPORT_FORMATS, type ReportFormat } from '@core/reports/types.ts';
import { call } from '../../api/client.ts';
import { downloadBase64 } from '../../lib/download.ts';
import { REPORT_LABELS } from '../reports/ExportReports.tsx';

/** A report for the paper with the key applied (made from a throw-away anonymised copy), downloaded. */
export function AnonymisedReport({ replacements, disabled }: { replacements: Replacement[]; disabled: boolean }) {
  const [format, setFormat] = useState<ReportFormat>('quotes-docx');
  const [state, setState] = useState<{ busy: boolean; message: string | null; error: boolean }>({
    busy: false,
    message: null,
    error: false,
  });
  const run = async () => {
    setState({ busy: true, message: null, error: false });
    try {
      const r = await call('anonymise.report', { replacements, report: { format } });
      downloadBase64(r.fileName, r.mime, r.contentBase64);
      setState({ busy: false, message: `Saved ${r.fileName}`, error: false });
    } catch (e) {
      setState({ busy: false, message: (e as Error).message, error: true });
    }
  };
  return (
    <div className="an-actions">
      <span className="an-total">Or only a report, anonymised:</span>
      <select aria-label="Anonymised report" value={format} onChange={(e) => setFormat(e.target.value as ReportFormat)}>
        {REPORT_FORMATS.map((f) => (
          <option key={f} value={f}>
            {REPORT_LABELS[f]}
          </option>
        ))}
      </select>
      <button className="btn" disabled={disabled || state.busy} onClick={() => void run()}>
        {state.busy ? 'Writing…' : 'Export anonymised report'}
      </button>
      {state.message && (
        <span role={state.error ? 'alert' : 'status'} className={state.error ? 'small error-text' : 'small muted'}>
          {state.message}
        </span>
      )}
    </div>
  );
}
