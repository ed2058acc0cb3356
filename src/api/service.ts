import path from 'node:path';
import { z } from 'zod';
import { contract, isMethod, type Input, type MethodName, type Output } from './contract.ts';
import { openProject, mapWriteError, checkpointAndClose, checkpointAndStamp, stampBeforeWrite, type Db, type OpenOptions } from '../store/open.ts';
import { runOperation } from '../store/operations.ts';
import { ThematicError } from '../store/errors.ts';
import { AutoBackup } from '../store/auto-backup.ts';
import type { BackupSettings } from '../store/backup-paths.ts';
import type { HandlerContext, Handler } from './handlers/types.ts';
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
import { backupHandlers } from './handlers/backups.ts';

const handlers = {
  ...projectHandlers, ...documentHandlers, ...participantHandlers, ...codeHandlers, ...miscHandlers, ...themesHandlers, ...agreementHandlers, ...refiHandlers, ...reportsHandlers, ...anonymiseHandlers, ...backupHandlers,
} satisfies { [M in MethodName]: Handler<M> };

export interface CallContext {
  /** Who is acting, for the audit trail (the coder's name where known). */
  actor?: string;
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
  /** Automatic backups, when the transport asked for them (the CLI, the web mode, the desktop app). */
  backups: AutoBackup | null = null;

  constructor(db: Db, file: string) {
    this.db = db;
    this.path = path.resolve(file);
  }

  static open(file: string, opts: OpenOptions & { autoBackup?: BackupSettings } = {}): Service {
    const s = new Service(openProject(file, opts), file);
    if (opts.autoBackup?.auto && !s.db.readonly) s.backups = new AutoBackup(s.db, s.path, opts.autoBackup, opts.nativeBinding);
    return s;
  }

  async call<M extends MethodName>(method: M, input: Input<M>, ctx?: CallContext): Promise<Output<M>>;
  async call(method: string, input: unknown, ctx?: CallContext): Promise<unknown>;
  async call(method: string, input: unknown, ctx: CallContext = {}): Promise<unknown> {
    if (this.closed) throw new ThematicError('closed', 'the project is closed');
    if (!isMethod(method)) throw new ThematicError('unknown_method', `unknown method "${method}"`);
    const spec = contract[method];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) throw new ThematicError('invalid_input', describeIssues(method, parsed.error));
    const writes = spec.mutates || method === 'history.undo' || method === 'history.redo';
    if (writes) stampBeforeWrite(this.db);
    if (this.db.readonly && writes) {
      throw new ThematicError('read_only', `${path.basename(this.path)}: the project is open read-only (the file or its folder cannot be written), so it can be viewed but not changed; nothing was changed.`);
    }
    const h: HandlerContext = {
      db: this.db,
      path: this.path,
      actor: ctx.actor ?? (parsed.data as { coder?: string }).coder ?? 'researcher',
      op: (summary, fn) => {
        let text = '';
        try {
          return runOperation(this.db, { actor: h.actor, method, get summary() { return text; } }, (tx) => {
            const r = fn(tx);
            text = typeof summary === 'function' ? summary(r) : summary;
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
      result = await handler(parsed.data, h);
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
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    checkpointAndClose(this.db);
  }
}
