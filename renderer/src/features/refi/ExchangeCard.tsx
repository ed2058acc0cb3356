import { useRef, useState } from 'react';
import type { Output } from '@api/contract.ts';
import { call } from '../../api/client.ts';
import { downloadBase64, readBase64 } from '../../lib/download.ts';

type ImportReport = Output<'refi.import'>;
type ExportReport = Output<'refi.export'>['report'];

const countLine = (counts: Record<string, number>) =>
  Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${k}`)
    .join(' · ');

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
  // How a file comes in: a study of its own, or the same study coded by someone else.
  const [mode, setMode] = useState<'study' | 'another-coder'>('study');
  const [coder, setCoder] = useState('');
  const [mergeIdentical, setMergeIdentical] = useState(false);
  const [groupsAsAttributes, setGroupsAsAttributes] = useState(false);
  // Recordings can be gigabytes: into the .qdpx only when asked.
  const [withMedia, setWithMedia] = useState(false);

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setBusy(`Importing ${file.name}…`);
    setError(null);
    setImported(null);
    setExported(null);
    try {
      const options =
        mode === 'another-coder'
          ? { mode, ...(coder.trim() ? { coder: coder.trim() } : {}) }
          : { ...(mergeIdentical ? { identicalText: 'merge' as const } : {}) };
      setImported(
        await call('refi.import', {
          fileName: file.name,
          contentBase64: await readBase64(file),
          ...options,
          ...(groupsAsAttributes ? { groupsAsAttributes } : {}),
        }),
      );
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
      if (input.current) input.current.value = '';
    }
  };

  const exportAs = async (format: 'qdpx' | 'qdc', target?: 'nvivo') => {
    setBusy(`Writing the .${format}…`);
    setError(null);
    setImported(null);
    setExported(null);
    try {
      const r = await call('refi.export', {
        format,
        ...(target ? { target } : {}),
        ...(format === 'qdpx' && withMedia ? { includeMedia: true } : {}),
      });
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
        <button className="btn" disabled={!!busy} onClick={() => input.current?.click()}>
          Import .qdpx / .qde / .qdc…
        </button>
        <input
          ref={input}
          type="file"
          hidden
          accept=".qdpx,.qde,.qdc"
          aria-label="REFI-QDA file"
          onChange={(e) => void importFile(e.target.files?.[0])}
        />
        <button className="btn" disabled={!!busy} onClick={() => void exportAs('qdpx')}>
          Export project (.qdpx)
        </button>
        <button
          className="btn"
          disabled={!!busy}
          onClick={() => void exportAs('qdpx', 'nvivo')}
          title="Positions in UTF-16 units, as NVivo reads them"
        >
          Export for NVivo (.qdpx)
        </button>
        <button className="btn" disabled={!!busy} onClick={() => void exportAs('qdc')}>
          Export codebook (.qdc)
        </button>
      </div>
      <fieldset
        className="small"
        aria-label="Import options"
        style={{ border: 'none', padding: 0, margin: '6px 0 0', display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '4px 14px' }}
      >
        <label>
          Import as{' '}
          <select value={mode} onChange={(e) => setMode(e.target.value as typeof mode)}>
            <option value="study">a project or codebook</option>
            <option value="another-coder">the same study from another coder</option>
          </select>
        </label>
        {mode === 'another-coder' ? (
          <label>
            Coder name <input value={coder} maxLength={100} placeholder="as in the file" onChange={(e) => setCoder(e.target.value)} />
          </label>
        ) : (
          <label>
            <input type="checkbox" checked={mergeIdentical} onChange={(e) => setMergeIdentical(e.target.checked)} /> Merge a source whose
            text is already here
          </label>
        )}
        <label>
          <input type="checkbox" checked={groupsAsAttributes} onChange={(e) => setGroupsAsAttributes(e.target.checked)} /> Document groups
          like “gender: male” become participant attributes
        </label>
        {mode === 'another-coder' && (
          <div className="muted">
            Documents are matched by their text (line ends and trailing spaces aside), codes by path and name; the codings come in under
            their coder.
          </div>
        )}
      </fieldset>
      <label className="small">
        <input type="checkbox" checked={withMedia} onChange={(e) => setWithMedia(e.target.checked)} /> Include recordings in the .qdpx
        (those Thematic keeps a copy of)
      </label>
      {busy && (
        <div className="small" role="status">
          {busy}
        </div>
      )}
      {error && (
        <div className="error-banner" role="alert">
          {error}
        </div>
      )}
      {(imported || exported) && (
        <div className="exchange-report" aria-label="Exchange report">
          <div className="small">
            <strong>{imported ? `Imported ${imported.fileName}` : `Exported ${exported!.fileName}`}</strong>
            {imported?.origin ? ` (from ${imported.origin})` : ''}
            {imported?.mode ? ' as the same study from another coder' : ''}: {countLine((imported ?? exported)!.counts)}
          </div>
          {!!imported?.matched?.length && (
            <>
              <div className="small">Matched in this project:</div>
              <ul className="small exchange-items" aria-label="Matched">
                {imported.matched.map((it, k) => (
                  <li key={k}>
                    <strong>{it.name}</strong>: {it.detail}
                  </li>
                ))}
              </ul>
            </>
          )}
          {items.length > 0 && (
            <>
              <div className="small">{imported ? 'Not brought in, or changed on the way:' : 'Not carried by the standard:'}</div>
              <ul className="small exchange-items">
                {items.map((it, k) => (
                  <li key={k}>
                    <strong>{it.name}</strong> ({it.kind}): {it.detail}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
