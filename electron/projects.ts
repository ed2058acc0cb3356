import fs from 'node:fs';
import path from 'node:path';
import type { BrowserWindow, Dialog } from 'electron';
import { writeFileAtomic } from '../src/lib/atomic-write.ts';

export const PROJECT_EXT = 'thematic';
const FILTERS = [{ name: 'Thematic project', extensions: [PROJECT_EXT] }];

/**
 * The project named on the command line: `--project FILE`, `--project=FILE`, or a bare
 * `.thematic` path (how Windows and Linux hand over a double-clicked file).
 */
export function projectFromArgv(argv: readonly string[], cwd = process.cwd()): string | null {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--project' && argv[i + 1]) return path.resolve(cwd, argv[i + 1]);
    if (a.startsWith('--project=') && a.length > '--project='.length) return path.resolve(cwd, a.slice('--project='.length));
  }
  // argv[0] is the executable; skip flags (Chromium appends its own to second-instance argv).
  const bare = argv
    .slice(1)
    .filter((a) => !a.startsWith('-') && a.toLowerCase().endsWith(`.${PROJECT_EXT}`))
    .at(-1);
  return bare ? path.resolve(cwd, bare) : null;
}

/** Remembers the last project opened, so the next start returns to it. */
export class RecentProjects {
  private readonly file: string;
  constructor(userDataDir: string) {
    this.file = path.join(userDataDir, 'state.json');
  }
  last(): string | null {
    try {
      const v = (JSON.parse(fs.readFileSync(this.file, 'utf8')) as { lastProject?: unknown }).lastProject;
      return typeof v === 'string' && fs.existsSync(v) ? v : null;
    } catch {
      return null;
    }
  }
  remember(project: string): void {
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      writeFileAtomic(this.file, JSON.stringify({ lastProject: path.resolve(project) }, null, 2));
    } catch {
      // Not remembering the last project is an inconvenience, not a failure.
    }
  }
}

export async function askProjectToOpen(dialog: Dialog, win: BrowserWindow | null): Promise<string | null> {
  const opts = { title: 'Open project', properties: ['openFile' as const], filters: FILTERS };
  const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
  return r.canceled || !r.filePaths[0] ? null : r.filePaths[0];
}

/** Where to create a new project; always ends in .thematic. */
export async function askNewProjectPath(dialog: Dialog, win: BrowserWindow | null, defaultDir: string): Promise<string | null> {
  const opts = {
    title: 'New project',
    buttonLabel: 'Create',
    filters: FILTERS,
    defaultPath: path.join(defaultDir, `study.${PROJECT_EXT}`),
    properties: ['createDirectory' as const],
  };
  const r = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
  if (r.canceled || !r.filePath) return null;
  return r.filePath.toLowerCase().endsWith(`.${PROJECT_EXT}`) ? r.filePath : `${r.filePath}.${PROJECT_EXT}`;
}

/**
 * better-sqlite3's N-API prebuild for this platform, which loads in Electron as well as Node.
 * The path is the one better-sqlite3 computes itself, so every open (the sample builder's too)
 * shares one loaded module. In the packaged app it points inside app.asar: Electron's dlopen
 * loads such a file from app.asar.unpacked (electron-builder.yml, asarUnpack), since native
 * code cannot be loaded from inside the archive. Null: let better-sqlite3 find its own binding.
 */
export function nativeBindingPath(
  appRoot: string,
  platform: string = process.platform,
  arch: string = process.arch,
  musl = isMusl(),
): string | null {
  const target = `${platform === 'linux' && musl ? 'linuxmusl' : platform}-${arch}`;
  const file = path.join(appRoot, 'node_modules', 'better-sqlite3', 'prebuilds', `${target}.node`);
  return fs.existsSync(file) ? file : null;
}

function isMusl(): boolean {
  if (process.platform !== 'linux') return false;
  try {
    return /\/ld-musl-[^/\s]*\.so/.test(fs.readFileSync('/proc/self/maps', 'latin1'));
  } catch {
    return false;
  }
}
