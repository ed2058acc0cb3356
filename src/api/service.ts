import path from 'node:path';
import { z } from 'zod';
import { contract, isMethod, type Input, type MethodName, type Output } from './contract.ts';
import { openProject, mapWriteError, type Db, type OpenOptions } from '../store/open.ts';
import { ThematicError } from '../store/errors.ts';
import type { Handler } from './handlers/types.ts';
import { handlerContext } from './handlers/context.ts';
import { jobsHandlers } from './handlers/jobs.ts';
import { coderCopyHandlers } from './handlers/coder-copy.ts';
import { appHandlers } from './handlers/app.ts';
import type { Job } from './contract-jobs.ts';
import { runsInBackground } from '../jobs/background.ts';
import { jobPool } from '../jobs/runner.ts';
import { WriteTurns } from '../jobs/turns.ts';
import { registerRawDb } from './raw-db.ts';
import { projectHandlers } from './handlers/project.ts';
import { documentHandlers } from './handlers/documents.ts';
import { participantHandlers } from './handlers/participants.ts';
import { codeHandlers } from './handlers/codes.ts';
import { miscHandlers } from './handlers/misc.ts';
import { themesHandlers } from './handlers/themes.ts';
import { agreementHandlers } from './handlers/agreement.ts';
import { refiHandlers } from './handlers/refi.ts';
import { reportsHandlers } from './handlers/reports.ts';
import { anonymiseHandlers } from './handlers/anonymise.ts';

export const handlers = {
  ...jobsHandlers,
  ...coderCopyHandlers,
  ...appHandlers,
  ...projectHandlers, ...documentHandlers, ...participantHandlers, ...codeHandlers, ...miscHandlers, ...themesHandlers, ...agreementHandlers, ...refiHandlers, ...reportsHandlers, ...anonymiseHandlers,
} satisfies { [M in MethodName]: Handler<M> };

export interface CallContext {
  /** Who is acting, for the audit trail (the coder's name where known). */
  actor?: string;
  /** The CLI, acting for the machine's own user: may write files anywhere. IPC and HTTP never set it. */
  trusted?: boolean;
}

/** Formats zod issues as one line a researcher (or a script author) can act on. */
export function describeIssues(method: string, err: z.ZodError): string {
  const parts = err.issues.slice(0, 5).map((i) => `${i.path.length ? i.path.join('.') : 'input'}: ${i.message}`);
  return `${method}: invalid input (${parts.join('; ')})`;
}

/**
 * The only code that touches a project's database. Every transport (CLI, HTTP, IPC, tests)
 * calls `call(method, payload)`: the payload is validated, the handler runs, mutations are one
 * transaction and one operation-log entry. Long work (see jobs/background.ts) runs the same
 * handler in a worker thread with its own connection, so other calls are answered meanwhile.
 */
export class Service {
  private readonly db: Db;
  readonly path: string;
  private closed = false;
  private checkpointTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly turns = new WriteTurns();
  private readonly running = new Map<number, z.output<typeof Job>>();
  private nextJob = 1;

  private readonly opts: OpenOptions;

  constructor(db: Db, file: string, opts: OpenOptions = {}) {
    this.db = db;
    this.opts = opts;
    registerRawDb(this, db);
    this.path = path.resolve(file);
  }

  static open(file: string, opts: OpenOptions = {}): Service {
    return new Service(openProject(file, opts), file, opts);
  }

  async call<M extends MethodName>(method: M, input: Input<M>, ctx?: CallContext): Promise<Output<M>>;
  async call(method: string, input: unknown, ctx?: CallContext): Promise<unknown>;
  async call(method: string, input: unknown, ctx: CallContext = {}): Promise<unknown> {
    if (this.closed) throw new ThematicError('closed', 'the project is closed');
    if (!isMethod(method)) throw new ThematicError('unknown_method', `unknown method "${method}"`);
    const spec = contract[method];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) throw new ThematicError('invalid_input', describeIssues(method, parsed.error));
    const actor = ctx.actor ?? (parsed.data as { coder?: string }).coder ?? 'researcher';
    const writes = spec.mutates || method.startsWith('history.');
    let result: unknown;
    if (runsInBackground(method, this.db)) {
      result = await this.inWorker(method, parsed.data, actor, ctx.trusted ?? false);
    } else {
      const h = handlerContext({ db: this.db, path: this.path, actor, trusted: ctx.trusted, method, jobs: () => [...this.running.values()] });
      const handler = handlers[method] as (i: unknown, h: unknown) => unknown;
      const run = async () => {
        try {
          return await handler(parsed.data, h);
        } catch (e) {
          throw mapWriteError(e, path.basename(this.path));
        }
      };
      result = writes ? await this.turns.main(run) : await run();
    }
    if (writes) this.scheduleCheckpoint();
    return spec.output.parse(result);
  }

  /** One call in a worker thread; its progress is listed by jobs.list until it ends. */
  private async inWorker(method: string, input: unknown, actor: string, trusted: boolean): Promise<unknown> {
    const id = this.nextJob++;
    const job = { id, method, phase: 'starting', startedAt: new Date().toISOString() } as z.output<typeof Job>;
    this.running.set(id, job);
    try {
      return await jobPool.run({
        file: this.path, method, input, actor, trusted, nativeBinding: this.opts.nativeBinding, turns: this.turns, owner: this,
        onProgress: (p) => Object.assign(job, p),
      });
    } finally {
      this.running.delete(id);
    }
  }

  /** Loads a job thread now, so the first long call does not wait for one (hosts call this; tests need not). */
  warmJobs(): void {
    jobPool.warm();
  }

  /** Folds the WAL into the project file once the researcher pauses, off the hot path of a click. */
  private scheduleCheckpoint(): void {
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    this.checkpointTimer = setTimeout(() => {
      this.checkpointTimer = null;
      if (!this.closed) this.db.pragma('wal_checkpoint(PASSIVE)');
    }, 750);
    this.checkpointTimer.unref?.();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    jobPool.cancel(this);
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    this.db.close();
  }
}
