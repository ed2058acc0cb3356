import { contract, type Input, type MethodName, type Output } from '../../../src/api/contract.ts';
import { detectTransport, type ApiTransport } from './transport.ts';

/**
 * The renderer's one door to the API. Every successful mutating call bumps `dataVersion`, so
 * views re-read what they show: the database stays the only source of truth.
 */
let transport: ApiTransport | null = null;
let version = 0;
const listeners = new Set<() => void>();

export function setTransport(t: ApiTransport): void { transport = t; }

export async function call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
  transport ??= detectTransport();
  const out = await transport.call(method, input);
  if (contract[method].mutates || method === 'history.undo' || method === 'history.redo') bumpAfterFrame();
  return out;
}

/**
 * Views re-read after the next frame, not at once: the caller first paints what it just did (a
 * new coding's highlight must show within a frame), and the re-read renders don't delay that frame.
 */
function bumpAfterFrame(): void {
  if (typeof requestAnimationFrame === 'function' && typeof document !== 'undefined' && document.visibilityState === 'visible') {
    requestAnimationFrame(() => setTimeout(bump, 0));
  } else {
    setTimeout(bump, 0);
  }
}

export function bump(): void {
  version++;
  for (const l of listeners) l();
}

export const dataVersion = {
  get: () => version,
  subscribe(l: () => void) { listeners.add(l); return () => { listeners.delete(l); }; },
};
