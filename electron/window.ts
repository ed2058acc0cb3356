import { BrowserWindow, dialog, shell } from 'electron';
import { APP_ENTRY } from './protocol.ts';
import { askThenOpenExternal, hardenWebContents, secureWebPreferences } from './security.ts';

/** The one main window: secure settings, navigation and pop-ups denied, the app:// page loaded. */
export function createMainWindow(opts: { preload: string; title?: string }): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: opts.title ?? 'Thematic',
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(opts.preload),
  });
  hardenWebContents(
    win.webContents,
    askThenOpenExternal(dialog, shell, () => win),
  );
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY);
  return win;
}
