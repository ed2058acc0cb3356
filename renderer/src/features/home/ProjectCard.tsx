import { useEffect, useState } from 'react';
import { call } from '../../api/client.ts';
import { useProject } from '../../state/project.tsx';
import { ApiError } from '../../api/transport.ts';
import { DamagedOffer, RecoveryNotice } from './Recovery.tsx';
import { forgetProject, recentProjects, rememberProject, type RecentProject } from '../../state/recent.ts';

/** A shell command with a copy button: the honest way to open another file from the web mode. */
function Command({ text }: { text: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <span className="command">
      <code>{text}</code>
      <button
        className="mini-btn"
        onClick={() => {
          void navigator.clipboard?.writeText(text).then(
            () => setCopied(true),
            () => {},
          );
        }}
      >
        {copied ? 'Copied' : 'Copy'}
      </button>
    </span>
  );
}

/** The desktop app is started with `thematic desktop FILE`; the web mode with `thematic serve FILE`. */
const inElectron = () => !!(window as unknown as { thematic?: unknown }).thematic;
const openCommand = (p: string) => `thematic ${inElectron() ? 'desktop' : 'serve'} ${quote(p)}`;

const quote = (p: string) => (/[\s'"$`\\]/.test(p) ? `'${p.replace(/'/g, `'\\''`)}'` : p);

/**
 * The open project, the recent ones, and how to open another. One server process serves one
 * project file, so the browser cannot switch files itself: it says which command does.
 */
export function ProjectCard() {
  const { info } = useProject();
  const [recent, setRecent] = useState<RecentProject[]>(recentProjects);
  const [path, setPath] = useState('');
  // Remember the open project once its path is known.
  const openPath = info?.path,
    openName = info?.name;
  useEffect(() => {
    if (openPath && openName) setRecent(rememberProject(openPath, openName));
  }, [openPath, openName]);
  if (!info) return null;
  return (
    <section className="home-card" aria-label="Project">
      <h2 className="home-h2">Project</h2>
      <div className="current-project">
        <div className="current-name">{info.name}</div>
        <div className="muted small path" title={info.path}>
          {info.path}
        </div>
        <div className="small">
          {info.counts.documents} documents · {info.counts.participants} participants · {info.counts.codes} codes · {info.counts.codings}{' '}
          codings · {info.counts.coders} coders
        </div>
      </div>
      <RecoveryNotice openPath={info.path} />
      <h3 className="home-h3">Recent projects</h3>
      <ul className="recent-list" aria-label="Recent projects">
        {recent.map((r) => (
          <li key={r.path} className={r.path === info.path ? 'recent current' : 'recent'}>
            <span className="recent-name">{r.name}</span>
            <span className="muted small path" title={r.path}>
              {r.path}
            </span>
            {r.path === info.path ? (
              <span className="chip">open now</span>
            ) : (
              <>
                <Command text={openCommand(r.path)} />
                <button className="mini-btn" aria-label={`Forget ${r.name}`} onClick={() => setRecent(forgetProject(r.path))}>
                  ×
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      <h3 className="home-h3">Open or create another project</h3>
      {inElectron() ? (
        <p className="small muted">Use File › Open project… or File › New project… in the menu.</p>
      ) : (
        <WebOpen path={path} setPath={setPath} />
      )}
      {path.trim() && (
        <div className="commands">
          <div className="small">
            Or from a terminal: <Command text={openCommand(path.trim())} />
          </div>
          <div className="small">
            Create it empty first: <Command text={`thematic new ${quote(path.trim())}`} />
          </div>
        </div>
      )}
    </section>
  );
}

/** The sample study: reload it when it is what is open; otherwise say how to build and open it. */
export function SampleCard() {
  const isSample = !!useProject().info?.isSample;
  return (
    <section className="home-card" aria-label="Sample study">
      <h2 className="home-h2">Sample study</h2>
      <p className="small">Interviews with patients and healthcare professionals, coded by two coders: a safe place to try everything.</p>
      {isSample ? (
        <button className="btn primary" onClick={() => window.location.reload()}>
          Reload the sample study
        </button>
      ) : (
        <p className="small muted">
          Open it with <Command text="thematic desktop" /> (it builds the sample on first start), or <Command text="thematic sample" /> then
          serve the file it prints.
        </p>
      )}
    </section>
  );
}

/** Web mode: the server opens the file (refusing a locked, newer or missing one) and the page reloads on it. */
function WebOpen({ path, setPath }: { path: string; setPath: (p: string) => void }) {
  const [error, setError] = useState<string | null>(null);
  // A damaged file: its sentence, with the two ways out offered as buttons.
  const [damaged, setDamaged] = useState<{ path: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const go = async (create: boolean) => {
    setBusy(true);
    setError(null);
    setDamaged(null);
    try {
      await call('app.openProject', { path: path.trim(), create });
      window.location.reload();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'damaged') setDamaged({ path: path.trim(), message: e.message });
      else setError((e as Error).message);
      setBusy(false);
    }
  };
  return (
    <div className="web-open">
      <label className="inline-field small">
        Project file
        <input
          value={path}
          onChange={(e) => setPath(e.target.value)}
          placeholder="/path/to/study.thematic"
          aria-label="Project file path"
          onKeyDown={(e) => {
            if (e.key === 'Enter' && path.trim()) void go(false);
          }}
        />
      </label>
      <button className="btn" disabled={!path.trim() || busy} onClick={() => void go(false)}>
        Open
      </button>
      <button className="btn" disabled={!path.trim() || busy} onClick={() => void go(true)}>
        Create new
      </button>
      {error && (
        <div className="error small" role="alert">
          {error}
        </div>
      )}
      {damaged && <DamagedOffer key={damaged.path} path={damaged.path} message={damaged.message} />}
    </div>
  );
}
