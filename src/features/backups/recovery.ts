import fs from 'node:fs';
import path from 'node:path';
import { backupFiles, restoreBackup, type BackupSummary } from './backup.ts';
import { backupSettings } from '../../lib/backup-paths.ts';
import { ThematicError } from '../../core/errors.ts';
import { salvage, type SalvageReport } from './salvage.ts';

/**
 * The two ways out of a damaged project, each into a new file beside it whose name is made here
 * (never given by a caller): the damaged file itself is only read.
 */

/** `<base>-<suffix>.thematic` beside the project, numbered when that name is taken. */
export function besideProject(projectAbs: string, suffix: string): string {
  const base = path.basename(projectAbs).replace(/\.thematic$/i, '');
  const first = path.join(path.dirname(projectAbs), `${base}-${suffix}.thematic`);
  let out = first;
  for (let k = 2; fs.existsSync(out) || fs.existsSync(`${out}-wal`); k++) out = first.replace(/\.thematic$/, `-${k}.thematic`);
  return out;
}

/** Where backup `name` is restored as a new project: `<base>-restored-<backup's time>.thematic` beside it. */
export function restoredPath(projectAbs: string, name: string): string {
  const base = path.basename(projectAbs).replace(/\.thematic$/i, '');
  return besideProject(projectAbs, `restored-${name.slice(base.length + 1).replace(/\.thematic$/i, '')}`);
}

/** The newest backup that passes its check, restored as a new project beside the damaged one. */
export function restoreLatestGood(projectAbs: string): { path: string; backup: BackupSummary } {
  const all = backupFiles(projectAbs, backupSettings());
  if (!all.length) throw new ThematicError('not_found', `${path.basename(projectAbs)} has no backups to open`);
  const refused: string[] = [];
  for (const b of all) {
    const out = restoredPath(projectAbs, b.name);
    try {
      return { path: out, backup: restoreBackup(b.file, out) };
    } catch (e) {
      if (!(e instanceof ThematicError) || e.code !== 'bad_backup') throw e;
      refused.push(e.message);
    }
  }
  throw new ThematicError('bad_backup', `none of the ${all.length} backups of ${path.basename(projectAbs)} is readable (${refused[0]})`);
}

/** Salvages what is readable into `<base>-salvaged.thematic` beside the damaged project. */
export function salvageBeside(projectAbs: string): SalvageReport {
  if (!fs.existsSync(projectAbs)) throw new ThematicError('not_found', `${projectAbs}: no such project file`);
  return salvage(projectAbs, besideProject(projectAbs, 'salvaged'));
}
