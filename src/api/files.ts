/**
 * The door for work on files rather than on an open project, for the hosts (CLI, web server,
 * Electron): a project's backups (listed, restored, compared) and the salvage of a damaged file,
 * which must work when the project cannot be opened; a recording's probe before it is linked; and
 * the rendering of a map figure
 * from data read through the Service. Everything that reads or changes an open project goes through
 * `Service.call` instead. Hosts import this module, never src/features (.dependency-cruiser.cjs).
 */
import { describeChanges, readBackup, summarise, backupFiles, type BackupSummary } from '../features/backups/backup.ts';

export { restoreBackup, type BackupSummary } from '../features/backups/backup.ts';
export { salvage, type SalvageReport } from '../features/backups/salvage.ts';
export { probeRecording, clock, type Probe } from '../features/media/probe.ts';
export { exportFigure, FIGURE_FORMATS, type FigureFormat, type FigureOptions } from '../features/map/export-project.ts';

/** A project's backups, newest first, each with what changed since the one before it. */
export function listBackups(projectAbs: string): (BackupSummary & { changes: string[] })[] {
  const list = backupFiles(projectAbs).reverse(); // oldest first, to say what each one changed
  return list
    .map((b, i) => {
      const s = summarise(b.file);
      let changes = ['first backup'];
      if (i > 0) {
        const [before, after] = [readBackup(list[i - 1].file), readBackup(b.file)];
        try {
          changes = describeChanges(before, after);
        } finally {
          before.close();
          after.close();
        }
      }
      return { ...s, changes };
    })
    .reverse();
}
