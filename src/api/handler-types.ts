import type { Db } from '../store/open.ts';
import type { Tx } from '../store/operations.ts';
import type { Input, MethodName, Output } from './contract.ts';
import type { z } from 'zod';
import type { contract } from './contract.ts';
import type { Job } from '../jobs/contract.ts';

export interface Progress {
  stage: string;
  done: number;
  total: number;
}

export interface HandlerContext {
  db: Db;
  path: string;
  actor: string;
  /**
   * True when the caller is this machine's own user (the CLI), not the renderer: such a caller may
   * name any output path. Calls from IPC and HTTP are never trusted.
   */
  trusted: boolean;
  /** The long calls under way in workers (the service's own list; empty inside a worker). */
  jobs(): z.output<typeof Job>[];
  /** Says how far long work has got (shown by jobs.list while the call runs in a worker; a no-op otherwise). */
  progress(phase: string, done?: number, total?: number): void;
  /** Runs fn as one transaction and one operation-log entry. */
  op<T>(summary: string | ((r: NoInfer<T>) => string), fn: (tx: Tx) => T): T;
}

type ParsedInput<M extends MethodName> = z.output<(typeof contract)[M]['input']>;
export type Handler<M extends MethodName> = (input: ParsedInput<M>, h: HandlerContext) => Output<M> | Promise<Output<M>>;
export type Handlers<K extends MethodName> = { [M in K]: Handler<M> };
export type { Input };
