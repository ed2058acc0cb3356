import { useProject } from '../state/project.tsx';
import { useUi, type View, type Visibility } from '../state/ui.tsx';
import { useCodingActions } from '../hooks/useCodingActions.ts';
import { CoderSelector } from './CoderSelector.tsx';
import { BlindToggle } from '../reconcile/BlindToggle.tsx';

/** The views with their number key: 1-4 for the daily views, 0 for the project home. */
export const VIEWS: [View, string, string][] = [
  ['home', 'Home', '0'], ['transcript', 'Transcript', '1'], ['quotes', 'Quotes', '2'], ['documents', 'Documents', '3'], ['analysis', 'Analysis', '4'],
  ['themes', 'Themes', '5'], ['map', 'Map', '6'], ['reconcile', 'Reconcile', '7'], ['anonymise', 'Share', '8'],
];
const SHOW: [Visibility, string][] = [['mine', 'Mine'], ['other', 'Other coder'], ['both', 'Both'], ['consensus', 'Consensus']];

export function TopBar() {
  const { info, history } = useProject();
  const { ui, patch } = useUi();
  const { undo, redo } = useCodingActions();
  return (
    <header className="topbar">
      <div className="brand"><span className="logo" aria-hidden="true">◐</span><span className="project-name" title={info?.path}>{info?.name ?? 'Thematic'}</span></div>
      <nav className="tabs" aria-label="Views">
        {VIEWS.map(([v, label, key]) => (
          <button key={v} className={ui.view === v ? 'tab active' : 'tab'} onClick={() => patch({ view: v })} title={`${label} (${key})`}>{label}</button>
        ))}
      </nav>
      <div className="topbar-right">
        <CoderSelector />
        <BlindToggle />
        <div className="segmented" role="radiogroup" aria-label="Show codings of">
          {SHOW.map(([v, label]) => (
            <button key={v} role="radio" aria-checked={ui.visibility === v} disabled={ui.blind && v !== 'mine'} title={ui.blind && v !== 'mine' ? 'Blind mode is on' : undefined} className={ui.visibility === v ? 'on' : ''} onClick={() => patch({ visibility: v, activeCodingIds: [] })}>{label}</button>
          ))}
        </div>
        <div className="undo-redo">
          <button className="icon-btn" onClick={() => void undo()} disabled={!history?.canUndo} title="Undo (Ctrl+Z)" aria-label="Undo">↶</button>
          <button className="icon-btn" onClick={() => void redo()} disabled={!history?.canRedo} title="Redo (Ctrl+Shift+Z)" aria-label="Redo">↷</button>
        </div>
        <button className="icon-btn" onClick={() => patch({ dialog: { kind: 'help' } })} title="Keyboard shortcuts (?)" aria-label="Keyboard shortcuts">?</button>
      </div>
    </header>
  );
}
