import type { Handlers } from '../../api/handler-types.ts';
import { writeCoderCopy } from './coder-copy.ts';
import { copyPath } from '../anonymise/handlers.ts';

export const coderCopyHandlers: Handlers<'reconcile.coderCopy'> = {
  'reconcile.coderCopy': (i, h) => {
    const out = copyPath(h.path, i.outPath, h.trusted);
    h.progress('writing the coder copy');
    return { path: out, coder: i.coder, ...writeCoderCopy(h.db, i.coder, out) };
  },
};
