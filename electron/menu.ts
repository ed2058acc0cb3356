import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  newProject(): void;
  openProject(): void;
  openSample(): void;
  closeProject(): void;
  about(): void;
}

/**
 * The application menu, in the researcher's words. Edit and View use Electron's roles so
 * copy/paste, undo in text fields and zoom behave as on every other app of the platform.
 */
export function menuTemplate(actions: MenuActions, opts: { platform: NodeJS.Platform; devTools: boolean }): MenuItemConstructorOptions[] {
  const mac = opts.platform === 'darwin';
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'New project...', accelerator: 'CmdOrCtrl+N', click: () => actions.newProject() },
      { label: 'Open project...', accelerator: 'CmdOrCtrl+O', click: () => actions.openProject() },
      { label: 'Open sample study', click: () => actions.openSample() },
      { type: 'separator' },
      { label: 'Close project', accelerator: 'CmdOrCtrl+W', click: () => actions.closeProject() },
      ...(mac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { role: 'reload' },
      ...(opts.devTools ? [{ role: 'toggleDevTools' } as const] : []),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const help: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [{ label: 'About Thematic', click: () => actions.about() }],
  };
  return [
    ...(mac ? [{ role: 'appMenu' } as const] : []),
    file,
    { role: 'editMenu', label: '&Edit' },
    view,
    ...(mac ? [{ role: 'windowMenu' } as const] : []),
    help,
  ];
}
