import path from 'node:path';

/**
 * Where a project's backups go and how many are kept. Defaults: `backups/` beside the project,
 * a backup on open when the newest is over an hour old, the last 10 plus one a day for 14 days.
 * Set by environment for the CLI, the web mode and the desktop app alike:
 * THEMATIC_BACKUP_DIR (a folder; relative to the project's folder), THEMATIC_BACKUP_INTERVAL_MIN,
 * THEMATIC_BACKUP_KEEP, THEMATIC_BACKUP_DAYS, and THEMATIC_BACKUPS=off to turn automatic backups off.
 */
export interface BackupSettings {
  dir?: string;
  intervalMs: number;
  keepLast: number;
  keepDays: number;
  auto: boolean;
}

export function backupSettings(env: NodeJS.ProcessEnv = process.env): BackupSettings {
  const num = (v: string | undefined, d: number) => (v !== undefined && /^\d+(\.\d+)?$/.test(v) ? Number(v) : d);
  return {
    dir: env.THEMATIC_BACKUP_DIR || undefined,
    intervalMs: num(env.THEMATIC_BACKUP_INTERVAL_MIN, 60) * 60_000,
    keepLast: Math.max(1, num(env.THEMATIC_BACKUP_KEEP, 10)),
    keepDays: num(env.THEMATIC_BACKUP_DAYS, 14),
    auto: env.THEMATIC_BACKUPS !== 'off',
  };
}

/** The backups folder of a project (absolute). */
export function backupFolder(projectAbs: string, settings = backupSettings()): string {
  return path.resolve(path.dirname(projectAbs), settings.dir ?? 'backups');
}

/** A file-name-safe UTC time stamp, sorting as it reads: 2026-12-03T07-10-05.123Z. */
export const stamp = (d = new Date()) => d.toISOString().replaceAll(':', '-');
