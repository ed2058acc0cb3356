import type { Db } from '../../store/open.ts';
import type { Tx } from '../../store/operations.ts';
import type { Input, MethodName, Output } from '../contract.ts';
import type { z } from 'zod';
import type { contract } from '../contract.ts';

export interface Progress { stage: string; done: number; total: number }

export interface HandlerContext {
  db: Db;
  path: string;
  actor: string;
  /** Runs fn as one transaction and one operation-log entry. */
  /** Long work reports how far it is, when the caller asked (the CLI prints it). */
  progress?: (p: Progress) => void;
  op<T>(summary: string | ((r: NoInfer<T>) => string), fn: (tx: Tx) => T): T;
}

type ParsedInput<M extends MethodName> = z.output<(typeof contract)[M]['input']>;
export type Handler<M extends MethodName> = (input: ParsedInput<M>, h: HandlerContext) => Output<M> | Promise<Output<M>>;
export type Handlers<K extends MethodName> = { [M in K]: Handler<M> };
export type { Input };
