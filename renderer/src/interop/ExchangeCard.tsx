import { useRef, useState } from 'react';
import type { Output } from '../../../src/api/contract.ts';
import { call } from '../api/client.ts';
import { downloadBase64, readBase64 } from '../analysis/download.ts';

type ImportReport = Output<'refi.import'>;
type ExportReport = Output<'refi.export'>['report'];

const countLine = (counts: Record<string, number>) => Object.entries(counts).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`).join(' · ');

/**
 * REFI-QDA exchange on the project home: bring in a project or codebook from NVivo, ATLAS.ti,
 * MAXQDA or QualCoder, and send this one out. Each shows its report: what came across and,
 * by name, what the standard or Thematic could not carry.
 */
export function ExchangeCard() {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [imported, setImported] = useState<ImportReport | null>(null);
  const [exported, setExported] = useState<ExportReport | null>(null);
  // Recordings can be gigabytes: into the .qdpx only when asked.
  const [withMedia, setWithMedia] = useState(false);

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setBusy(`Importing ${file.name}…`); setError(null); setImported(null); setExported(null);
    try {
      setImported(await call('refi.import', { fileName: file.name, contentBase64: await readBase64(file) }));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
      if (input.current) input.current.value = '';
    }
  };

  const exportAs = async (format: 'qdpx' | 'qdc') => {
    setBusy(`Writing the .${format}…`); setError(null); setImported(null); setExported(null);
    try {
      const r = await call('refi.export', format === 'qdpx' && withMedia ? { format, includeMedia: true } : { format });
      downloadBase64(r.fileName, 'application/zip', r.contentBase64);
      setExported(r.report);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  };

  const items = imported ? [...imported.notCarried, ...imported.notes] : exported ? exported.notCarried : [];
  return (
    <section className="home-card" aria-label="Exchange with other tools">
      <h2 className="home-h2">Exchange with other tools</h2>
      <p className="muted small">REFI-QDA: NVivo, ATLAS.ti, MAXQDA and QualCoder read and write it.</p>
      <div className="row-gap">
        <button className="btn" disabled={!!busy} onClick={() => input.current?.click()}>Import .qdpx / .qde / .qdc…</button>
        <input ref={input} type="file" hidden accept=".qdpx,.qde,.qdc" aria-label="REFI-QDA file" onChange={(e) => void importFile(e.target.files?.[0])} />
        <button className="btn" disabled={!!busy} onClick={() => void exportAs('qdpx')}>Export project (.qdpx)</button>
        <button className="btn" disabled={!!busy} onClick={() => void exportAs('qdc')}>Export codebook (.qdc)</button>
      </div>
      <label className="small"><input type="checkbox" checked={withMedia} onChange={(e) => setWithMedia(e.target.checked)} /> Include recordings in the .qdpx (those Thematic keeps a copy of)</label>
      {busy && <div className="small" role="status">{busy}</div>}
      {error && <div className="error-banner" role="alert">{error}</div>}
      {(imported || exported) && (
        <div className="exchange-report" aria-label="Exchange report">
          <div className="small"><strong>{imported ? `Imported ${imported.fileName}` : `Exported ${exported!.fileName}`}</strong>
            {imported?.origin ? ` (from ${imported.origin})` : ''}: {countLine((imported ?? exported)!.counts)}</div>
          {items.length > 0 && (
            <>
              <div className="small">{imported ? 'Not brought in, or changed on the way:' : 'Not carried by the standard:'}</div>
              <ul className="small exchange-items">
                {items.map((it, k) => <li key={k}><strong>{it.name}</strong> ({it.kind}): {it.detail}</li>)}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
