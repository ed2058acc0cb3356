import { useMemo, useState } from 'react';
import { useQuery } from '../../hooks/useQuery.ts';
import { useProject } from '../../state/project.tsx';
import { filterCodings } from '../../model/visibility.ts';
import { useShownCoders } from '../../hooks/useVisibleCodings.ts';
import { codeTree, flatten } from '../../model/codeTree.ts';
import { AttributeCharts } from './AttributeCharts.tsx';
import { CooccurrenceCharts } from './CooccurrenceCharts.tsx';

type Kind = 'attribute' | 'frequencies' | 'cooccurrence';
const KINDS: [Kind, string][] = [
  ['attribute', 'Codes by attribute'],
  ['frequencies', 'Frequencies by group'],
  ['cooccurrence', 'Co-occurrence'],
];

/** The analysis charts (d3), all over the codings shown (the coder switch in the top bar applies). */
export function AnalysisView() {
  const { codes } = useProject();
  const { shown } = useShownCoders();
  const all = useQuery('codings.list', {});
  const [kind, setKind] = useState<Kind>('attribute');
  const ordered = useMemo(() => flatten(codeTree(codes)).map((n) => n.code), [codes]);
  const codings = useMemo(() => filterCodings(all.data ?? [], shown), [all.data, shown]);
  return (
    <div className="table-view">
      <div className="segmented light chart-kinds" role="radiogroup" aria-label="Chart">
        {KINDS.map(([k, label]) => (
          <button key={k} role="radio" aria-checked={kind === k} className={kind === k ? 'on' : ''} onClick={() => setKind(k)}>
            {label}
          </button>
        ))}
      </div>
      {kind === 'cooccurrence' ? (
        <CooccurrenceCharts codes={ordered} codings={codings} />
      ) : (
        <AttributeCharts codes={ordered} codings={codings} bars={kind === 'frequencies'} />
      )}
    </div>
  );
}
