import { useUi, type RightTab } from '../state/ui.tsx';
import { useDocument } from '../hooks/useDocument.ts';
import { useVisibleCodings } from '../hooks/useVisibleCodings.ts';
import { SelectionCard } from '../features/codes/SelectionCard.tsx';
import { CodingCard } from '../features/codes/CodingCard.tsx';
import { CodeDetails } from '../features/codes/CodeDetails.tsx';
import { HistoryPanel } from '../features/history/HistoryPanel.tsx';

const TABS: [RightTab, string][] = [
  ['coding', 'Coding'],
  ['code', 'Code'],
  ['history', 'History'],
];

export function RightPanel() {
  const { ui, patch } = useUi();
  const { doc } = useDocument(ui.documentId);
  const { all, visible } = useVisibleCodings(ui.documentId);
  const active = all.filter((c) => ui.activeCodingIds.includes(c.id));
  return (
    <aside className="right-panel" id="coding-panel" aria-label="Coding panel">
      <nav className="panel-tabs">
        {TABS.map(([t, label]) => (
          <button key={t} className={ui.rightTab === t ? 'on' : ''} onClick={() => patch({ rightTab: t })}>
            {label}
          </button>
        ))}
      </nav>
      <div className="panel-body" tabIndex={0} role="region" aria-label={TABS.find(([t]) => t === ui.rightTab)?.[1]}>
        {ui.rightTab === 'coding' && (
          <>
            <SelectionCard visible={visible} />
            {active.length > 0 && doc && (
              <section className="codings-here" aria-label="Codings here">
                <h3 className="section-title">
                  Codings here <span className="count">{active.length}</span>
                </h3>
                {active.map((c) => (
                  <CodingCard key={c.id} coding={c} text={doc.text} />
                ))}
              </section>
            )}
          </>
        )}
        {ui.rightTab === 'code' && <CodeDetails />}
        {ui.rightTab === 'history' && <HistoryPanel />}
      </div>
    </aside>
  );
}
