import type { Db } from '../store/open.ts';

const connections = new WeakMap<object, Db>();

/** Called by the Service for its own connection; nothing else registers one. */
export function registerRawDb(owner: object, db: Db): void {
  connections.set(owner, db);
}

/**
 * The raw connection behind a Service, for tests and benchmarks only (through tests/helpers/db.ts):
 * everything else reaches the project through `Service.call`. The import rules
 * (.dependency-cruiser.cjs) refuse this module anywhere but the service, tests and bench.
 */
export function rawDb(owner: object): Db {
  const db = connections.get(owner);
  if (!db) throw new Error('not a Service');
  return db;
}
