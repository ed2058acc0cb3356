import { useRef, useState } from 'react';
import { call } from '../../api/client.ts';
import { useUi } from '../../state/ui.tsx';
import { readBase64 } from '../../lib/download.ts';
import { attachProblem, baseName, RECORDING_NAME } from '../media/mediaUrl.ts';

const ACCEPT = '.txt,.md,.docx,.odt,.pdf,.vtt,.srt,.qdpx,.qde,.qdc,.wav,.mp3,.m4a,.aac,.ogg,.oga,.opus,.flac,.webm,.mp4,.m4v,.mov';
const REFI = /\.(qdpx|qde|qdc)$/i;

interface Problem {
  file: string;
  message: string;
  kind: 'error' | 'warning';
}
interface Run {
  total: number;
  done: number;
  current: string | null;
  imported: number;
  problems: Problem[];
}

/**
 * Import transcripts by dropping files or choosing them. One file per API call, so a long import
 * shows its progress (files done / total) and one bad file does not stop the others.
 */
export function ImportPanel() {
  const { patch } = useUi();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [participant, setParticipant] = useState('');
  const [run, setRun] = useState<Run | null>(null);
  const busy = !!run && run.done < run.total;

  const importFiles = async (dropped: File[]) => {
    if (!dropped.length || busy) return;
    // Recordings go with the transcript of the same base name dropped with them (P4.vtt + P4.m4a).
    const recordings = dropped.filter((f) => RECORDING_NAME.test(f.name));
    const files = dropped.filter((f) => !RECORDING_NAME.test(f.name));
    const docByBase = new Map<string, number>();
    const state: Run = { total: files.length, done: 0, current: null, imported: 0, problems: [] };
    const show = () => setRun({ ...state, problems: [...state.problems] });
    for (const f of files) {
      state.current = f.name;
      show();
      try {
        if (REFI.test(f.name)) {
          // A REFI-QDA project or codebook dropped here goes through the exchange import; what it
          // could not bring in is listed like any other problem.
          const r = await call('refi.import', { fileName: f.name, contentBase64: await readBase64(f) });
          state.imported += 1;
          state.problems.push(
            ...[...r.notCarried, ...r.notes].map((x) => ({ file: f.name, message: `${x.name}: ${x.detail}`, kind: 'warning' as const })),
          );
          state.done++;
          continue;
        }
        const r = await call('documents.import', {
          files: [{ name: f.name, contentBase64: await readBase64(f) }],
          ...(participant.trim() ? { participant: participant.trim() } : {}),
        });
        state.imported += r.documents.length;
        if (r.documents[0]) docByBase.set(baseName(f.name), r.documents[0].id);
        state.problems.push(...r.warnings.map((w) => ({ file: w.file, message: w.message, kind: 'warning' as const })));
      } catch (e) {
        state.problems.push({ file: f.name, message: (e as Error).message, kind: 'error' });
      }
      state.done++;
    }
    for (const f of recordings) {
      const documentId = docByBase.get(baseName(f.name));
      const problem = attachProblem(f);
      if (problem) {
        state.problems.push({ file: f.name, message: problem, kind: 'error' });
        continue;
      }
      if (documentId === undefined) {
        state.problems.push({
          file: f.name,
          message: `no transcript named ${baseName(f.name)}.* was imported with it; attach it from the document's page`,
          kind: 'error',
        });
        continue;
      }
      state.current = f.name;
      show();
      try {
        await call('media.attach', { documentId, fileName: f.name, contentBase64: await readBase64(f) });
      } catch (e) {
        state.problems.push({ file: f.name, message: `recording not attached: ${(e as Error).message}`, kind: 'error' });
      }
    }
    state.current = null;
    show();
    const failed = state.problems.filter((p) => p.kind === 'error').length;
    patch({ status: `Imported ${state.imported} of ${state.total} files${failed ? `; ${failed} failed` : ''}.` });
  };

  return (
    <section
      className={`import-panel${over ? ' over' : ''}`}
      aria-label="Import transcripts"
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) {
          e.preventDefault();
          setOver(true);
        }
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        void importFiles([...e.dataTransfer.files]);
      }}
    >
      <div className="import-row">
        <span className="import-hint">
          Drop transcripts here{' '}
          <span className="muted">
            (.txt .md .docx .odt .pdf .vtt .srt, or a REFI-QDA .qdpx; a recording with the same name is attached, e.g. P4.vtt + P4.m4a)
          </span>{' '}
          or
        </span>
        <button className="btn" disabled={busy} onClick={() => input.current?.click()}>
          Choose files…
        </button>
        <input
          ref={input}
          type="file"
          multiple
          accept={ACCEPT}
          hidden
          aria-label="Transcript files"
          onChange={(e) => {
            const fs = [...(e.target.files ?? [])];
            e.target.value = '';
            void importFiles(fs);
          }}
        />
        <label className="inline-field small">
          Participant
          <input
            value={participant}
            onChange={(e) => setParticipant(e.target.value)}
            placeholder="optional, e.g. P15"
            aria-label="Participant for imported files"
          />
        </label>
      </div>
      {run && (
        <div className="import-progress">
          <progress max={run.total} value={run.done} aria-label="Import progress" />
          <span className="small" data-testid="import-count">
            {run.done} / {run.total} files
          </span>
          <span className="small muted">{run.current ? `Importing ${run.current}…` : `Done: ${run.imported} imported`}</span>
        </div>
      )}
      {run && run.problems.length > 0 && (
        <ul className="import-problems" role="alert" aria-label="Import problems">
          {run.problems.map((p, i) => (
            <li key={i} className={p.kind}>
              <strong>{p.file}</strong>: {p.kind === 'warning' ? 'warning: ' : 'not imported: '}
              {p.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
