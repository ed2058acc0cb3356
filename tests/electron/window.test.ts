import { beforeEach, describe, expect, it, vi } from 'vitest';

/** A stand-in for Electron's BrowserWindow: records its options and the listeners installed. */
const h = vi.hoisted(() => {
  type Listener = (...args: any[]) => void;
  class FakeContents {
    listeners = new Map<string, Listener[]>();
    openHandler: ((d: { url: string }) => { action: string }) | null = null;
    on(name: string, fn: Listener) {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn]);
      return this;
    }
    setWindowOpenHandler(fn: (d: { url: string }) => { action: string }) {
      this.openHandler = fn;
    }
    emit(name: string, ...args: unknown[]) {
      for (const fn of this.listeners.get(name) ?? []) fn(...args);
    }
  }
  class FakeWindow {
    static created: FakeWindow[] = [];
    options: any;
    webContents = new FakeContents();
    loaded: string[] = [];
    constructor(options: unknown) {
      this.options = options;
      FakeWindow.created.push(this);
    }
    once() {
      return this;
    }
    on() {
      return this;
    }
    show() {}
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
  }
  // The researcher confirms every link (issue 15: the app asks before opening one).
  return {
    FakeWindow,
    FakeContents,
    openExternal: vi.fn(async (_url: string) => {}),
    showMessageBox: vi.fn(async () => ({ response: 0 })),
  };
});

vi.mock('electron', () => ({
  BrowserWindow: h.FakeWindow,
  shell: { openExternal: h.openExternal },
  dialog: { showMessageBox: h.showMessageBox },
}));
const flush = () => new Promise((r) => setTimeout(r, 0));

const { createMainWindow } = await import('../../electron/window.ts');
const { denyPermissions, isSafeExternalUrl } = await import('../../electron/security.ts');

const navEvent = () => ({ preventDefault: vi.fn() });

beforeEach(() => {
  h.FakeWindow.created.length = 0;
  h.openExternal.mockClear();
});

function makeWindow() {
  createMainWindow({ preload: '/app/electron/dist/preload.cjs' });
  expect(h.FakeWindow.created).toHaveLength(1);
  return h.FakeWindow.created[0];
}

describe('the main window', () => {
  it('is isolated and sandboxed, without Node, with our preload, and loads app://thematic', () => {
    const w = makeWindow();
    expect(w.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/electron/dist/preload.cjs',
    });
    expect(w.loaded).toEqual(['app://thematic/index.html']);
  });

  it('denies navigation away from the app, opening safe web links in the browser instead', async () => {
    const w = makeWindow();
    expect(w.webContents.listeners.get('will-navigate')).toHaveLength(1);
    const away = navEvent();
    w.webContents.emit('will-navigate', away, 'https://evil.example/phish');
    expect(away.preventDefault).toHaveBeenCalled();
    await flush();
    expect(h.openExternal).toHaveBeenCalledWith('https://evil.example/phish');

    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'app://other/', 'smb://host/share', 'https://user:pw@example.org/']) {
      h.openExternal.mockClear();
      const e = navEvent();
      w.webContents.emit('will-navigate', e, url);
      await flush();
      expect(e.preventDefault, url).toHaveBeenCalled();
      expect(h.openExternal, url).not.toHaveBeenCalled();
    }

    const inApp = navEvent();
    w.webContents.emit('will-navigate', inApp, 'app://thematic/index.html');
    expect(inApp.preventDefault).not.toHaveBeenCalled();
  });

  it('installs its listeners once even when hardened twice (web-contents-created and the window)', async () => {
    const { hardenWebContents } = await import('../../electron/security.ts');
    const w = makeWindow();
    hardenWebContents(w.webContents as never, h.openExternal);
    expect(w.webContents.listeners.get('will-navigate')).toHaveLength(1);
    w.webContents.emit('will-navigate', navEvent(), 'https://example.org/');
    await flush();
    expect(h.openExternal).toHaveBeenCalledTimes(1);
  });

  it('denies frame navigation and redirects off the app, and every <webview>', () => {
    const w = makeWindow();
    const frame = { url: 'https://evil.example/', preventDefault: vi.fn() };
    w.webContents.emit('will-frame-navigate', frame);
    expect(frame.preventDefault).toHaveBeenCalled();
    const redirect = navEvent();
    w.webContents.emit('will-redirect', redirect, 'https://evil.example/');
    expect(redirect.preventDefault).toHaveBeenCalled();
    const webview = navEvent();
    w.webContents.emit('will-attach-webview', webview, {}, {});
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('denies every new window; only a safe http(s) link goes to the browser', async () => {
    const w = makeWindow();
    expect(w.webContents.openHandler).not.toBeNull();
    const open = w.webContents.openHandler!;
    expect(open({ url: 'https://example.org/paper' })).toEqual({ action: 'deny' });
    await flush();
    expect(h.openExternal).toHaveBeenCalledWith('https://example.org/paper');
    h.openExternal.mockClear();
    for (const url of ['app://thematic/index.html', 'file:///etc/passwd', 'javascript:alert(1)', 'ms-msdt:/id', 'about:blank']) {
      expect(open({ url })).toEqual({ action: 'deny' });
    }
    await flush();
    expect(h.openExternal).not.toHaveBeenCalled();
  });

  it('knows which links are safe to hand to the system', () => {
    expect(isSafeExternalUrl('https://example.org/a?b=c')).toBe(true);
    expect(isSafeExternalUrl('http://example.org/')).toBe(true);
    for (const url of ['file:///C:/Windows/system32/calc.exe', 'vbscript:x', 'mailto:a@b.c', 'https://a:b@example.org', 'nonsense', '']) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });
});

describe('permissions', () => {
  it('denies every permission request except clipboard writes from our own page', () => {
    let request: ((wc: unknown, permission: string, cb: (ok: boolean) => void, details: unknown) => void) | null = null;
    let check: ((wc: unknown, permission: string, origin: string, details: unknown) => boolean) | null = null;
    denyPermissions({
      setPermissionRequestHandler: (fn: typeof request) => {
        request = fn;
      },
      setPermissionCheckHandler: (fn: typeof check) => {
        check = fn;
      },
    } as never);
    const ours = { getURL: () => 'app://thematic/index.html' };
    const theirs = { getURL: () => 'https://evil.example/' };
    const ask = (wc: unknown, permission: string) => {
      let granted: boolean | null = null;
      request!(
        wc,
        permission,
        (ok) => {
          granted = ok;
        },
        {},
      );
      return granted;
    };
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen', 'hid', 'serial']) {
      expect(ask(ours, p), p).toBe(false);
      expect(check!(ours, p, 'app://thematic', {}), p).toBe(false);
    }
    expect(ask(ours, 'clipboard-sanitized-write')).toBe(true);
    expect(ask(theirs, 'clipboard-sanitized-write')).toBe(false);
    expect(check!(null, 'clipboard-sanitized-write', 'https://evil.example', {})).toBe(false);
  });
});
