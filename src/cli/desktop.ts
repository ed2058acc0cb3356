import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const root = path.resolve(import.meta.dirname, '../..');

/** The Electron executable if one is on this machine; never triggers a download. */
export function findElectron(): string | null {
  const require = createRequire(import.meta.url);
  let pkgDir: string;
  try {
    pkgDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathTxt = path.join(pkgDir, 'path.txt');
  const exe = fs.existsSync(pathTxt) ? fs.readFileSync(pathTxt, 'utf8').trim() : 'electron';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override ? path.join(override, exe) : path.join(pkgDir, 'dist', exe);
  return fs.existsSync(candidate) ? candidate : null;
}

export function rendererBuilt(): boolean {
  return fs.existsSync(path.join(root, 'renderer/dist/index.html'));
}

/** Builds the renderer with Vite when it has not been built yet (first `npm start`). */
export function ensureRendererBuilt(log: (s: string) => void): void {
  if (rendererBuilt()) return;
  log('Building the user interface (first start only)...');
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('building the user interface failed (see above)');
}

export function ensureElectronMainBuilt(): void {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/build-electron.mjs')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('building the Electron main process failed');
}

export function launchElectron(exe: string, project: string): Promise<number> {
  ensureElectronMainBuilt();
  return new Promise((resolve) => {
    const child = spawn(exe, [path.join(root, 'electron/dist/main.cjs'), '--project', project], { stdio: 'inherit' });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}
