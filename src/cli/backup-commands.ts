import fs from 'node:fs';
import path from 'node:path';
import { UsageError, flag, type Parsed } from './args.ts';
import type { Io } from './io.ts';
import { table } from './project-commands.ts';
import { ThematicError } from '../core/errors.ts';
import { listBackups, restoreBackup, salvage } from '../api/files.ts';
import { backupFolder, backupSettings } from '../lib/backup-paths.ts';
import { Service } from '../api/service.ts';

export const BACKUP_USAGE = `  thematic backups FILE [--json]                    list the project's backups: time, size, counts, what changed since the previous
  thematic backup FILE                              write a backup now (backups/ beside the project; THEMATIC_BACKUP_DIR to move it)
  thematic restore FILE BACKUP [--out NEW.thematic] [--force]   a backup as a new project (over FILE itself only with --out FILE --force)
  thematic salvage FILE --out NEW.thematic          what is readable of a damaged project, into a new project, with a report
`;

/** A backup named on the command line: a path, or a name in the project's backups folder. */
function resolveBackup(project: string, given: string): string {
  if (fs.existsSync(given)) return given;
  const inFolder = path.join(backupFolder(path.resolve(project)), given);
  if (fs.existsSync(inFolder)) return inFolder;
  throw new ThematicError('not_found', `${given}: no such backup (not a file, and not in ${backupFolder(path.resolve(project))})`);
}

async function cmdBackups(p: Parsed, io: Io): Promise<number> {
  const file = p.positionals[0];
  if (!file) throw new UsageError('usage: thematic backups FILE [--json]');
  if (!fs.existsSync(file)) throw new ThematicError('not_found', `${file}: no such project file`);
  const rows = listBackups(path.resolve(file));
  if (p.bools.has('json')) {
    io.out(JSON.stringify({ folder: backupFolder(path.resolve(file)), backups: rows }, null, 2));
    return 0;
  }
  if (!rows.length) {
    io.out(`No backups yet in ${backupFolder(path.resolve(file))}.`);
    return 0;
  }
  io.out(
    table(
      ['backup', 'time (UTC)', 'size', 'documents', 'codes', 'codings', 'changes since the previous'],
      rows.map((r) => [
        r.name,
        r.at.replace('T', ' ').slice(0, 19),
        `${(r.bytes / 2 ** 20).toFixed(1)} MB`,
        String(r.counts.documents),
        String(r.counts.codes),
        String(r.counts.codings),
        r.changes.join('; '),
      ]),
    ),
  );
  return 0;
}

async function cmdBackup(p: Parsed, io: Io): Promise<number> {
  const file = p.positionals[0];
  if (!file) throw new UsageError('usage: thematic backup FILE');
  const s = Service.open(file); // no automatic backup on top of this one
  try {
    const r = await s.backupNow(backupSettings());
    io.out(
      `Backed up to ${r.backup.file} (${(r.backup.bytes / 2 ** 20).toFixed(1)} MB, checked)${r.pruned.length ? `; removed ${r.pruned.length} older` : ''}`,
    );
    return 0;
  } finally {
    s.close();
  }
}

async function cmdRestore(p: Parsed, io: Io): Promise<number> {
  const [file, given] = p.positionals;
  if (!file || !given) throw new UsageError('usage: thematic restore FILE BACKUP [--out NEW.thematic] [--force]');
  const backup = resolveBackup(file, given);
  const abs = path.resolve(file);
  const out =
    flag(p, 'out') ??
    path.join(
      path.dirname(abs),
      `${path.basename(abs, '.thematic')}-restored-${path.basename(backup).replace(/^.*-(\d{4}-\d\d-\d\dT[\d-]+\.\d{3}Z)\.thematic$/, '$1')}.thematic`,
    );
  const overCurrent = path.resolve(out) === abs;
  if (overCurrent && !p.bools.has('force')) {
    throw new ThematicError(
      'exists',
      `${out} is the current project; a backup is restored as a new file (give another --out), or over the project only with --force`,
    );
  }
  if (overCurrent && fs.existsSync(abs)) {
    // The current project is backed up first (and must not be open elsewhere: opening it checks).
    const s = Service.open(abs);
    try {
      io.out(`Backed up the current project first: ${(await s.backupNow()).backup.file}`);
    } finally {
      s.close();
    }
  }
  const r = restoreBackup(backup, out, p.bools.has('force'));
  io.out(`Restored ${r.name} (${r.counts.documents} documents, ${r.counts.codes} codes, ${r.counts.codings} codings) as ${out}`);
  return 0;
}

async function cmdSalvage(p: Parsed, io: Io): Promise<number> {
  const file = p.positionals[0];
  const out = flag(p, 'out');
  if (!file || !out) throw new UsageError('usage: thematic salvage FILE --out NEW.thematic');
  const r = salvage(file, out);
  if (p.bools.has('json')) io.out(JSON.stringify(r, null, 2));
  else io.out(r.lines.join('\n'));
  return 0;
}

export const backupCommands = { backups: cmdBackups, backup: cmdBackup, restore: cmdRestore, salvage: cmdSalvage };
