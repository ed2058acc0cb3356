import type { Db } from '../../store/open.ts';
import type { BackupSettings } from '../../lib/backup-paths.ts';
import { backupFiles, changeMark, readBackup, writeBackup, type BackupResult } from './backup.ts';

const problemsByDb = new WeakMap<Db, string[]>();
/** The failed automatic backups of an open project, for the project home. */
export const problemsOf = (db: Db): string[] => problemsByDb.get(db) ?? [];

/**
 * The automatic backups of one open project: on open when the newest backup is older than the
 * interval, and on close, each only when the project changed since the newest backup.
 * Failures are kept in `problems` (shown by the CLI and the project home), never thrown at the caller.
 */
export class AutoBackup {
  problems: string[] = [];
  private pending: Promise<BackupResult | null> | null = null;

  private db: Db;
  private projectAbs: string;
  private settings: BackupSettings;
  private nativeBinding?: string;

  constructor(db: Db, projectAbs: string, settings: BackupSettings, nativeBinding?: string) {
    this.db = db;
    this.projectAbs = projectAbs;
    this.settings = settings;
    this.nativeBinding = nativeBinding;
    problemsByDb.set(db, this.problems);
    const newest = backupFiles(projectAbs, settings)[0];
    if (!newest || Date.now() - newest.at.getTime() >= settings.intervalMs) this.pending = this.runIfChanged();
  }

  /** The newest backup's change mark, or null when there is none (or it cannot be read). */
  private newestMark(): string | null {
    const newest = backupFiles(this.projectAbs, this.settings)[0];
    if (!newest) return null;
    try {
      const db = readBackup(newest.file);
      try {
        return changeMark(db);
      } finally {
        db.close();
      }
    } catch {
      return null;
    }
  }

  private async runIfChanged(): Promise<BackupResult | null> {
    const mark = changeMark(this.db);
    if (mark === '0/0' || mark === this.newestMark()) return null;
    try {
      return await writeBackup(this.db, this.projectAbs, this.settings, this.nativeBinding);
    } catch (e) {
      if (this.db.open) this.problems.push((e as Error).message);
      return null;
    }
  }

  /** Waits for a backup in progress. */
  async settle(): Promise<void> {
    await this.pending;
  }

  /** Before the project closes: finish any backup, then back up the session's changes. */
  async beforeClose(): Promise<void> {
    await this.pending;
    this.pending = this.runIfChanged();
    await this.pending;
  }
}
