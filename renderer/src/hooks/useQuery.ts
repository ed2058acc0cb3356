import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Input, MethodName, Output } from '@api/contract.ts';
import { call, dataVersion } from '../api/client.ts';

export function useDataVersion(): number {
  return useSyncExternalStore(dataVersion.subscribe, dataVersion.get);
}

export interface Query<T> {
  data: T | undefined;
  error: string | null;
  loading: boolean;
}

/**
 * Reads in flight, by method, input and data version: panels showing the same data (the transcript
 * and the right panel both show the open document's codings) share one request instead of each
 * sending its own after every change.
 */
const inFlight = new Map<string, Promise<unknown>>();

function read<M extends MethodName>(method: M, key: string, version: number): Promise<Output<M>> {
  const id = `${version} ${method} ${key}`;
  let p = inFlight.get(id) as Promise<Output<M>> | undefined;
  if (!p) {
    p = call(method, JSON.parse(key) as Input<M>);
    inFlight.set(id, p);
    const done = () => {
      inFlight.delete(id);
    };
    p.then(done, done);
  }
  return p;
}

/** Reads one API method; re-reads when its input changes or after any mutation. Keeps the last data while reloading (no flicker). */
export function useQuery<M extends MethodName>(method: M, input: Input<M> | null): Query<Output<M>> {
  const v = useDataVersion();
  const key = input === null ? null : JSON.stringify(input);
  const [state, setState] = useState<Query<Output<M>> & { key: string | null }>({ data: undefined, error: null, loading: true, key: null });
  useEffect(() => {
    if (key === null) {
      setState({ data: undefined, error: null, loading: false, key });
      return;
    }
    let live = true;
    setState((s) => ({ ...s, loading: true, data: s.key === key ? s.data : undefined, key }));
    read(method, key, v).then(
      (data) => {
        if (live) setState({ data, error: null, loading: false, key });
      },
      (e: Error) => {
        if (live) setState({ data: undefined, error: e.message, loading: false, key });
      },
    );
    return () => {
      live = false;
    };
  }, [method, key, v]);
  return { data: state.key === key ? state.data : undefined, error: state.error, loading: state.loading };
}
