import path from 'node:path';
import type { Handlers } from '../../api/handler-types.ts';
import { ThematicError } from '../../core/errors.ts';
import { backupFiles, countRows, describeChanges, readBackup, restoreBackup, summarise, writeBackup } from './backup.ts';
import { backupFolder, backupSettings } from '../../lib/backup-paths.ts';
import { problemsOf } from './auto-backup.ts';
import { locationWarning } from '../../lib/location.ts';
import { restoredPath } from './recovery.ts';

const row = (b: ReturnType<typeof summarise>) => ({ name: b.name, at: b.at, bytes: b.bytes, counts: b.counts });

function backupNamed(projectAbs: string, name: string): string {
  const found = backupFiles(projectAbs).find((b) => b.name === name);
  if (!found) throw new ThematicError('not_found', `${name}: no such backup of ${path.basename(projectAbs)}`);
  return found.file;
}

export const backupHandlers: Handlers<'backups.list' | 'backups.create' | 'backups.restoreCopy' | 'backups.compare'> = {
  'backups.list': (_i, h) => ({
    folder: backupFolder(h.path),
    backups: backupFiles(h.path).flatMap((b) => {
      try {
        return [row(summarise(b.file))];
      } catch {
        return [];
      }
    }),
    readOnly: h.db.readonly,
    locationWarning: locationWarning(h.path),
    problems: problemsOf(h.db),
  }),
  'backups.create': async (_i, h) => row((await writeBackup(h.db, h.path, backupSettings())).backup),
  'backups.restoreCopy': (i, h) => {
    const file = backupNamed(h.path, i.name);
    const out = restoredPath(h.path, i.name);
    const r = restoreBackup(file, out);
    return { path: out, counts: r.counts };
  },
  'backups.compare': (i, h) => {
    const b = readBackup(backupNamed(h.path, i.name));
    try {
      return { backup: countRows(b), current: countRows(h.db), changes: describeChanges(b, h.db) };
    } finally {
      b.close();
    }
  },
};
