import { useEffect, useMemo, useState } from 'react';
import type { Turn } from '@core/model/entities.ts';
import type { Output } from '@api/contract.ts';
import { call } from '../api/client.ts';
import { useQuery } from './useQuery.ts';
import { withTimes } from '../model/blocks.ts';

export type LoadedDocument = Output<'documents.get'>;

/**
 * Transcript text is immutable after import, so a document is fetched once per id, not after every
 * change. Its turns' times are not (sync points, and undo or redo of them): read them with
 * useTurns, which re-reads them after every change.
 */
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

export function useDocument(id: number | null): { doc: LoadedDocument | null; error: string | null } {
  const [state, setState] = useState<{ id: number | null; doc: LoadedDocument | null; error: string | null }>({
    id: null,
    doc: null,
    error: null,
  });
  useEffect(() => {
    if (id === null) return;
    let live = true;
    getDocument(id).then(
      (doc) => live && setState({ id, doc, error: null }),
      (e: Error) => live && setState({ id, doc: null, error: e.message }),
    );
    return () => {
      live = false;
    };
  }, [id]);
  return state.id === id ? { doc: state.doc, error: state.error } : { doc: null, error: null };
}

/** The document's turns with their current times (media.turnTimes, re-read after every change, undo and redo included). */
export function useTurns(doc: LoadedDocument | null | undefined): Turn[] {
  const { data: times } = useQuery('media.turnTimes', doc ? { documentId: doc.document.id } : null);
  return useMemo(() => (doc ? withTimes(doc.turns, times) : []), [doc, times]);
}
