import { useUi } from '../state/ui.tsx';
import { CodePicker } from '../features/codes/CodePicker.tsx';
import { NewCodeDialog } from '../features/codes/NewCodeDialog.tsx';
import { ShortcutHelp } from './ShortcutHelp.tsx';
import { CoderDialog } from '../features/codes/CoderSelector.tsx';

export function Dialogs() {
  const { ui } = useUi();
  switch (ui.dialog?.kind) {
    case 'picker':
      return <CodePicker />;
    case 'newCode':
      return <NewCodeDialog />;
    case 'help':
      return <ShortcutHelp />;
    case 'coder':
      return <CoderDialog />;
    default:
      return null;
  }
}
