import { useMemo } from 'react';
import type { Coding } from '../../../src/model/entities.ts';
import { useQuery } from './useQuery.ts';
import { useUi } from '../state/ui.tsx';
import { useProject } from '../state/project.tsx';
import { filterCodings, visibleCoders } from '../model/visibility.ts';

/** The open document's codings that the coder-visibility switch lets through. */
export function useVisibleCodings(documentId: number | null): { all: Coding[]; visible: Coding[]; underlined: Set<string>; loaded: boolean } {
  const { ui } = useUi();
  const { coders } = useProject();
  const q = useQuery('codings.list', documentId === null ? null : { documentId });
  return useMemo(() => {
    const all = q.data ?? [];
    const { shown, underlined } = visibleCoders(ui.visibility, ui.coder, coders);
    return { all, visible: filterCodings(all, shown), underlined, loaded: !!q.data };
  }, [q.data, ui.visibility, ui.coder, coders]);
}
