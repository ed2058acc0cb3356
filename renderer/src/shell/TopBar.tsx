import { useProject } from '../state/project.tsx';
import { useUi, type View, type Visibility } from '../state/ui.tsx';
import { useCodingActions } from '../features/codes/useCodingActions.ts';
import { CoderSelector } from '../features/codes/CoderSelector.tsx';
import { BlindToggle } from '../features/reconcile/BlindToggle.tsx';
import { usePanels, type Side } from '../state/layout.ts';

/** The views with their number key: 1-4 for the daily views, 0 for the project home (shown in the rail, ViewRail.tsx). */
export const VIEWS: [View, string, string][] = [
  ['home', 'Home', '0'],
  ['transcript', 'Transcript', '1'],
  ['quotes', 'Quotes', '2'],
  ['documents', 'Documents', '3'],
  ['analysis', 'Analysis', '4'],
  ['themes', 'Themes', '5'],
  ['map', 'Map', '6'],
  ['reconcile', 'Reconcile', '7'],
  ['anonymise', 'Share', '8'],
];
const SHOW: [Visibility, string][] = [
  ['mine', 'Mine'],
  ['other', 'Other coder'],
  ['both', 'Both'],
  ['consensus', 'Consensus'],
];

export function TopBar() {
  const { info, history } = useProject();
  const { ui, patch } = useUi();
  const { undo, redo } = useCodingActions();
  const panels = usePanels(ui.view);
  return (
    <header className="topbar">
      <PanelToggle side="left" open={panels.left} onToggle={panels.toggle} />
      <div className="brand">
        <span className="logo" aria-hidden="true">
          ◐
        </span>
        <span className="project-name" title={info?.path}>
          {info?.name ?? 'Thematic'}
        </span>
      </div>
      <div className="topbar-right">
        <CoderSelector />
        <BlindToggle />
        <div className="segmented" role="radiogroup" aria-label="Show codings of">
          {SHOW.map(([v, label]) => (
            <button
              key={v}
              role="radio"
              aria-checked={ui.visibility === v}
              disabled={ui.blind && v !== 'mine'}
              title={ui.blind && v !== 'mine' ? 'Blind mode is on' : undefined}
              className={ui.visibility === v ? 'on' : ''}
              onClick={() => patch({ visibility: v, activeCodingIds: [] })}
            >
              {label}
            </button>
          ))}
        </div>
        <div className="undo-redo">
          <button className="icon-btn" onClick={() => void undo()} disabled={!history?.canUndo} title="Undo (Ctrl+Z)" aria-label="Undo">
            ↶
          </button>
          <button
            className="icon-btn"
            onClick={() => void redo()}
            disabled={!history?.canRedo}
            title="Redo (Ctrl+Shift+Z)"
            aria-label="Redo"
          >
            ↷
          </button>
        </div>
        <button
          className="icon-btn"
          onClick={() => patch({ dialog: { kind: 'help' } })}
          title="Keyboard shortcuts (?)"
          aria-label="Keyboard shortcuts"
        >
          ?
        </button>
        <PanelToggle side="right" open={panels.right} onToggle={panels.toggle} />
      </div>
    </header>
  );
}

/** Shows or hides a side panel of the current view ([ and ] do the same). */
function PanelToggle({ side, open, onToggle }: { side: Side; open: boolean; onToggle(side: Side): void }) {
  const [what, key, id, x] =
    side === 'left' ? (['documents and codebook', '[', 'side-panel', 2] as const) : (['coding panel', ']', 'coding-panel', 10] as const);
  return (
    <button
      className="icon-btn panel-toggle"
      aria-controls={id}
      aria-expanded={open}
      onClick={() => onToggle(side)}
      title={`${what[0].toUpperCase()}${what.slice(1)} (${key})`}
      aria-label={`${open ? 'Hide' : 'Show'} ${what}`}
      aria-keyshortcuts={key}
    >
      <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
        <rect x="1.5" y="2.5" width="13" height="11" rx="1.5" fill="none" stroke="currentColor" />
        <rect x={x} y="3" width="4" height="10" fill={open ? 'currentColor' : 'none'} />
      </svg>
    </button>
  );
}
