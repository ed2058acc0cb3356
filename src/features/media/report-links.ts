import { pathToFileURL } from 'node:url';
import type { Db } from '../../store/open.ts';
import { stmt } from '../../store/changes.ts';
import { recordingFile } from './queries.ts';

/**
 * Document id → file URL of its linked recording, for the time links of the HTML report (a browser
 * opens the recording at `#t=seconds`). The project's own path comes from the connection; an
 * anonymised copy has no recordings, so its reports have no links.
 */
export function recordingLinks(db: Db): Map<number, string> {
  if (!db.name || !stmt(db, `SELECT 1 FROM sqlite_schema WHERE name = 'recordings'`).get()) return new Map();
  const rows = stmt(db, 'SELECT document_id, path FROM recordings').all() as { document_id: number; path: string }[];
  return new Map(rows.map((r) => [r.document_id, pathToFileURL(recordingFile(db.name, r.path)).href]));
}
