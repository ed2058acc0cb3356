import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Service } from '../../src/api/service.ts';
import { INVOKE_CHANNEL, registerIpc, type InvokeReply } from '../../electron/ipc.ts';

// ipc.ts only imports types from 'electron'; the mock makes sure nothing at run time needs the binary.
vi.mock('electron', () => ({}));

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<InvokeReply>;

/** A fake ipcMain that keeps the handlers, and a fake window's webContents. */
function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle: vi.fn((channel: string, h: Handler) => {
      handlers.set(channel, h);
    }),
  };
}
const ourContents = { id: 1 } as unknown as WebContents;
const foreignContents = { id: 2 } as unknown as WebContents;
const eventFrom = (url: string | null, sender: WebContents = ourContents) =>
  ({ sender, senderFrame: url === null ? null : { url } }) as unknown as IpcMainInvokeEvent;

let dir: string;
let service: Service;
let invoke: (event: IpcMainInvokeEvent, method: unknown, payload?: unknown) => Promise<InvokeReply>;
const log = vi.fn();

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thematic-ipc-'));
  service = Service.open(path.join(dir, 'study.thematic'), { create: true });
  const ipc = fakeIpcMain();
  registerIpc(
    ipc,
    () => service,
    (sender) => sender === ourContents,
    { actor: 'dana', log },
  );
  expect(ipc.handle).toHaveBeenCalledTimes(1);
  const h = ipc.handlers.get(INVOKE_CHANNEL)!;
  invoke = (event, method, payload) => h(event, method, payload);
  log.mockClear();
});

afterEach(() => {
  vi.restoreAllMocks();
  service.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const trusted = eventFrom('app://thematic/index.html');

describe('thematic:invoke', () => {
  it('registers exactly the one channel', () => {
    const ipc = fakeIpcMain();
    registerIpc(
      ipc,
      () => service,
      () => true,
    );
    expect([...ipc.handlers.keys()]).toEqual(['thematic:invoke']);
  });

  it('answers a valid call with {ok: true, result} and records the actor', async () => {
    const created = await invoke(trusted, 'codes.create', { name: 'Stigma', color: '#aa3355' });
    expect(created).toMatchObject({ ok: true, result: { name: 'Stigma', color: '#aa3355' } });
    const list = await invoke(eventFrom('app://thematic/codes?x=1#y'), 'codes.list', {});
    expect(list.ok && (list.result as { name: string }[]).map((c) => c.name)).toEqual(['Stigma']);
    const history = await invoke(trusted, 'history.list', {});
    expect(history.ok && (history.result as { operations: { actor: string }[] }).operations[0].actor).toBe('dana');
  });

  it('refuses an invalid payload with invalid_input and changes nothing', async () => {
    const r = await invoke(trusted, 'codes.create', { name: '', color: 'red', extra: 1 });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('invalid_input');
    expect(!r.ok && r.error.message).toMatch(/codes\.create: invalid input/);
    expect(await service.call('codes.list', {})).toEqual([]);
    const notAnObject = await invoke(trusted, 'codes.create', 'DROP TABLE codes');
    expect(!notAnObject.ok && notAnObject.error.code).toBe('invalid_input');
  });

  it('refuses unknown or non-string method names without calling the service', async () => {
    const call = vi.spyOn(service, 'call');
    for (const m of ['codes.drop', 'constructor', '__proto__', 'toString', '', 42, null, { toString: () => 'codes.list' }]) {
      const r = await invoke(trusted, m, {});
      expect(r).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }
    expect(call).not.toHaveBeenCalled();
  });

  it('refuses calls from pages that are not app://thematic, without calling the service', async () => {
    const call = vi.spyOn(service, 'call');
    const untrusted = [
      eventFrom('https://evil.example/'),
      eventFrom('http://127.0.0.1:5173/'),
      eventFrom('file:///tmp/index.html'),
      eventFrom('app://evil/index.html'),
      eventFrom('app://thematic.evil.example/'),
      eventFrom('app://user:pw@thematic/'),
      eventFrom('about:blank'),
      eventFrom('not a url'),
      eventFrom(null), // the frame was destroyed or navigated away
    ];
    for (const e of untrusted) {
      const r = await invoke(e, 'codes.create', { name: 'Injected' });
      expect(r).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } });
    }
    expect(call).not.toHaveBeenCalled();
    expect(await service.call('codes.list', {})).toEqual([]);
  });

  it('refuses calls from a webContents that is not one of our windows, even on app://thematic', async () => {
    const call = vi.spyOn(service, 'call');
    const r = await invoke(eventFrom('app://thematic/index.html', foreignContents), 'codes.list', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(call).not.toHaveBeenCalled();
  });

  it('treats a failing trust check as untrusted', async () => {
    const ipc = fakeIpcMain();
    registerIpc(
      ipc,
      () => service,
      () => {
        throw new Error('window destroyed');
      },
    );
    const r = await ipc.handlers.get(INVOKE_CHANNEL)!(trusted, 'codes.list', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('says so when no project is open', async () => {
    const ipc = fakeIpcMain();
    registerIpc(
      ipc,
      () => null,
      () => true,
    );
    const r = await ipc.handlers.get(INVOKE_CHANNEL)!(trusted, 'codes.list', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'no_project' } });
  });

  it('passes service errors on as {code, message}', async () => {
    const r = await invoke(trusted, 'codes.update', { id: 999, name: 'Nope' });
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const undo = await invoke(trusted, 'history.undo', {});
    expect(undo).toMatchObject({ ok: false, error: { code: 'nothing_to_undo' } });
  });

  it('never sends a stack trace or a raw error object to the renderer', async () => {
    const err = new Error('disk on fire\n    at secret (/home/dana/thematic/src/store/open.ts:12:3)');
    vi.spyOn(service, 'call').mockRejectedValueOnce(err);
    const r = await invoke(trusted, 'codes.list', {});
    expect(r).toEqual({ ok: false, error: { code: 'internal', message: 'disk on fire' } });
    expect(JSON.stringify(r)).not.toMatch(/open\.ts|\bat secret/);
    expect(log).toHaveBeenCalledWith('API call codes.list failed', err); // the full error goes to the log

    vi.spyOn(service, 'call').mockRejectedValueOnce('a string, not an Error');
    const r2 = await invoke(trusted, 'codes.list', {});
    expect(r2).toEqual({ ok: false, error: { code: 'internal', message: 'a string, not an Error' } });
    // Replies are plain data: they survive structured cloning unchanged, with no Error inside.
    for (const reply of [r, r2, await invoke(trusted, 'codes.update', { id: 999 })]) {
      expect(structuredClone(reply)).toEqual(reply);
      expect(JSON.stringify(reply)).not.toMatch(/\n\s+at /);
    }
  });
});
