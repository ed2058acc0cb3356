import type { Input, MethodName, Output } from '@api/contract.ts';
import { IDEMPOTENCY_HEADER } from '@api/contract-idempotency.ts';

/** How the renderer reaches the one API: Electron IPC or the web mode's HTTP. Nothing else differs. */
export interface ApiTransport {
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>>;
}

export class ApiError extends Error {
  code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

/** Electron: the preload exposes exactly one function, window.thematic.invoke. */
interface Bridge {
  invoke(
    method: string,
    payload: unknown,
    operationId?: string,
  ): Promise<{ ok: true; result: unknown } | { ok: false; error: { code: string; message: string } }>;
}

export function ipcTransport(bridge: Bridge): ApiTransport {
  return {
    async call(method, input) {
      const r = await bridge.invoke(method, input);
      if (!r.ok) throw new ApiError(r.error.code, r.error.message);
      return r.result as never;
    },
  };
}

/** Every web call carries its own operation id, so a retried mutating call is never done twice (reads ignore it). */
const newOperationId = () => crypto.randomUUID();

/**
 * Web mode: POST /api/<method> with the per-run token taken from the page URL once. When the
 * connection fails before an answer arrives, the call is sent again (twice at most) with the same
 * Idempotency-Key: if the first one was carried out, the server answers with its result.
 */
export function httpTransport(token: string, base = ''): ApiTransport {
  return {
    async call(method, input) {
      const init = {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, [IDEMPOTENCY_HEADER]: newOperationId() },
        body: JSON.stringify(input ?? {}),
      };
      let res: Response;
      for (let attempt = 0; ; attempt++) {
        try {
          res = await fetch(`${base}/api/${method}`, init);
          break;
        } catch (e) {
          if (attempt >= 2) throw new ApiError('network', `the Thematic server did not answer (${(e as Error).message})`);
          await new Promise((r) => setTimeout(r, 300 * (attempt + 1)));
        }
      }
      const body = await res.json().catch(() => ({ error: { code: 'bad_response', message: `HTTP ${res.status}` } }));
      if (!res.ok) throw new ApiError(body.error?.code ?? 'error', body.error?.message ?? `HTTP ${res.status}`);
      return body.result as never;
    },
  };
}

export function detectTransport(): ApiTransport {
  const w = window as unknown as { thematic?: Bridge };
  if (w.thematic) return ipcTransport(w.thematic);
  const url = new URL(window.location.href);
  let token = url.searchParams.get('token');
  if (token) {
    sessionStorage.setItem('thematic-token', token);
    url.searchParams.delete('token');
    history.replaceState(null, '', url.toString());
  } else token = sessionStorage.getItem('thematic-token');
  if (!token) throw new ApiError('unauthorized', 'Open the address that `thematic serve` printed: it carries the access token.');
  return httpTransport(token);
}
