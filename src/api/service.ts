import path from 'node:path';
import { z } from 'zod';
import { contract, isMethod, type Input, type MethodName, type Output } from './contract.ts';
import { openProject, mapWriteError, type Db, type OpenOptions } from '../store/open.ts';
import { runOperation } from '../store/operations.ts';
import { ThematicError } from '../store/errors.ts';
import type { HandlerContext, Handler, Progress } from './handlers/types.ts';
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
import { OperationId, undoableHistoryMethods } from './contract-idempotency.ts';
import { recallClientOperation, recordClientOperation, replayClientOperation } from '../store/client-operations.ts';

const handlers = {
  ...projectHandlers, ...documentHandlers, ...participantHandlers, ...codeHandlers, ...miscHandlers, ...themesHandlers, ...agreementHandlers, ...refiHandlers, ...reportsHandlers, ...anonymiseHandlers,
} satisfies { [M in MethodName]: Handler<M> };

export interface CallContext {
  /** Who is acting, for the audit trail (the coder's name where known). */
  actor?: string;
  /** Told how far long work (a large import) has got. */
  onProgress?: (p: Progress) => void;
  /** The client's id for a mutating call: a repeat with the same id returns the first result and changes nothing. */
  operationId?: string;
}

/** Formats zod issues as one line a researcher (or a script author) can act on. */
export function describeIssues(method: string, err: z.ZodError): string {
  const parts = err.issues.slice(0, 5).map((i) => `${i.path.length ? i.path.join('.') : 'input'}: ${i.message}`);
  return `${method}: invalid input (${parts.join('; ')})`;
}

/**
 * The only code that touches a project's database. Every transport (CLI, HTTP, IPC, tests)
 * calls `call(method, payload)`: the payload is validated, the handler runs, mutations are one
 * transaction and one operation-log entry.
 */
export class Service {
  readonly db: Db;
  readonly path: string;
  private closed = false;
  private checkpointTimer: ReturnType<typeof setTimeout> | null = null;
  /** Calls with a client operation id still running: a repeat waits for the first. */
  private inFlight = new Map<string, Promise<unknown>>();

  constructor(db: Db, file: string) {
    this.db = db;
    this.path = path.resolve(file);
  }

  static open(file: string, opts: OpenOptions = {}): Service {
    return new Service(openProject(file, opts), file);
  }

  async call<M extends MethodName>(method: M, input: Input<M>, ctx?: CallContext): Promise<Output<M>>;
  async call(method: string, input: unknown, ctx?: CallContext): Promise<unknown>;
  async call(method: string, input: unknown, ctx: CallContext = {}): Promise<unknown> {
    if (this.closed) throw new ThematicError('closed', 'the project is closed');
    if (!isMethod(method)) throw new ThematicError('unknown_method', `unknown method "${method}"`);
    const spec = contract[method];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) throw new ThematicError('invalid_input', describeIssues(method, parsed.error));
    const clientId = spec.mutates || undoableHistoryMethods.includes(method) ? this.operationId(method, ctx.operationId) : undefined;
    if (clientId === undefined) return this.run(method, parsed.data, ctx);
    // Idempotent: one call per id at a time; a repeat gets the recorded result.
    while (this.inFlight.has(clientId)) await this.inFlight.get(clientId)!.catch(() => undefined);
    const prior = recallClientOperation(this.db, clientId);
    if (prior) return spec.output.parse(replayClientOperation(prior, clientId, method));
    const running = this.run(method, parsed.data, ctx, clientId);
    this.inFlight.set(clientId, running);
    try { return await running; } finally { this.inFlight.delete(clientId); }
  }

  private operationId(method: string, id: unknown): string | undefined {
    if (id === undefined) return undefined;
    const r = OperationId.safeParse(id);
    if (!r.success) throw new ThematicError('invalid_input', `${method}: invalid operation id (${r.error.issues[0].message})`);
    return r.data;
  }

  /**
   * Runs a validated call. With a client id the result is recorded in the same transaction as the
   * change: a synchronous handler runs inside one transaction with it; an async one (an import
   * that parses first) records the result of its operation inside that operation's transaction.
   */
  private async run(method: MethodName, data: unknown, ctx: CallContext, clientId?: string): Promise<unknown> {
    const spec = contract[method];
    const h: HandlerContext = {
      db: this.db,
      path: this.path,
      progress: ctx.onProgress,
      actor: ctx.actor ?? (data as { coder?: string }).coder ?? 'researcher',
      op: (summary, fn) => {
        let text = '';
        try {
          return runOperation(this.db, { actor: h.actor, method, get summary() { return text; } }, (tx) => {
            const r = fn(tx);
            text = typeof summary === 'function' ? summary(r) : summary;
            if (clientId !== undefined) recordClientOperation(this.db, clientId, method, r);
            return r;
          });
        } catch (e) {
          throw mapWriteError(e, path.basename(this.path));
        }
      },
    };
    const handler = handlers[method] as (i: unknown, h: HandlerContext) => unknown;
    let result: unknown;
    try {
      if (clientId === undefined) result = await handler(data, h);
      else if (handler.constructor.name !== 'AsyncFunction') {
        result = this.db.transaction(() => {
          const r = handler(data, h);
          recordClientOperation(this.db, clientId, method, r);
          return r;
        })();
      } else {
        result = await handler(data, h);
        const kept = recallClientOperation(this.db, clientId);
        if (kept?.result !== JSON.stringify(result ?? null)) recordClientOperation(this.db, clientId, method, result);
      }
    } catch (e) {
      throw mapWriteError(e, path.basename(this.path));
    }
    if (spec.mutates || method.startsWith('history.')) this.scheduleCheckpoint();
    return spec.output.parse(result);
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
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    this.db.close();
  }
}
