import { useUi } from '../state/ui.tsx';
import { Modal } from './Modal.tsx';

export const SHORTCUTS: [string, string][] = [
  ['C', 'Apply a code to the selection (search picker)'],
  ['N', 'New code (applied to the selection)'],
  ['V', 'In-vivo code: the selection names the code'],
  ['J', 'Jump to the next coding of the chosen code'],
  ['/  or  Ctrl+F', 'Find in document'],
  ['Ctrl+Z', 'Undo'],
  ['Ctrl+Shift+Z  or  Ctrl+Y', 'Redo'],
  ['1 – 4', 'Transcript · Quotes · Documents · Analysis'],
  ['Delete', 'Remove the coding shown on the right'],
  ['Esc', 'Close a dialog'],
  ['?', 'This help'],
];

export function ShortcutHelp() {
  const { patch } = useUi();
  return (
    <Modal title="Keyboard shortcuts" onClose={() => patch({ dialog: null })}>
      <table className="shortcuts">
        <tbody>{SHORTCUTS.map(([k, v]) => <tr key={k}><td><kbd>{k}</kbd></td><td>{v}</td></tr>)}</tbody>
      </table>
    </Modal>
  );
}
