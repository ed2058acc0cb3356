import { contract, type Input, type MethodName, type Output } from '@api/contract.ts';
import { detectTransport, type ApiTransport } from './transport.ts';
import { backgroundMethods } from '@jobs/contract.ts';

/**
 * The renderer's one door to the API. Every successful mutating call bumps `dataVersion`, so
 * views re-read what they show: the database stays the only source of truth.
 */
let transport: ApiTransport | null = null;
let version = 0;
const listeners = new Set<() => void>();

let longCalls = 0;
const longListeners = new Set<() => void>();
const isLong = (m: string) => (backgroundMethods as readonly string[]).includes(m);
const setLong = (d: number) => {
  longCalls += d;
  for (const l of longListeners) l();
};

export async function call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
  transport ??= detectTransport();
  const long = isLong(method);
  if (long) setLong(1);
  let out: Output<M>;
  try {
    out = await transport.call(method, input);
  } finally {
    if (long) setLong(-1);
  }
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
  subscribe(l: () => void) {
    listeners.add(l);
    return () => {
      listeners.delete(l);
    };
  },
};

/** How many calls that may run as background jobs are awaited now (the status bar shows their progress). */
export const longCallsPending = {
  get: () => longCalls,
  subscribe(l: () => void) {
    longListeners.add(l);
    return () => {
      longListeners.delete(l);
    };
  },
};
