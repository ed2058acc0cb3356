import type { Db } from '../../store/open.ts';
import { stmt } from '../../store/changes.ts';

/** How many of each thing the project holds (project.info). */
export function projectCounts(db: Db): { documents: number; participants: number; codes: number; codings: number; coders: number } {
  const n = (sql: string) => (stmt(db, sql).get() as { n: number }).n;
  return {
    documents: n('SELECT COUNT(*) AS n FROM documents'),
    participants: n('SELECT COUNT(*) AS n FROM participants'),
    codes: n('SELECT COUNT(*) AS n FROM codes'),
    codings: n('SELECT COUNT(*) AS n FROM codings'),
    coders: n('SELECT COUNT(*) AS n FROM coders'),
  };
}

/** Built by `thematic sample` (its operations carry that actor). */
export function isSampleProject(db: Db): boolean {
  return !!stmt(db, "SELECT 1 FROM operations WHERE actor = 'sample builder' LIMIT 1").get();
}
