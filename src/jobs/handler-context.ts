import path from 'node:path';
import type { Db } from '../store/open.ts';
import { mapWriteError } from '../store/open.ts';
import { runOperation } from '../store/operations.ts';
import { recordClientOperation } from '../store/client-operations.ts';
import { contract, isMethod } from '../api/contract.ts';

const isMutating = (method: string) => isMethod(method) && contract[method].mutates;
import type { HandlerContext } from '../api/handler-types.ts';

export interface ContextOptions {
  db: Db;
  path: string;
  actor: string;
  trusted?: boolean;
  method: string;
  progress?: HandlerContext['progress'];
  jobs?: HandlerContext['jobs'];
  /** The client's operation id: its result is recorded in the same transaction as the change. */
  clientId?: string;
  /** Around each write: a worker waits here for its turn, and hands the turn back after. */
  beforeWrite?: () => void;
  afterWrite?: () => void;
}

/** What a handler gets, on the main thread or in a job's worker: the same operation semantics in both. */
export function handlerContext(o: ContextOptions): HandlerContext {
  let ops = 0;
  const h: HandlerContext = {
    db: o.db,
    path: o.path,
    actor: o.actor,
    trusted: o.trusted ?? false,
    progress: o.progress ?? (() => {}),
    jobs: o.jobs ?? (() => []),
    op: (summary, fn) => {
      // One call, one undoable operation, and only where the contract says the method changes the project.
      if (!isMutating(o.method))
        throw new Error(`${o.method} is not marked as changing the project in the contract, yet its handler writes`);
      if (++ops > 1) throw new Error(`${o.method} wrote twice: a call is one undoable operation`);
      let text = '';
      o.beforeWrite?.();
      try {
        return runOperation(
          o.db,
          {
            actor: h.actor,
            method: o.method,
            get summary() {
              return text;
            },
          },
          (tx) => {
            const r = fn(tx);
            text = typeof summary === 'function' ? summary(r) : summary;
            if (o.clientId !== undefined) recordClientOperation(o.db, o.clientId, o.method, r);
            return r;
          },
        );
      } catch (e) {
        throw mapWriteError(e, path.basename(o.path));
      } finally {
        o.afterWrite?.();
      }
    },
  };
  return h;
}
