import { useUi } from '../state/ui.tsx';
import { Modal } from '../components/Modal.tsx';
import { VIEWS } from './TopBar.tsx';

/**
 * Every key the workbench answers to, by where it works. The view keys come from the tab list
 * itself, so a new view's key is listed the moment it exists.
 */
export function shortcutGroups(): [string, [string, string][]][] {
  return [
    [
      'With text selected in the transcript',
      [
        ['C', 'Apply a code to the selection (search picker, recent codes first)'],
        ['N', 'New code, applied to the selection'],
        ['V', 'In-vivo code: the selection names the code'],
      ],
    ],
    [
      'In the transcript',
      [
        ['J', 'Jump to the next coding of the chosen code'],
        ['/  or  Ctrl+F', 'Find in document'],
        ['Enter  /  Shift+Enter', 'Next / previous find hit (in the find field)'],
        ['Esc', 'Clear the find field'],
        ['Delete', 'Remove the coding shown on the right'],
      ],
    ],
    [
      'With a recording (work while text is selected)',
      [
        ['Ctrl+Space', 'Play / pause'],
        ['Ctrl+Shift+Space', 'Replay the last 5 seconds'],
        ['Ctrl+,  /  Ctrl+.', 'Back / forward 5 seconds'],
        ['Ctrl+M', 'Sync points: mark the chosen turn as starting now'],
      ],
    ],
    [
      'Anywhere',
      [
        ...VIEWS.map(([, label, key]): [string, string] => [key, `${label} view`]),
        ['[', 'Show or hide the documents and codebook (remembered per view)'],
        [']', 'Show or hide the coding panel (remembered per view)'],
        ['Ctrl+Z', 'Undo'],
        ['Ctrl+Shift+Z  or  Ctrl+Y', 'Redo'],
        ['?', 'This help'],
      ],
    ],
    [
      'In the code picker and dialogs',
      [
        ['↑  /  ↓', 'Move through the codes'],
        ['Enter', 'Apply the highlighted code (or create the typed one)'],
        ['Esc', 'Close a dialog'],
      ],
    ],
  ];
}

export function ShortcutHelp() {
  const { patch } = useUi();
  return (
    <Modal title="Keyboard shortcuts" onClose={() => patch({ dialog: null })} wide>
      <div className="shortcut-groups">
        {shortcutGroups().map(([title, rows]) => (
          <table key={title} className="shortcuts">
            <caption>{title}</caption>
            <tbody>
              {rows.map(([k, v]) => (
                <tr key={k + v}>
                  <td>
                    <kbd>{k}</kbd>
                  </td>
                  <td>{v}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
    </Modal>
  );
}
