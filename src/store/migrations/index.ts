import type { Database } from 'better-sqlite3';
import * as m0001 from './0001-initial.ts';
import * as m0002 from './0002-themes.ts';
import * as m0003 from './0003-reconciliation.ts';
import * as m0004 from './0004-interop.ts';
import * as m0005 from './0005-media.ts';
import * as m0006 from './0006-refi-media.ts';
import * as m0007 from './0007-client-operations.ts';

export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

// Ordered; each file is one schema version (PRAGMA user_version).
export const migrations: Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006, m0007];

export const LATEST_VERSION = migrations[migrations.length - 1].version;

/** Applies every migration above the file's version, each in its own transaction. */
export function migrate(db: Database, target = LATEST_VERSION): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const m of migrations) {
    if (m.version <= current || m.version > target) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}
