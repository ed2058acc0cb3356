// Issue 13: quitting the desktop app waits for the closing backup (electron/quit.ts, with fakes).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { projectCloser, type Closable } from '../../electron/quit.ts';

/** A project whose closing backup ends when the test says so. */
function fakeService() {
  let finish!: () => void, fail!: (e: Error) => void;
  const s = {
    backups: 0,
    closed: 0,
    closeWithBackup: vi.fn(() => {
      s.backups++;
      return new Promise<void>((res, rej) => {
        finish = res;
        fail = rej;
      });
    }),
    close: vi.fn(() => {
      s.closed++;
    }),
    finish: () => finish(),
    fail: (e: Error) => fail(e),
  };
  return s;
}

function setup(service: Closable | null, timeoutMs?: number) {
  let open = service;
  const app = { quit: vi.fn() };
  const log = vi.fn();
  const closer = projectCloser({
    app,
    take: () => {
      const s = open;
      open = null;
      return s;
    },
    timeoutMs,
    log,
  });
  const event = () => ({ preventDefault: vi.fn() });
  return { app, log, closer, event };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => {
  vi.useRealTimers();
});

describe('quitting the desktop app', () => {
  it('holds the quit until the closing backup and the close are done, then quits', async () => {
    const s = fakeService();
    const { app, closer, event } = setup(s);
    const e = event();
    closer.beforeQuit(e);
    expect(e.preventDefault).toHaveBeenCalledOnce();
    expect(s.backups).toBe(1);
    await tick();
    expect(app.quit).not.toHaveBeenCalled();
    expect(s.closed).toBe(0);
    s.finish();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledOnce());
    expect(s.closed).toBe(1);
    // The quit asked for again goes through.
    const again = event();
    closer.beforeQuit(again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });

  it('a second quit while waiting neither starts a second backup nor quits twice', async () => {
    const s = fakeService();
    const { app, closer, event } = setup(s);
    closer.beforeQuit(event());
    const second = event();
    closer.beforeQuit(second);
    expect(second.preventDefault).toHaveBeenCalledOnce();
    expect(s.closeWithBackup).toHaveBeenCalledOnce();
    s.finish();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
    await tick();
    expect(app.quit).toHaveBeenCalledOnce();
    expect(s.closed).toBe(1);
  });

  it('waits for a close started earlier (the window closed, then the app quits)', async () => {
    const s = fakeService();
    const { app, closer, event } = setup(s);
    void closer.closeService(); // window-all-closed / the window's 'closed'
    const e = event();
    closer.beforeQuit(e);
    expect(e.preventDefault).toHaveBeenCalledOnce();
    expect(s.backups).toBe(1);
    s.finish();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledOnce());
  });

  it('a hung backup is given up after the time limit, logged, and the app quits', async () => {
    vi.useFakeTimers();
    const s = fakeService();
    const { app, closer, event, log } = setup(s, 30_000);
    closer.beforeQuit(event());
    await vi.advanceTimersByTimeAsync(29_000);
    expect(app.quit).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_500);
    expect(app.quit).toHaveBeenCalledOnce();
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/did not finish within 30 s; quitting/));
    const e = event();
    closer.beforeQuit(e);
    expect(e.preventDefault).not.toHaveBeenCalled();
  });

  it('a failing backup still closes the project and quits', async () => {
    const s = fakeService();
    const { app, closer, event, log } = setup(s);
    closer.beforeQuit(event());
    s.fail(new Error('disk full'));
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledOnce());
    expect(s.closed).toBe(1);
    expect(log).toHaveBeenCalledWith('the closing backup failed:', expect.objectContaining({ message: 'disk full' }));
  });

  it('with no project open, quitting is not held', () => {
    const { app, closer, event } = setup(null);
    const e = event();
    closer.beforeQuit(e);
    expect(e.preventDefault).not.toHaveBeenCalled();
    expect(app.quit).not.toHaveBeenCalled();
  });
});
