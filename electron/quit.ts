/**
 * Closing the open project and quitting without cutting the closing backup short. Electron ends
 * the process once 'before-quit' returns unless it is prevented, so while a closing backup (and
 * the close after it) is pending, quitting is held back, awaited, then asked for again. A hung
 * backup never holds the app forever: after `timeoutMs` it is given up (and logged) and the app quits.
 * Pure: the app and the service are passed in, so tests drive it with fakes (no Electron here).
 */
export interface Closable {
  closeWithBackup(): Promise<void>;
  close(): void;
}
export interface QuitLike {
  quit(): void;
}
export interface QuitEvent {
  preventDefault(): void;
}

export interface CloserOptions {
  app: QuitLike;
  /** Hands over the open project and forgets it (the host's `service` becomes null). */
  take: () => Closable | null;
  timeoutMs?: number;
  log?: (message: string, error?: unknown) => void;
}

export const QUIT_WAIT_MS = 30_000;

export function projectCloser(opts: CloserOptions) {
  const log = opts.log ?? ((m, e) => console.error(`thematic: ${m}`, e ?? ''));
  const timeoutMs = opts.timeoutMs ?? QUIT_WAIT_MS;
  const pending = new Set<Promise<void>>();
  let waiting = false;
  let mayQuit = false;

  /** Starts closing the open project: its closing backup first, then the close (also when the backup fails). */
  function closeService(): Promise<void> {
    const s = opts.take();
    if (!s) return Promise.resolve();
    const done: Promise<void> = s
      .closeWithBackup()
      .catch((e) => log('the closing backup failed:', e))
      .finally(() => {
        try {
          s.close();
        } catch (e) {
          log('closing the project failed:', e);
        }
        pending.delete(done);
      });
    pending.add(done);
    return done;
  }

  /** The 'before-quit' listener. */
  function beforeQuit(event: QuitEvent): void {
    if (mayQuit) return;
    closeService();
    if (!pending.size) return;
    event.preventDefault();
    if (waiting) return; // a second quit while waiting: the wait already under way quits
    waiting = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>((r) => {
      timer = setTimeout(() => r('timeout'), timeoutMs);
    });
    void Promise.race([Promise.allSettled([...pending]).then(() => 'done' as const), timeout]).then((how) => {
      clearTimeout(timer);
      if (how === 'timeout')
        log(`the closing backup did not finish within ${Math.round(timeoutMs / 1000)} s; quitting without waiting for it`);
      mayQuit = true;
      waiting = false;
      opts.app.quit();
    });
  }

  return { closeService, beforeQuit, pending: () => pending.size };
}
