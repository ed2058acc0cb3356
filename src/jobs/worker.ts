import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { openJobConnection, mapWriteError } from '../store/open.ts';
import { ThematicError } from '../core/errors.ts';
import { handlerContext } from './handler-context.ts';
import { BACKGROUND } from './background.ts';
import type { FromWorker, JobStart } from './protocol.ts';

/**
 * A job thread: for each job it opens its own connection to the project the main thread holds,
 * runs the method's handler exactly as the service would, and posts progress and the result back.
 * A write waits for the main thread to grant the write turn (this thread sleeps; the main thread
 * does not). The thread stays loaded between jobs, one job at a time.
 */
const port = parentPort!;
const post = (m: FromWorker) => port.postMessage(m);

async function run(start: JobStart): Promise<void> {
  const flag = new Int32Array(start.writeFlag);
  let lastPost = 0;
  let lastPhase = '';
  const progress = (phase: string, done?: number, total?: number) => {
    const now = performance.now();
    if (phase === lastPhase && now - lastPost < 100 && done !== total) return;
    lastPhase = phase;
    lastPost = now;
    post({ type: 'progress', phase, done, total });
  };
  let db: ReturnType<typeof openJobConnection> | undefined;
  let reply: FromWorker;
  try {
    const job = Object.hasOwn(BACKGROUND, start.method) ? BACKGROUND[start.method as keyof typeof BACKGROUND] : null;
    if (!job) throw new ThematicError('unknown_method', `"${start.method}" does not run as a background job`);
    db = openJobConnection(start.file, { nativeBinding: start.nativeBinding });
    const h = handlerContext({
      db,
      path: start.file,
      actor: start.actor,
      trusted: start.trusted,
      method: start.method,
      progress,
      clientId: start.clientId,
      beforeWrite: () => {
        Atomics.store(flag, 0, 0);
        post({ type: 'write' });
        Atomics.wait(flag, 0, 0);
        progress('saving');
      },
      afterWrite: () => post({ type: 'written' }),
    });
    reply = { type: 'done', result: await job.handler(start.input, h) };
  } catch (e) {
    const err = mapWriteError(e, path.basename(start.file));
    reply =
      err instanceof ThematicError ? { type: 'error', code: err.code, message: err.message } : { type: 'error', message: err.message };
  }
  // Closed before the answer: the caller may close the project (and its files) as soon as it has it.
  db?.close();
  post(reply);
}

port.on('message', (start: JobStart) => void run(start));
