import { contract, type Input, type MethodName, type Output } from '../../../src/api/contract.ts';
import { detectTransport, type ApiTransport } from './transport.ts';

/**
 * The renderer's one door to the API. Every successful mutating call bumps `dataVersion`, so
 * views re-read what they show: the database stays the only source of truth.
 */
let transport: ApiTransport | null = null;
let version = 0;
const listeners = new Set<() => void>();

export async function call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
  transport ??= detectTransport();
  const out = await transport.call(method, input);
  // Views re-read after the next frame, not at once: the caller first paints what it just did (a
  // new coding's highlight must show within a frame), and the re-read renders don't delay that frame.
  if (contract[method].mutates || method === 'history.undo' || method === 'history.redo') afterFrame(bump);
  return out;
}

/** Runs fn once the frame showing what was just painted is on screen (a hidden page gets no frames, so then at once). */
export function afterFrame(fn: () => void): void {
  if (typeof requestAnimationFrame === 'function' && typeof document !== 'undefined' && document.visibilityState === 'visible') {
    requestAnimationFrame(() => setTimeout(fn, 0));
  } else {
    setTimeout(fn, 0);
  }
}

function bump(): void {
  version++;
  for (const l of listeners) l();
}

export const dataVersion = {
  get: () => version,
  subscribe(l: () => void) { listeners.add(l); return () => { listeners.delete(l); }; },
};
