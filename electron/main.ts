import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { Service } from '../src/api/service.ts';
import { backupSettings } from '../src/lib/backup-paths.ts';
import { buildSample, SAMPLE_PATH } from '../src/api/sample.ts';
import { registerIpc, toErrorReply } from './ipc.ts';
import { menuTemplate } from './menu.ts';
import { appRequestHandler, APP_SCHEME, appScheme } from './protocol.ts';
import { askNewProjectPath, askProjectToOpen, nativeBindingPath, projectFromArgv, RecentProjects } from './projects.ts';
import { offerWaysOut } from './damaged.ts';
import { projectCloser } from './quit.ts';
import { askThenOpenExternal, denyPermissions, hardenWebContents } from './security.ts';
import { createMainWindow } from './window.ts';

// Bundled to electron/dist/main.cjs, both in the repository and inside app.asar.
const appRoot = path.resolve(__dirname, '../..');
const rendererDir = path.join(appRoot, 'renderer/dist');
const preload = path.join(__dirname, 'preload.cjs');
const actor = process.env.THEMATIC_USER || process.env.USER || process.env.USERNAME || 'researcher';

let win: BrowserWindow | null = null;
let service: Service | null = null;
let pendingProject: string | null = projectFromArgv(process.argv);
// Closing a project backs it up first; quitting waits for that (up to 30 s).
const closer = projectCloser({
  app,
  take: () => {
    const s = service;
    service = null;
    return s;
  },
});
const closeService = () => void closer.closeService();

// Must happen before 'ready': gives app:// an origin, a secure context and fetch().
protocol.registerSchemesAsPrivileged([appScheme]);

if (!app.requestSingleInstanceLock()) {
  // Another Thematic is running: it receives our argv ('second-instance') and opens the project.
  app.quit();
} else {
  app.on('second-instance', (_event, argv, cwd) => {
    const file = projectFromArgv(argv, cwd);
    focusOrCreateWindow();
    if (file) void openProject(file);
  });
  // macOS hands over double-clicked .thematic files this way, possibly before 'ready'.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    if (app.isReady()) void openProject(file);
    else pendingProject = file;
  });
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(
      contents,
      askThenOpenExternal(dialog, shell, () => win),
    ),
  );
  app.on('window-all-closed', () => {
    closeService();
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (!win) void startWindow();
  });
  app.on('before-quit', closer.beforeQuit);
  app.whenReady().then(start, (e) => fatal(e));
}

async function start(): Promise<void> {
  protocol.handle(
    APP_SCHEME,
    appRequestHandler(rendererDir, () => service),
  );
  denyPermissions(session.defaultSession);
  registerIpc(
    ipcMain,
    () => service,
    (sender) => win !== null && !win.isDestroyed() && sender === win.webContents,
    {
      actor,
      log: (message, error) => console.error(`thematic: ${message}:`, error),
    },
  );
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate(
        {
          newProject: () => void newProject(),
          openProject: () =>
            void askProjectToOpen(dialog, win).then((f) => {
              if (f) void openProject(f);
            }),
          openSample: () => void openSample(),
          closeProject: () => win?.close(),
          about: () => app.showAboutPanel(),
        },
        { platform: process.platform, devTools: !app.isPackaged },
      ),
    ),
  );
  await startWindow();
}

/** Opens the project named on the command line, else the last one, else the sample study. */
async function startWindow(): Promise<void> {
  const recent = new RecentProjects(app.getPath('userData'));
  const file = pendingProject ?? recent.last();
  pendingProject = null;
  focusOrCreateWindow();
  if (file) await openProject(file);
  else await openSample();
}

function focusOrCreateWindow(): BrowserWindow {
  if (win && !win.isDestroyed()) {
    if (win.isMinimized()) win.restore();
    win.focus();
    return win;
  }
  const w = createMainWindow({ preload });
  w.on('closed', () => {
    if (win === w) win = null;
    closeService();
  });
  win = w;
  return w;
}

/** Switches the window to another project file; the old one is closed only once the new one opened. */
async function openProject(file: string, opts: { create?: boolean } = {}): Promise<boolean> {
  const abs = path.resolve(file);
  const w = focusOrCreateWindow();
  if (service && service.path === abs) return true;
  let next: Service;
  try {
    next = Service.open(abs, {
      create: opts.create,
      claimEmpty: opts.create,
      nativeBinding: nativeBindingPath(appRoot) ?? undefined,
      autoBackup: backupSettings(),
    });
  } catch (e) {
    const r = toErrorReply(e);
    if (!r.ok && r.error.code === 'damaged') {
      // Two ways out, each into a new file beside the damaged one (which is left as it is).
      const ways = { restoreLatestGood: Service.restoreLatestGood, salvageBeside: Service.salvageBeside };
      return (await offerWaysOut(dialog, w, abs, r.error.message, ways, (f) => openProject(f))) !== null;
    }
    dialog.showErrorBox('Cannot open the project', r.ok ? String(e) : r.error.message);
    return false;
  }
  closeService();
  service = next;
  next.warmJobs();
  new RecentProjects(app.getPath('userData')).remember(abs);
  app.addRecentDocument(abs);
  w.setTitle(`${path.basename(abs)} - Thematic`);
  w.setRepresentedFilename(abs);
  // The page asks the service for everything, so a reload shows the new project (a page
  // still loading will ask the new service anyway).
  if (!w.webContents.isLoading()) w.webContents.reload();
  return true;
}

async function newProject(): Promise<void> {
  const file = await askNewProjectPath(dialog, win, app.getPath('documents'));
  if (!file) return;
  const { existsSync } = await import('node:fs');
  if (existsSync(file)) {
    // The save dialog may have asked "replace?", but a project is never overwritten.
    dialog.showErrorBox(
      'The file already exists',
      `${file} already exists. Thematic never overwrites a project: choose another name, or use File > Open project...`,
    );
    return;
  }
  await openProject(file, { create: true });
}

async function openSample(): Promise<void> {
  // Inside the packaged app the fixtures are read-only, so the sample is built into userData.
  const file = app.isPackaged ? path.join(app.getPath('userData'), 'sample.thematic') : SAMPLE_PATH;
  try {
    await buildSample(file, { force: false });
  } catch (e) {
    dialog.showErrorBox('Cannot build the sample study', (e as Error).message);
    return;
  }
  await openProject(file);
}

function fatal(e: unknown): void {
  dialog.showErrorBox('Thematic could not start', e instanceof Error ? e.message : String(e));
  app.exit(1);
}
