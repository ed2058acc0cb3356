// Every file the app writes (exports, reports, maps, copies) is written to a temporary file beside
// its target, flushed to disk, and renamed over the target only when complete: a full disk or a
// crash leaves the previous file as it was and no half-written one. ENOSPC becomes the disk-full
// message the project's own writes give.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { ThematicError } from '../core/errors.ts';

/** A temporary name in the target's folder (same file system, so the rename is atomic). */
export function tempBeside(file: string, purpose = 'writing'): string {
  const abs = path.resolve(file);
  return path.join(path.dirname(abs), `.${path.basename(abs)}.${purpose}-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/** Writes `data` to `file` atomically (temp file, fsync, rename, fsync of the folder). */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const tmp = tempBeside(file);
  try {
    const fd = fs.openSync(tmp, 'wx', 0o644);
    try {
      fs.writeFileSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw writeError(e, file);
  }
  commitTemp(tmp, file);
}

/** Moves a complete temporary file (made by tempBeside and e.g. VACUUM INTO) over `file`, durably. */
export function commitTemp(tmp: string, file: string): void {
  try {
    const fd = fs.openSync(tmp, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw writeError(e, file);
  }
  try {
    const dir = fs.openSync(path.dirname(path.resolve(file)), 'r');
    try {
      fs.fsyncSync(dir);
    } finally {
      fs.closeSync(dir);
    }
  } catch {
    /* some file systems cannot fsync a folder; the rename is done */
  }
}

/** A failed write as the researcher should read it: which file, and that nothing was replaced. */
export function writeError(e: unknown, file: string): Error {
  if (e instanceof ThematicError) return e;
  const code = (e as { code?: string })?.code ?? '';
  const msg = String((e as Error)?.message ?? e);
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL' || /disk is full/i.test(msg)) {
    return new ThematicError(
      'disk_full',
      `${file}: the disk is full; nothing was written (any earlier ${path.basename(file)} is unchanged). Free some space and try again`,
    );
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new ThematicError('read_only', `${file}: cannot write there (${code}); nothing was written`);
  }
  if (code === 'ENOENT') return new ThematicError('not_found', `${file}: the folder ${path.dirname(path.resolve(file))} does not exist`);
  return new ThematicError('write_failed', `${file}: could not be written (${code || msg}); nothing was written`);
}
