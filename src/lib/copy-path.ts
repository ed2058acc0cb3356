import path from 'node:path';
import { ThematicError } from '../core/errors.ts';

/**
 * Where a copy of the project goes: the file name asked for, beside the project. The renderer is
 * untrusted, so through IPC and HTTP a copy can only go into the project's own folder; the CLI
 * (a trusted caller, see CallContext) writes wherever --out says.
 */
export function copyPath(projectPath: string, outPath: string, trusted = false): string {
  if (trusted) return path.resolve(outPath);
  if (/[\\/]/.test(outPath) || outPath === '..' || outPath.startsWith('.'))
    throw new ThematicError('invalid_input', `${outPath}: give a file name only; the copy is written beside the project`);
  if (!/\.thematic$/i.test(outPath))
    throw new ThematicError('invalid_input', `${outPath}: the copy is a project file; its name must end in .thematic`);
  return path.join(path.dirname(projectPath), outPath);
}
