import { useMemo } from 'react';
import type { Coding } from '@core/model/entities.ts';
import { useQuery } from './useQuery.ts';
import { useUi } from '../state/ui.tsx';
import { useProject } from '../state/project.tsx';
import { filterCodings, visibleCoders } from '../model/visibility.ts';

/** The coders the top-bar visibility switch shows (and those drawn as "the other coder"), kept stable between renders. */
export function useShownCoders(): { shown: Set<string>; underlined: Set<string> } {
  const { ui } = useUi();
  const { coders } = useProject();
  return useMemo(() => visibleCoders(ui.visibility, ui.coder, coders), [ui.visibility, ui.coder, coders]);
}

/** The open document's codings that the coder-visibility switch lets through. */
export function useVisibleCodings(documentId: number | null): {
  all: Coding[];
  visible: Coding[];
  underlined: Set<string>;
  loaded: boolean;
} {
  const { shown, underlined } = useShownCoders();
  const q = useQuery('codings.list', documentId === null ? null : { documentId });
  return useMemo(() => {
    const all = q.data ?? [];
    return { all, visible: filterCodings(all, shown), underlined, loaded: !!q.data };
  }, [q.data, shown, underlined]);
}
