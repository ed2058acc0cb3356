import { useUi, type View } from '../state/ui.tsx';
import { VIEWS } from './TopBar.tsx';

/**
 * The views down the left edge, grouped by the work they serve, so a new view is one more row
 * (it joins its group here, or "More" until it has one), never a narrower top bar.
 */
const GROUPS: [string, View[]][] = [
  ['Project', ['home']],
  ['Code', ['transcript', 'quotes', 'documents']],
  ['Analyse', ['analysis', 'themes', 'map', 'reconcile']],
  ['Write up', ['anonymise']],
];

export function ViewRail() {
  const { ui, patch } = useUi();
  const grouped = new Set(GROUPS.flatMap(([, vs]) => vs));
  const more = VIEWS.filter(([v]) => !grouped.has(v)).map(([v]) => v);
  const groups = more.length ? [...GROUPS, ['More', more] as [string, View[]]] : GROUPS;
  return (
    <nav className="rail" aria-label="Views">
      {groups.map(([name, views]) => (
        <div key={name} className="rail-group" role="group" aria-labelledby={`rail-${name}`}>
          <div className="rail-heading" id={`rail-${name}`}>
            {name}
          </div>
          {views.map((v) => {
            const [, label, key] = VIEWS.find((x) => x[0] === v) ?? [v, v, ''];
            return (
              <button
                key={v}
                className={ui.view === v ? 'rail-tab active' : 'rail-tab'}
                aria-current={ui.view === v ? 'page' : undefined}
                aria-keyshortcuts={key || undefined}
                title={key ? `${label} (${key})` : label}
                onClick={() => patch({ view: v })}
              >
                {label}
              </button>
            );
          })}
        </div>
      ))}
    </nav>
  );
}
