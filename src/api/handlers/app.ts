import type { Handlers } from './types.ts';
import { ThematicError } from '../../store/errors.ts';

export const appHandlers: Handlers<'app.openProject'> = {
  'app.openProject': () => {
    throw new ThematicError('not_supported', 'opening another project is up to the app holding this one (the web mode, or File > Open project... on the desktop)');
  },
};
