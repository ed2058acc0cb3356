import { useEffect, useRef, useState } from 'react';
import type { Output } from '@api/contract.ts';
import { keyToCsv } from '@core/anonymise/key-csv.ts';
import { call } from '../../api/client.ts';
import { download } from '../../lib/download.ts';
import { useProject } from '../../state/project.tsx';
import { complete, foundText, fromReplacement, newRow, toReplacement, type Row } from './rows.ts';
import { ReplacementTable } from './ReplacementTable.tsx';
import { PreviewList } from './PreviewList.tsx';
import { AnonymisedReport } from './AnonymisedReport.tsx';
import './anonymise.css';

type Preview = Output<'anonymise.preview'>;
type Exported = Output<'anonymise.export'>;

/**
 * Anonymised sharing: a key of replacements (names, places, dates, patterns), a preview of every
 * occurrence, and an anonymised copy of the whole project written beside it. The project itself
 * is never changed; the key is never written into the copy.
 */
export function AnonymiseView() {
  const { info } = useProject();
  const [rows, setRows] = useState<Row[]>(() => [newRow()]);
  const [preview, setPreview] = useState<{ rows: Row[]; data: Preview } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const [overwrite, setOverwrite] = useState(false);
  const [busy, setBusy] = useState(false);
  const [exported, setExported] = useState<Exported | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const ready = rows.filter(complete);

  // The preview follows the key as it is typed (after a short pause), so counts are always current.
  const keyJson = JSON.stringify(ready.map(toReplacement));
  useEffect(() => {
    let live = true;
    const t = setTimeout(() => {
      const asked = ready;
      call('anonymise.preview', { replacements: JSON.parse(keyJson) }).then(
        (data) => {
          if (live) {
            setPreview({ rows: asked, data });
            setError(null);
          }
        },
        (e: Error) => {
          if (live) {
            setPreview(null);
            setError(e.message);
          }
        },
      );
    }, 300);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [keyJson]);

  const counts = new Map<number, number>();
  preview?.rows.forEach((r, i) => counts.set(r.id, preview.data.perRule[i] ?? 0));
  const total = preview ? preview.data.perRule.reduce((a, b) => a + b, 0) : 0;
  const docs = preview ? new Set(preview.data.occurrences.map((o) => o.documentId)).size : 0;

  async function loadKey(file: File) {
    try {
      const { replacements } = await call('anonymise.parseKey', { csv: await file.text() });
      setRows(replacements.length ? replacements.map(fromReplacement) : [newRow()]);
      setError(null);
    } catch (e) {
      setError(`${file.name}: ${(e as Error).message}`);
    }
  }

  async function exportCopy() {
    setBusy(true);
    setExported(null);
    try {
      setExported(await call('anonymise.export', { replacements: ready.map(toReplacement), overwrite }));
      setExportError(null);
    } catch (e) {
      setExportError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="table-view an-view">
      <div className="view-header">
        <h1>Share an anonymised copy</h1>
        <span className="grow" />
        <button className="btn" onClick={() => fileInput.current?.click()}>
          Load key…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".csv,text/csv"
          hidden
          aria-label="Key file"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void loadKey(f);
          }}
        />
        <button
          className="btn"
          disabled={!ready.length}
          onClick={() => download('anonymisation-key.csv', 'text/csv', keyToCsv(ready.map(toReplacement)))}
        >
          Save key
        </button>
      </div>
      <p className="an-lead">
        Share a copy of {info?.name ?? 'the project'} with names, places and dates replaced: every transcript, memo, code, theme and
        participant detail, with every coding still on the same words. This project is not changed.
      </p>
      <p className="muted small an-note">
        The key links pseudonyms to real people: keep it safe and never share it with the copy. It is not written into the copy.
      </p>
      <ReplacementTable
        rows={rows}
        counts={counts}
        onChange={(r) => {
          setRows(r);
          setExported(null);
        }}
      />
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <div className="an-actions">
        <span className="an-total" data-testid="preview-total">
          {ready.length
            ? foundText(total, docs, preview?.data.fields.reduce((a, f) => a + f.count, 0) ?? 0)
            : 'Add a replacement to see where it occurs'}
        </span>
        <span className="grow" />
        <label className="an-check small">
          <input type="checkbox" checked={overwrite} onChange={(e) => setOverwrite(e.target.checked)} /> Replace an existing copy
        </label>
        <button className="btn primary" disabled={!ready.length || busy || !!error} onClick={() => void exportCopy()}>
          {busy ? 'Writing…' : 'Export anonymised copy'}
        </button>
      </div>
      <AnonymisedReport replacements={ready.map(toReplacement)} disabled={!ready.length || !!error} />
      {exportError && (
        <p className="error-text" role="alert">
          {exportError}
        </p>
      )}
      {exported && (
        <div className="an-done" role="status">
          <strong>Anonymised copy written:</strong> <code className="path">{exported.path}</code>
          <div className="muted small">
            {exported.counts.occurrences} replacements in {exported.counts.documents} documents and {exported.counts.fieldValues} other
            values; {exported.counts.codings} codings kept on their words. The copy starts with an empty undo history. Recordings are never
            carried into it (a voice identifies a person)
            {exported.counts.recordingsLeftOut ? `: ${exported.counts.recordingsLeftOut} left out` : ''}. Reports made from it (thematic
            export COPY --format …) are anonymised too.
          </div>
        </div>
      )}
      {preview && <PreviewList preview={preview.data} />}
    </div>
  );
}
