import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { isMethod } from '../src/api/contract.ts';
import type { Service } from '../src/api/service.ts';
import { ThematicError } from '../src/core/errors.ts';
import { errorReply } from '../src/api/replies.ts';
import { isAppUrl } from './protocol.ts';

/** The one IPC channel: the renderer reaches the API contract through it and nothing else. */
export const INVOKE_CHANNEL = 'thematic:invoke';

export type InvokeReply = { ok: true; result: unknown } | { ok: false; error: { code: string; message: string } };

export interface IpcOptions {
  /** Recorded in the operation log when the payload names no coder. */
  actor?: string;
  /** Where unexpected (non-ThematicError) failures are logged in full; the renderer sees one line. */
  log?: (message: string, error: unknown) => void;
}

const fail = (code: string, message: string): InvokeReply => ({ ok: false, error: { code, message } });

/** Turns any thrown value into a reply the renderer can show (the mapping HTTP uses too: src/api/replies.ts). */
export function toErrorReply(e: unknown): InvokeReply {
  return { ok: false, error: errorReply(e).error };
}

/**
 * Wires 'thematic:invoke' to the service. A call is answered only when it comes from our own
 * app:// page inside one of our windows; the method must be in the contract and the payload is
 * zod-validated by `service.call`. Every outcome is a plain {ok, ...} object.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  getService: () => Service | null,
  isTrustedSender: (sender: WebContents) => boolean,
  opts: IpcOptions = {},
): void {
  ipcMain.handle(
    INVOKE_CHANNEL,
    async (event: IpcMainInvokeEvent, method: unknown, payload: unknown, operationId?: unknown): Promise<InvokeReply> => {
      if (!senderAllowed(event, isTrustedSender)) {
        opts.log?.('refused an API call from an untrusted sender', event.senderFrame?.url ?? '(no frame)');
        return fail('forbidden', 'this page may not call the Thematic API');
      }
      if (typeof method !== 'string' || !isMethod(method)) {
        return fail('unknown_method', `unknown method "${typeof method === 'string' ? method.slice(0, 100) : typeof method}"`);
      }
      const service = getService();
      if (!service) return fail('no_project', 'No project is open: use File > Open project... or File > New project.');
      try {
        const id = operationId === undefined || operationId === null ? undefined : String(operationId);
        return { ok: true, result: await service.call(method, payload, { actor: opts.actor, operationId: id }) };
      } catch (e) {
        if (!(e instanceof ThematicError)) opts.log?.(`API call ${method} failed`, e);
        return toErrorReply(e);
      }
    },
  );
}

function senderAllowed(event: IpcMainInvokeEvent, isTrustedSender: (sender: WebContents) => boolean): boolean {
  try {
    const frame = event.senderFrame;
    // A destroyed frame (null) or any page not on app://thematic is not ours.
    if (!frame || !isAppUrl(frame.url)) return false;
    return isTrustedSender(event.sender);
  } catch {
    return false;
  }
}
