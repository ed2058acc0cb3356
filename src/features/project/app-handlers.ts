import type { Handlers } from '../../api/handler-types.ts';
import { ThematicError } from '../../core/errors.ts';

const refuse = () => {
  throw new ThematicError(
    'not_supported',
    'opening another project is up to the app holding this one (the web mode, or File > Open project... on the desktop)',
  );
};

export const appHandlers: Handlers<'app.openProject' | 'app.openLatestBackup' | 'app.salvage'> = {
  'app.openProject': refuse,
  'app.openLatestBackup': refuse,
  'app.salvage': refuse,
};
