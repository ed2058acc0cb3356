import { Worker } from 'node:worker_threads';
import { ThematicError } from '../core/errors.ts';
import type { FromWorker, JobProgress, JobStart } from './protocol.ts';
import type { WriteTurns } from './turns.ts';

/**
 * Where the worker's code is: Node runs the TypeScript sources directly; the Electron bundle sets
 * `globalThis.__thematicJobWorker` to its own bundled worker (electron/dist/worker.cjs).
 */
const workerEntry = (): string | URL =>
  (globalThis as { __thematicJobWorker?: string }).__thematicJobWorker ?? new URL('./worker.ts', import.meta.url);

export interface JobOptions extends Omit<JobStart, 'writeFlag'> {
  /** The project's write turns: the job's write waits for its turn. */
  turns: WriteTurns;
  /** Whose job it is (the service): cancel(owner) stops its jobs. */
  owner: object;
  onProgress?: (p: JobProgress) => void;
  /** On the main thread, as the job is granted its write turn (before its first write). */
  beforeWrite?: () => void;
}

/**
 * The process's job threads. A thread takes a second or more to load the code, so one is kept
 * (idle, not holding the process open) for the next job, whichever project it is for; jobs at the
 * same time get a thread each.
 */
class JobPool {
  private idle: Worker | null = null;
  private readonly busy = new Map<Worker, object>();
  private readonly cancelled = new WeakSet<Worker>();
  private readonly crashes = new WeakMap<Worker, Error>();

  /** Loads a thread ahead of the first job (hosts do this once a project is open; tests do not). */
  warm(): void {
    this.idle ??= this.spawn();
  }

  run(o: JobOptions): Promise<unknown> {
    const worker = this.idle ?? this.spawn();
    this.idle = null;
    this.busy.set(worker, o.owner);
    worker.ref();
    const writeFlag = new SharedArrayBuffer(4);
    const flag = new Int32Array(writeFlag);
    return new Promise((resolve, reject) => {
      let release: (() => void) | null = null;
      let settled = false;
      const finish = (fn: () => void, reusable: boolean) => {
        release?.();
        release = null;
        if (settled) return;
        settled = true;
        worker.off('message', onMessage);
        worker.off('exit', onExit);
        this.busy.delete(worker);
        if (reusable && !this.idle) {
          worker.unref();
          this.idle = worker;
        } else void worker.terminate();
        fn();
      };
      const onMessage = (m: FromWorker) => {
        switch (m.type) {
          case 'progress':
            o.onProgress?.(m);
            break;
          case 'write':
            void o.turns.worker().then((r) => {
              if (settled) {
                r();
                return;
              }
              release = r;
              try {
                o.beforeWrite?.();
              } catch {
                /* the stamp is a safeguard; the job's write goes ahead */
              }
              Atomics.store(flag, 0, 1);
              Atomics.notify(flag, 0);
            });
            break;
          case 'written':
            release?.();
            release = null;
            break;
          case 'done':
            finish(() => resolve(m.result), true);
            break;
          case 'error':
            finish(() => reject(m.code ? new ThematicError(m.code, m.message) : new Error(m.message)), true);
            break;
        }
      };
      const onExit = (code: number) =>
        finish(
          () =>
            reject(
              this.cancelled.has(worker)
                ? new ThematicError('closed', `${o.method}: the project was closed while the job ran`)
                : new ThematicError(
                    'job_failed',
                    `${o.method}: the background job stopped unexpectedly (${this.crashes.get(worker)?.message ?? `exit code ${code}`})`,
                  ),
            ),
          false,
        );
      worker.on('message', onMessage);
      worker.on('exit', onExit);
      const start: JobStart = {
        file: o.file,
        method: o.method,
        input: o.input,
        actor: o.actor,
        clientId: o.clientId,
        trusted: o.trusted,
        nativeBinding: o.nativeBinding,
        writeFlag,
      };
      worker.postMessage(start);
    });
  }

  private spawn(): Worker {
    const w = new Worker(workerEntry());
    w.on('error', (e) => this.crashes.set(w, e)); // reported through 'exit' to the job that ran on it
    w.unref();
    return w;
  }

  /** Stops the owner's jobs (its project is closing): a job's transaction is rolled back and its call fails with "closed". */
  cancel(owner: object): void {
    for (const [w, o] of this.busy) {
      if (o !== owner) continue;
      this.cancelled.add(w);
      void w.terminate();
    }
  }
}

export const jobPool = new JobPool();
