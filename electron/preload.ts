import { contextBridge, ipcRenderer } from 'electron';

/**
 * Runs sandboxed, isolated from the page. The page gets exactly one function: it can call
 * the API contract and nothing else (no ipcRenderer, no Node). Kept free of other imports
 * because a sandboxed preload can only require a subset of 'electron'.
 */
const INVOKE_CHANNEL = 'thematic:invoke';

contextBridge.exposeInMainWorld('thematic', {
  invoke: (method: string, payload: unknown, operationId?: string) =>
    operationId === undefined
      ? ipcRenderer.invoke(INVOKE_CHANNEL, String(method), payload)
      : ipcRenderer.invoke(INVOKE_CHANNEL, String(method), payload, String(operationId)),
});
