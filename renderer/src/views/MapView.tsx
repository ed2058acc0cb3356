import { useMemo, useRef, useState, type PointerEvent } from 'react';
import { useQuery } from '../hooks/useQuery.ts';
import { call } from '../api/client.ts';
import { layoutMap, positionsOf, renderSvg, diffMaps } from '../../../src/map/index.ts';
import type { MapInput, MapLayoutKind, MapPalette } from '../../../src/map/index.ts';

type Positions = Record<string, { x: number; y: number }>;
const CURRENT = '';

/**
 * The thematic map, drawn by the same layout and SVG code the CLI exports with, so what is on
 * screen is the figure. Free layout: drag boxes, positions are saved on release. Versions: save a
 * named snapshot per phase, or compare two side by side with what changed.
 */
export function MapView() {
  const [layout, setLayout] = useState<MapLayoutKind>('radial');
  const [palette, setPalette] = useState<MapPalette>('colorblind');
  const [showCodes, setShowCodes] = useState(false);
  const [version, setVersion] = useState(CURRENT);
  const [compare, setCompare] = useState<string | null>(null);
  const [newName, setNewName] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const versions = useQuery('map.listVersions', {});
  const left = useMapSource(version);
  const right = useMapSource(compare);
  // "Compare with" an earlier version: the changes read from that version to the one shown.
  const diff = useMemo(() => (left.input && right.input ? diffMaps(right.input, left.input) : null), [left.input, right.input]);

  const save = async () => {
    if (!newName.trim()) return;
    try {
      await call('map.saveVersion', { name: newName.trim() });
      setMessage(`Saved version "${newName.trim()}"`);
      setNewName('');
    } catch (e) { setMessage((e as Error).message); }
  };

  const names = (versions.data ?? []).map((v) => v.name);
  return (
    <div className="map-view" style={{ display: 'flex', flexDirection: 'column', gap: 8, height: '100%' }}>
      <div className="view-header" style={{ flexWrap: 'wrap' }}>
        <h1>Thematic map</h1>
        <label className="inline-field small">Layout
          <select aria-label="Map layout" value={layout} onChange={(e) => setLayout(e.target.value as MapLayoutKind)}>
            <option value="radial">radial</option><option value="tree">hierarchical</option><option value="free">free (drag)</option>
          </select>
        </label>
        <label className="inline-field small">Colours
          <select aria-label="Map palette" value={palette} onChange={(e) => setPalette(e.target.value as MapPalette)}>
            <option value="colorblind">colour-blind safe</option><option value="greyscale">greyscale</option><option value="custom">theme colours</option>
          </select>
        </label>
        <label className="small"><input type="checkbox" checked={showCodes} onChange={(e) => setShowCodes(e.target.checked)} /> codes</label>
        <label className="inline-field small">Show
          <select aria-label="Map version" value={version} onChange={(e) => setVersion(e.target.value)}>
            <option value={CURRENT}>working map</option>
            {names.map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </label>
        <label className="inline-field small">Compare with
          <select aria-label="Compare with version" value={compare ?? '-'} onChange={(e) => setCompare(e.target.value === '-' ? null : e.target.value)}>
            <option value="-">nothing</option><option value={CURRENT}>working map</option>
            {names.map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </label>
        <span className="grow" />
        <input aria-label="Version name" placeholder="e.g. initial thematic map" value={newName} onChange={(e) => setNewName(e.target.value)}
          onKeyDown={(e) => { if (e.key === 'Enter') void save(); }} />
        <button onClick={() => void save()} disabled={!newName.trim()}>Save version</button>
      </div>
      {message && <div className="small muted" role="status">{message}</div>}
      {left.error && <div className="error">{left.error}</div>}
      <div style={{ display: 'flex', gap: 12, flex: 1, minHeight: 0 }}>
        <MapPane source={left} label={version || 'working map'} layout={layout} palette={palette} showCodes={showCodes} editable={version === CURRENT} />
        {compare !== null && <MapPane source={right} label={compare || 'working map'} layout={layout} palette={palette} showCodes={showCodes} editable={false} />}
      </div>
      {diff && <MapChanges diff={diff} names={new Map([...(left.input?.nodes ?? []), ...(right.input?.nodes ?? [])].map((n) => [n.id, n.label]))} />}
    </div>
  );
}

interface Source { input: MapInput | undefined; positions: Positions; error: string | null }

function useMapSource(version: string | null): Source {
  const current = useQuery('map.get', version === CURRENT ? { showCodes: true } : null);
  const saved = useQuery('map.getVersion', version ? { name: version } : null);
  const q = version === CURRENT ? current : saved;
  return { input: q.data?.input, positions: q.data?.positions ?? {}, error: q.error };
}

function MapPane(props: { source: Source; label: string; layout: MapLayoutKind; palette: MapPalette; showCodes: boolean; editable: boolean }) {
  const { source, layout, palette, showCodes, editable } = props;
  const [drag, setDrag] = useState<Positions>({});
  const start = useRef<{ id: string; x: number; y: number; base: { x: number; y: number } } | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const laid = useMemo(() => source.input && layoutMap(source.input, {
    layout, palette, showCodes, positions: { ...source.positions, ...drag },
  }), [source.input, source.positions, drag, layout, palette, showCodes]);
  const svg = useMemo(() => (laid ? renderSvg(laid, { embedFont: false }) : ''), [laid]);
  if (!source.input) return <div className="empty-state">Loading the map…</div>;
  if (!source.input.nodes.length) return <div className="empty-state">No themes yet: build them on the theme board and the map follows.</div>;

  // Screen pixels -> layout units via the SVG's own transform.
  const toLayout = (e: PointerEvent) => {
    const el = box.current?.querySelector('svg');
    const m = el?.getScreenCTM();
    if (!el || !m) return null;
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(m.inverse());
    return { x: p.x, y: p.y };
  };
  const free = editable && layout === 'free';
  const onDown = (e: PointerEvent<HTMLDivElement>) => {
    if (!free || !laid) return;
    const g = (e.target as Element).closest('g[data-id]');
    const at = toLayout(e);
    if (!g || !at) return;
    const id = g.getAttribute('data-id')!;
    start.current = { id, ...at, base: positionsOf(laid)[id] };
    (e.currentTarget as HTMLDivElement).setPointerCapture(e.pointerId);
  };
  const onMove = (e: PointerEvent<HTMLDivElement>) => {
    const s = start.current, at = s && toLayout(e);
    if (!s || !at) return;
    setDrag((d) => ({ ...d, [s.id]: { x: s.base.x + at.x - s.x, y: s.base.y + at.y - s.y } }));
  };
  const onUp = () => {
    if (!start.current || !laid) return;
    start.current = null;
    // Save every box, so the arrangement stays put even if the automatic layout changes later.
    void call('map.savePositions', { positions: positionsOf(laid) }).then(() => setDrag({}));
  };
  return (
    <figure style={{ flex: 1, minWidth: 0, margin: 0, display: 'flex', flexDirection: 'column' }}>
      <figcaption className="small muted">{props.label}{free ? ' · drag boxes to arrange' : ''}</figcaption>
      <div ref={box} className="map-canvas" data-testid="map-canvas" style={{ flex: 1, overflow: 'auto', cursor: free ? 'grab' : 'default', touchAction: 'none' }}
        onPointerDown={onDown} onPointerMove={onMove} onPointerUp={onUp}
        dangerouslySetInnerHTML={{ __html: svg.replace(/ width="[\d.]+pt" height="[\d.]+pt"/, ' width="100%"') }} />
    </figure>
  );
}

function MapChanges({ diff, names }: { diff: ReturnType<typeof diffMaps>; names: Map<string, string> }) {
  const name = (id: string | null) => (id === null ? 'the top level' : `"${names.get(id) ?? id}"`);
  const rows: string[] = [
    ...diff.added.map((n) => `added ${n.kind} "${n.label}"`),
    ...diff.removed.map((n) => `removed ${n.kind} "${n.label}"`),
    ...diff.renamed.map((r) => `renamed ${r.kind} "${r.from}" → "${r.to}"`),
    ...diff.moved.map((m) => `moved ${m.kind} ${name(m.id)} from ${name(m.fromParent)} to ${name(m.toParent)}`),
    ...diff.linksAdded.map(() => 'added a link'), ...diff.linksRemoved.map(() => 'removed a link'),
  ];
  return (
    <section className="map-changes small" aria-label="What changed">
      <strong>What changed</strong>{rows.length ? <ul>{rows.map((r, k) => <li key={k}>{r}</li>)}</ul> : <p className="muted">Nothing: the two maps have the same themes and codes.</p>}
    </section>
  );
}
