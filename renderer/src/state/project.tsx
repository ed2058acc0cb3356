import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Code, Coder, DocumentSummary, Participant } from '@core/model/entities.ts';
import type { Output } from '@api/contract.ts';
import { useQuery } from '../hooks/useQuery.ts';

/** The project-wide lists most panels need, read once per change rather than once per panel. */
export interface ProjectData {
  info: Output<'project.info'> | undefined;
  documents: DocumentSummary[];
  codes: Code[];
  codesById: Map<number, Code>;
  coders: Coder[];
  participants: Participant[];
  /** Every participant attribute name (group, role…), sorted: the choices of the filters, charts and reports. */
  attributeKeys: string[];
  history: Output<'history.list'> | undefined;
  error: string | null;
  ready: boolean;
}

const Ctx = createContext<ProjectData | null>(null);

export function ProjectProvider({ children }: { children: ReactNode }) {
  const info = useQuery('project.info', {});
  const documents = useQuery('documents.list', {});
  const codes = useQuery('codes.list', {});
  const coders = useQuery('coders.list', {});
  const participants = useQuery('participants.list', {});
  const history = useQuery('history.list', { limit: 200 });
  const value = useMemo<ProjectData>(
    () => ({
      info: info.data,
      documents: documents.data ?? [],
      codes: codes.data ?? [],
      codesById: new Map((codes.data ?? []).map((c) => [c.id, c])),
      coders: coders.data ?? [],
      participants: participants.data ?? [],
      attributeKeys: [...new Set((participants.data ?? []).flatMap((p) => Object.keys(p.attributes)))].sort(),
      history: history.data,
      error: info.error ?? documents.error ?? codes.error,
      ready: !!(info.data && documents.data && codes.data && coders.data),
    }),
    [info.data, documents.data, codes.data, coders.data, participants.data, history.data, info.error, documents.error, codes.error],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useProject(): ProjectData {
  const v = useContext(Ctx);
  if (!v) throw new Error('useProject outside ProjectProvider');
  return v;
}
