import { useEffect, useState } from 'react';
import type { Output } from '../../../src/api/contract.ts';
import { call } from '../api/client.ts';

export type LoadedDocument = Output<'documents.get'>;

/** Transcript text is immutable after import, so a document is fetched once per id, not after every change. */
const cache = new Map<number, Promise<LoadedDocument>>();

export function getDocument(id: number): Promise<LoadedDocument> {
  let p = cache.get(id);
  if (!p) {
    p = call('documents.get', { id });
    p.catch(() => cache.delete(id));
    cache.set(id, p);
  }
  return p;
}

/** Drops a document from the cache after its turns changed (turn times set from sync points); it is fetched again. */
export function forgetDocument(id: number): void {
  cache.delete(id);
  for (const l of forgotten) l(id);
}
const forgotten = new Set<(id: number) => void>();

export function useDocument(id: number | null): { doc: LoadedDocument | null; error: string | null } {
  const [state, setState] = useState<{ id: number | null; doc: LoadedDocument | null; error: string | null }>({ id: null, doc: null, error: null });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    const l = (forgot: number) => { if (forgot === id) setGeneration((g) => g + 1); };
    forgotten.add(l);
    return () => { forgotten.delete(l); };
  }, [id]);
  useEffect(() => {
    if (id === null) return;
    let live = true;
    getDocument(id).then((doc) => live && setState({ id, doc, error: null }), (e: Error) => live && setState({ id, doc: null, error: e.message }));
    return () => { live = false; };
  }, [id, generation]);
  return state.id === id ? { doc: state.doc, error: state.error } : { doc: null, error: null };
}
