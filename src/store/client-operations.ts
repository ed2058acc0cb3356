import type { Db } from './open.ts';
import { stmt } from './changes.ts';
import { ThematicError } from '../core/errors.ts';

// The results of mutating calls that carried a client operation id (see migration 0005).

export interface ClientOperation {
  method: string;
  result: string | null;
}

export function recallClientOperation(db: Db, clientId: string): ClientOperation | undefined {
  return stmt(db, 'SELECT method, result FROM client_operations WHERE client_id = ?').get(clientId) as ClientOperation | undefined;
}

/** How long a result is kept for a retry: far longer than any client retries. */
export const KEEP_DAYS = 30;
let recorded = 0;

/** Records (or updates) a call's result; inside the caller's transaction when there is one. */
export function recordClientOperation(db: Db, clientId: string, method: string, result: unknown): void {
  stmt(
    db,
    `INSERT INTO client_operations (client_id, method, result, at) VALUES (?, ?, ?, ?)
    ON CONFLICT (client_id) DO UPDATE SET result = excluded.result`,
  ).run(clientId, method, JSON.stringify(result ?? null), new Date().toISOString());
  if (recorded++ % 500 === 0) {
    stmt(db, 'DELETE FROM client_operations WHERE at < ?').run(new Date(Date.now() - KEEP_DAYS * 86_400_000).toISOString());
  }
}

/** The first call's result for a repeat, or an error saying why there is none to give. */
export function replayClientOperation(prior: ClientOperation, clientId: string, method: string): unknown {
  if (prior.method !== method) {
    throw new ThematicError('invalid_input', `operation id "${clientId}" was already used for ${prior.method}; give each call its own id`);
  }
  if (prior.result === null) {
    throw new ThematicError('already_done', `${method} with operation id "${clientId}" was already carried out; it was not done again`);
  }
  return JSON.parse(prior.result);
}
