import path from 'node:path';
import { z } from 'zod';
import { contract, isMethod, type Input, type MethodName, type Output } from './contract.ts';
import {
  openProject,
  mapWriteError,
  checkpointAndClose,
  checkpointAndStamp,
  stampBeforeWrite,
  type Db,
  type OpenOptions,
} from '../store/open.ts';
import { ThematicError } from '../core/errors.ts';
import type { Handler, Progress } from './handler-types.ts';
import { handlerContext } from '../jobs/handler-context.ts';
import { jobsHandlers } from '../jobs/handlers.ts';
import { appHandlers } from '../features/project/app-handlers.ts';
import type { Job } from '../jobs/contract.ts';
import { runsInBackground } from '../jobs/background.ts';
import { jobPool } from '../jobs/runner.ts';
import { WriteTurns } from '../jobs/turns.ts';
import { AutoBackup } from '../features/backups/auto-backup.ts';
import type { BackupSettings } from '../lib/backup-paths.ts';
import { registerRawDb } from './raw-db.ts';
import { recordingRow, type RecordingRow } from '../features/media/queries.ts';
import { writeBackup, type BackupResult } from '../features/backups/backup.ts';
import { restoreLatestGood, salvageBeside } from '../features/backups/recovery.ts';
import { runOperation, type Tx } from '../store/operations.ts';
import { projectHandlers } from '../features/project/handlers.ts';
import { documentHandlers } from '../features/documents/handlers.ts';
import { participantHandlers } from '../features/participants/handlers.ts';
import { codeHandlers } from '../features/codes/handlers.ts';
import { memoHandlers } from '../features/memos/handlers.ts';
import { historyHandlers } from '../features/history/handlers.ts';
import { searchHandlers } from '../features/search/handlers.ts';
import { themesHandlers } from '../features/themes/handlers.ts';
import { mapHandlers } from '../features/map/handlers.ts';
import { agreementHandlers } from '../features/agreement/handlers.ts';
import { reconcileHandlers } from '../features/reconcile/handlers.ts';
import { refiHandlers } from '../features/refi/handlers.ts';
import { reportsHandlers } from '../features/reports/handlers.ts';
import { anonymiseHandlers } from '../features/anonymise/handlers.ts';
import { OperationId, undoableHistoryMethods } from './contract-idempotency.ts';
import { recallClientOperation, recordClientOperation, replayClientOperation } from '../store/client-operations.ts';
import { backupHandlers } from '../features/backups/handlers.ts';
import { mediaHandlers } from '../features/media/handlers.ts';

export const handlers = {
  ...jobsHandlers,
  ...appHandlers,
  ...projectHandlers,
  ...documentHandlers,
  ...participantHandlers,
  ...codeHandlers,
  ...memoHandlers,
  ...historyHandlers,
  ...searchHandlers,
  ...themesHandlers,
  ...mapHandlers,
  ...agreementHandlers,
  ...reconcileHandlers,
  ...refiHandlers,
  ...reportsHandlers,
  ...anonymiseHandlers,
  ...backupHandlers,
  ...mediaHandlers,
} satisfies { [M in MethodName]: Handler<M> };

export interface CallContext {
  /** Who is acting, for the audit trail (the coder's name where known). */
  actor?: string;
  /** Told how far long work (a large import) has got. */
  onProgress?: (p: Progress) => void;
  /** The client's id for a mutating call: a repeat with the same id returns the first result and changes nothing. */
  operationId?: string;
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
  /** Calls with a client operation id still running: a repeat waits for the first. */
  private readonly inFlight = new Map<string, Promise<unknown>>();
  /** Automatic backups, when the transport asked for them (the CLI, the web mode, the desktop app). */
  backups: AutoBackup | null = null;

  private readonly opts: OpenOptions;

  constructor(db: Db, file: string, opts: OpenOptions = {}) {
    this.db = db;
    this.opts = opts;
    registerRawDb(this, db);
    this.path = path.resolve(file);
  }

  /*
   * A damaged project's two ways out, for the hosts (the web server, Electron's File menu): each
   * writes a new project file beside the damaged one, named here, and says where; the damaged
   * file is only read. The host then opens the new file.
   */
  static restoreLatestGood(file: string): ReturnType<typeof restoreLatestGood> {
    return restoreLatestGood(path.resolve(file));
  }

  static salvageBeside(file: string): ReturnType<typeof salvageBeside> {
    return salvageBeside(path.resolve(file));
  }

  static open(file: string, opts: OpenOptions & { autoBackup?: BackupSettings } = {}): Service {
    const s = new Service(openProject(file, opts), file, opts);
    if (opts.autoBackup?.auto && !s.db.readonly) s.backups = new AutoBackup(s.db, s.path, opts.autoBackup, opts.nativeBinding);
    return s;
  }

  async call<M extends MethodName>(method: M, input: NoInfer<Input<M>>, ctx?: CallContext): Promise<Output<M>>;
  // For transports with a method name only known at run time; a known name always takes the typed form above.
  async call<S extends string>(
    method: string extends S ? S : MethodName extends S ? S : never,
    input: unknown,
    ctx?: CallContext,
  ): Promise<unknown>;
  async call(method: string, input: unknown, ctx: CallContext = {}): Promise<unknown> {
    if (this.closed) throw new ThematicError('closed', 'the project is closed');
    if (!isMethod(method)) throw new ThematicError('unknown_method', `unknown method "${method}"`);
    const spec = contract[method];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) throw new ThematicError('invalid_input', describeIssues(method, parsed.error));
    const writes = spec.mutates || method === 'history.undo' || method === 'history.redo';
    if (this.db.readonly && writes) {
      throw new ThematicError(
        'read_only',
        `${path.basename(this.path)}: the project is open read-only (the file or its folder cannot be written), so it can be viewed but not changed; nothing was changed.`,
      );
    }
    const clientId = spec.mutates || undoableHistoryMethods.includes(method) ? this.operationId(method, ctx.operationId) : undefined;
    if (clientId === undefined) return this.run(method, parsed.data, ctx);
    // Idempotent: one call per id at a time; a repeat gets the recorded result.
    while (this.inFlight.has(clientId)) await this.inFlight.get(clientId)!.catch(() => undefined);
    const prior = recallClientOperation(this.db, clientId);
    if (prior) return spec.output.parse(replayClientOperation(prior, clientId, method));
    const running = this.run(method, parsed.data, ctx, clientId);
    this.inFlight.set(clientId, running);
    try {
      return await running;
    } finally {
      this.inFlight.delete(clientId);
    }
  }

  private operationId(method: string, id: unknown): string | undefined {
    if (id === undefined) return undefined;
    const r = OperationId.safeParse(id);
    if (!r.success) throw new ThematicError('invalid_input', `${method}: invalid operation id (${r.error.issues[0].message})`);
    return r.data;
  }

  /**
   * Runs a validated call, on this thread or in a job's worker. With a client id the result is
   * recorded in the same transaction as the change (handlerContext's op); a synchronous handler
   * runs inside one transaction with the record, and whatever an async handler finally returns is
   * recorded after it.
   */
  private async run(method: MethodName, data: unknown, ctx: CallContext, clientId?: string): Promise<unknown> {
    const spec = contract[method];
    const actor = ctx.actor ?? (data as { coder?: string }).coder ?? 'researcher';
    const writes = spec.mutates || method.startsWith('history.');
    const progress =
      ctx.onProgress &&
      ((phase: string, done?: number, total?: number) => ctx.onProgress!({ stage: phase, done: done ?? 0, total: total ?? 0 }));
    const recordFinal = (r: unknown) => {
      if (clientId === undefined) return;
      const kept = recallClientOperation(this.db, clientId);
      if (kept?.result !== JSON.stringify(r ?? null)) recordClientOperation(this.db, clientId, method, r);
    };
    let result: unknown;
    if (runsInBackground(method, this.db)) {
      result = await this.inWorker(method, data, actor, ctx.trusted ?? false, progress, clientId);
      recordFinal(result);
    } else {
      const h = handlerContext({
        db: this.db,
        path: this.path,
        actor,
        trusted: ctx.trusted,
        method,
        progress,
        clientId,
        jobs: () => [...this.running.values()],
      });
      const handler = handlers[method] as (i: unknown, h: unknown) => unknown;
      const go = async () => {
        try {
          if (writes) stampBeforeWrite(this.db);
          if (clientId !== undefined && handler.constructor.name !== 'AsyncFunction') {
            return this.db.transaction(() => {
              const r = handler(data, h);
              recordClientOperation(this.db, clientId, method, r);
              return r;
            })();
          }
          const r = await handler(data, h);
          recordFinal(r);
          return r;
        } catch (e) {
          throw mapWriteError(e, path.basename(this.path));
        }
      };
      result = writes ? await this.turns.main(go) : await go();
    }
    if (writes) this.scheduleCheckpoint();
    return spec.output.parse(result);
  }

  /** One call in a worker thread; its progress is listed by jobs.list until it ends. */
  private async inWorker(
    method: string,
    input: unknown,
    actor: string,
    trusted: boolean,
    progress?: (phase: string, done?: number, total?: number) => void,
    clientId?: string,
  ): Promise<unknown> {
    const id = this.nextJob++;
    const job = { id, method, phase: 'starting', startedAt: new Date().toISOString() } as z.output<typeof Job>;
    this.running.set(id, job);
    try {
      return await jobPool.run({
        file: this.path,
        method,
        input,
        actor,
        trusted,
        clientId,
        nativeBinding: this.opts.nativeBinding,
        turns: this.turns,
        owner: this,
        beforeWrite: () => stampBeforeWrite(this.db),
        onProgress: (p) => {
          Object.assign(job, p);
          progress?.(p.phase, p.done, p.total);
        },
      });
    } finally {
      this.running.delete(id);
    }
  }

  /*
   * The few things a trusted host (the CLI, the web server's media route, Electron's protocol)
   * does that no page can ask for through the contract: the row of a document's recording, to
   * serve its bytes; a backup now; and linking files by path as one undoable operation (the CLI
   * and the sample builder). Pending: contract methods with a trusted call context.
   */
  recordingOf(documentId: number): RecordingRow | undefined {
    return recordingRow(this.db, documentId);
  }

  backupNow(settings?: BackupSettings): Promise<BackupResult> {
    return writeBackup(this.db, this.path, settings, this.opts.nativeBinding);
  }

  trustedOperation<T>(op: { actor: string; method: string; summary: string }, fn: (tx: Tx) => T): T {
    if (this.closed) throw new ThematicError('closed', 'the project is closed');
    try {
      return runOperation(this.db, op, fn);
    } catch (e) {
      throw mapWriteError(e, path.basename(this.path));
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
      if (!this.closed && !this.db.readonly) checkpointAndStamp(this.db);
    }, 750);
    this.checkpointTimer.unref?.();
  }

  /** Closes after the automatic backup of the session's changes (when backups are on). */
  async closeWithBackup(): Promise<void> {
    if (this.closed) return;
    await this.backups?.beforeClose();
    this.close();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    jobPool.cancel(this);
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    checkpointAndClose(this.db);
  }
}
