import type { BaseWindow, Dialog, Session, Shell, WebContents, WebPreferences } from 'electron';
import { isAppUrl } from './protocol.ts';

/** The renderer's settings (DESIGN.md, security): isolated, sandboxed, no Node. */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    // Chromium's spellchecker downloads dictionaries from Google on Windows and Linux: off.
    spellcheck: false,
  };
}

/** Only plain web links leave the app, and only to the system browser. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname !== '' && !u.username && !u.password;
  } catch {
    return false;
  }
}

/**
 * Opens a web link in the system browser only after the researcher said so: a link inside an
 * imported transcript or memo could lead anywhere. Cancel is the default button.
 */
export function askThenOpenExternal(
  dialog: Pick<Dialog, 'showMessageBox'>,
  shell: Pick<Shell, 'openExternal'>,
  win?: () => BaseWindow | null,
) {
  return async (url: string): Promise<void> => {
    if (!isSafeExternalUrl(url)) return;
    const options = {
      type: 'question' as const,
      buttons: ['Open in browser', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
      title: 'Open a web link',
      message: 'Open this link in your web browser?',
      detail: url.slice(0, 2000),
    };
    const parent = win?.() ?? null;
    const r = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
    if (r.response === 0) await shell.openExternal(url);
  };
}

const hardened = new WeakSet<WebContents>();

/**
 * Denies navigation away from app://thematic, every new window and <webview>; a safe http(s)
 * link the researcher clicked opens in their browser instead.
 */
export function hardenWebContents(contents: WebContents, openExternal: (url: string) => Promise<void> | void): void {
  // Called from both 'web-contents-created' and window creation: one set of listeners only.
  if (hardened.has(contents)) return;
  hardened.add(contents);
  const external = (url: string) => {
    if (isSafeExternalUrl(url)) void Promise.resolve(openExternal(url)).catch(() => {});
  };
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    external(url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    external(url);
    return { action: 'deny' };
  });
}

/**
 * No camera, microphone, location, notifications...: the app needs none. The one exception is
 * writing plain text to the clipboard from our own page (copying a quote).
 */
export function denyPermissions(session: Session): void {
  const allowed = (permission: string, origin: string) => permission === 'clipboard-sanitized-write' && isAppUrl(origin);
  session.setPermissionRequestHandler((contents, permission, callback) => callback(allowed(permission, contents.getURL())));
  session.setPermissionCheckHandler((_contents, permission, origin) => allowed(permission, origin));
}
