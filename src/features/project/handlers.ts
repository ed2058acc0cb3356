import path from 'node:path';
import type { Handlers } from '../../api/handler-types.ts';
import { LATEST_VERSION } from '../../store/migrations/index.ts';
import { stmt } from '../../store/changes.ts';
import { APP_VERSION } from '../../core/version.ts';

export const projectHandlers: Handlers<'project.info'> = {
  'project.info': (_i, h) => {
    const n = (sql: string) => (stmt(h.db, sql).get() as { n: number }).n;
    return {
      path: h.path,
      name: path.basename(h.path).replace(/\.thematic$/, ''),
      schemaVersion: LATEST_VERSION,
      appVersion: APP_VERSION,
      counts: {
        documents: n('SELECT COUNT(*) AS n FROM documents'),
        participants: n('SELECT COUNT(*) AS n FROM participants'),
        codes: n('SELECT COUNT(*) AS n FROM codes'),
        codings: n('SELECT COUNT(*) AS n FROM codings'),
        coders: n('SELECT COUNT(*) AS n FROM coders'),
      },
      // Built by `thematic sample` (its operations carry that actor): the home screen offers to reload it.
      isSample: !!stmt(h.db, "SELECT 1 FROM operations WHERE actor = 'sample builder' LIMIT 1").get(),
    };
  },
};
