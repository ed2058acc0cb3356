import { useUi } from '../../state/ui.tsx';
import { usePanels } from '../../state/layout.ts';

/** "Show the codebook": offered where a view asks for the codebook while the panel is hidden. */
export function ShowCodebookButton() {
  const { ui } = useUi();
  const panels = usePanels(ui.view);
  if (panels.left) return null;
  return (
    <button className="btn" onClick={() => panels.toggle('left')} aria-keyshortcuts="[">
      Show the codebook
    </button>
  );
}
