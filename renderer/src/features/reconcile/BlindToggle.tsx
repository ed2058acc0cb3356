import { useUi } from '../../state/ui.tsx';
import { prefs } from '../../state/prefs.ts';

/** The top-bar switch; turning it on also drops any view of the other coder's codings at once. */
export function BlindToggle() {
  const { ui, patch } = useUi();
  return (
    <label className="blind-toggle" title="Blind mode: see only your own codings while coding">
      <input
        type="checkbox"
        checked={ui.blind}
        aria-label="Blind mode"
        onChange={(e) => {
          const on = e.target.checked;
          prefs.setBlind(on);
          patch(on ? { blind: true, visibility: 'mine', activeCodingIds: [] } : { blind: false });
        }}
      />
      Blind
    </label>
  );
}
