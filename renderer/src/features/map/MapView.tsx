import { useEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import { useQuery } from '../../hooks/useQuery.ts';
import { call } from '../../api/client.ts';
import { layoutMap, positionsOf, diffMaps } from '@core/map/index.ts';
import { renderSvgWith } from '@core/map/svg-render.ts';
import type { FigureSettings, MapInput, MapLayoutKind, MapPalette } from '@core/map/index.ts';
import { FigureSettingsBar, useFigure } from './FigureSettingsBar.tsx';
import { LinkList, NewLinkForm } from './links.tsx';
import { downloadBase64 } from '../../lib/download.ts';
import { useMapZoom, ZoomControls } from './zoom.tsx';
import '../../styles/views.css';

type Positions = Record<string, { x: number; y: number }>;
const CURRENT = '';

/**
 * The thematic map, drawn by the same layout and SVG code the CLI exports with, so what is on
 * screen is the figure. Free layout: drag boxes, positions are saved on release. Versions: save a
 * named snapshot per phase, or compare two side by side with what changed. Link mode: click a theme,
 * then another, and name the link. Font, size and title are the figure's, saved with the project.
 */
export function MapView() {
  const [layout, setLayout] = useState<MapLayoutKind>('radial');
  const [palette, setPalette] = useState<MapPalette>('colorblind');
  const [showCodes, setShowCodes] = useState(false);
  const [version, setVersion] = useState(CURRENT);
  const [compare, setCompare] = useState<string | null>(null);
  const [newName, setNewName] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [linkMode, setLinkMode] = useState(false);
  const [picks, setPicks] = useState<string[]>([]);
  const figure = useFigure();
  const themeList = useQuery('themes.list', {});
  const themes = themeList.data?.themes ?? [];
  const byGuid = new Map(themes.map((t) => [t.guid, t]));
  const run = (p: Promise<unknown>) => {
    p.then(
      () => setMessage(null),
      (e: Error) => setMessage(e.message),
    );
  };
  const pick = (id: string) => {
    if (!byGuid.has(id)) return; // codes are not linked, themes are
    setPicks((p) => (p.length === 0 || p.length === 2 ? [id] : p[0] === id ? [] : [p[0], id]));
  };
  const toggleLinkMode = () => {
    setLinkMode(!linkMode);
    setPicks([]);
  };
  useEffect(() => {
    if (!linkMode) return;
    const esc = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setPicks([]);
    };
    window.addEventListener('keydown', esc);
    return () => window.removeEventListener('keydown', esc);
  }, [linkMode]);
  const working = version === CURRENT;
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
    } catch (e) {
      setMessage((e as Error).message);
    }
  };

  const names = (versions.data ?? []).map((v) => v.name);
  return (
    <div className="map-view" style={{ display: 'flex', flexDirection: 'column', gap: 8, height: '100%' }}>
      <div className="view-header" style={{ flexWrap: 'wrap' }}>
        <h1>Thematic map</h1>
        <label className="inline-field small">
          Layout
          <select aria-label="Map layout" value={layout} onChange={(e) => setLayout(e.target.value as MapLayoutKind)}>
            <option value="radial">radial</option>
            <option value="tree">hierarchical</option>
            <option value="free">free (drag)</option>
          </select>
        </label>
        <label className="inline-field small">
          Colours
          <select aria-label="Map palette" value={palette} onChange={(e) => setPalette(e.target.value as MapPalette)}>
            <option value="colorblind">colour-blind safe</option>
            <option value="greyscale">greyscale</option>
            <option value="custom">theme colours</option>
          </select>
        </label>
        <label className="small">
          <input type="checkbox" checked={showCodes} onChange={(e) => setShowCodes(e.target.checked)} /> codes
        </label>
        <label className="inline-field small">
          Show
          <select aria-label="Map version" value={version} onChange={(e) => setVersion(e.target.value)}>
            <option value={CURRENT}>working map</option>
            {names.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field small">
          Compare with
          <select
            aria-label="Compare with version"
            value={compare ?? '-'}
            onChange={(e) => setCompare(e.target.value === '-' ? null : e.target.value)}
          >
            <option value="-">nothing</option>
            <option value={CURRENT}>working map</option>
            {names.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <span className="grow" />
        <input
          aria-label="Version name"
          placeholder="e.g. initial thematic map"
          value={newName}
          onChange={(e) => setNewName(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void save();
          }}
        />
        <button onClick={() => void save()} disabled={!newName.trim()}>
          Save version
        </button>
      </div>
      <style>{'.map-canvas g.link-pick > rect { stroke: #d55e00; stroke-width: 3px; }'}</style>
      <div className="map-tools">
        <FigureSettingsBar figure={figure} />
        <MapExport layout={layout} palette={palette} showCodes={showCodes} version={version} figure={figure.shown} onDone={setMessage} />
        <div className="map-link-bar small" style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
          <button
            aria-pressed={linkMode}
            onClick={toggleLinkMode}
            disabled={!working}
            title={working ? undefined : 'links are added on the working map'}
          >
            {linkMode ? 'Done linking' : 'Link themes'}
          </button>
          {linkMode && picks.length === 0 && (
            <span role="status" className="muted">
              Click the theme the link starts from.
            </span>
          )}
          {linkMode && picks.length === 1 && (
            <span role="status" className="muted">
              Now click the theme it goes to (Esc to start again).
            </span>
          )}
          {linkMode && picks.length === 2 && byGuid.get(picks[0]) && byGuid.get(picks[1]) && (
            <NewLinkForm
              key={picks.join()}
              from={byGuid.get(picks[0])!}
              to={byGuid.get(picks[1])!}
              run={run}
              onClose={() => setPicks([])}
            />
          )}
        </div>
      </div>
      {message && (
        <div className="small muted" role="status">
          {message}
        </div>
      )}
      {left.error && <div className="error">{left.error}</div>}
      <div style={{ display: 'flex', gap: 12, flex: 1, minHeight: 0 }}>
        <MapPane
          source={left}
          label={version || 'working map'}
          layout={layout}
          palette={palette}
          showCodes={showCodes}
          editable={working}
          figure={figure.shown}
          linking={linkMode && working ? { picked: picks, pick } : null}
        />
        {compare !== null && (
          <MapPane
            source={right}
            label={compare || 'working map'}
            layout={layout}
            palette={palette}
            showCodes={showCodes}
            editable={false}
            figure={figure.shown}
            linking={null}
          />
        )}
      </div>
      {working && themeList.data && <LinkList themes={themes} links={themeList.data.links} run={run} />}
      {diff && (
        <MapChanges
          diff={diff}
          names={new Map([...(left.input?.nodes ?? []), ...(right.input?.nodes ?? [])].map((n) => [n.id, n.label]))}
        />
      )}
    </div>
  );
}

interface Source {
  input: MapInput | undefined;
  positions: Positions;
  error: string | null;
}

function useMapSource(version: string | null): Source {
  const current = useQuery('map.get', version === CURRENT ? { showCodes: true } : null);
  const saved = useQuery('map.getVersion', version ? { name: version } : null);
  const q = version === CURRENT ? current : saved;
  return { input: q.data?.input, positions: q.data?.positions ?? {}, error: q.error };
}

interface Linking {
  picked: string[];
  pick: (id: string) => void;
}

function MapPane(props: {
  source: Source;
  label: string;
  layout: MapLayoutKind;
  palette: MapPalette;
  showCodes: boolean;
  editable: boolean;
  figure: FigureSettings;
  linking: Linking | null;
}) {
  const { source, layout, palette, showCodes, editable, figure, linking } = props;
  const [drag, setDrag] = useState<Positions>({});
  const start = useRef<{ id: string; x: number; y: number; base: { x: number; y: number } } | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const laid = useMemo(
    () =>
      source.input &&
      layoutMap(source.input, {
        layout,
        palette,
        showCodes,
        positions: { ...source.positions, ...drag },
        fontSize: figure.fontSize,
        title: figure.title || undefined,
      }),
    [source.input, source.positions, drag, layout, palette, showCodes, figure.fontSize, figure.title],
  );
  const svg = useMemo(
    () => (laid ? renderSvgWith(laid, { embedFont: false, fontFamily: figure.fontFamily }, null) : ''),
    [laid, figure.fontFamily],
  );
  const zoom = useMapZoom(svg, box);
  const html = useMemo(() => zoom.apply(svg), [zoom, svg]);
  const picked = linking?.picked.join('\n') ?? '';
  // The themes picked for a new link are outlined (the SVG markup itself stays the exported figure's).
  useEffect(() => {
    const root = box.current;
    if (!root) return;
    root.querySelectorAll('g.link-pick').forEach((g) => g.classList.remove('link-pick'));
    for (const id of picked ? picked.split('\n') : []) root.querySelector(`g[data-id="${CSS.escape(id)}"]`)?.classList.add('link-pick');
  }, [html, picked]);
  if (!source.input) return <div className="empty-state">Loading the map…</div>;
  if (!source.input.nodes.length)
    return <div className="empty-state">No themes yet: build them on the theme board and the map follows.</div>;

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
    if (linking) {
      const g = (e.target as Element).closest('g[data-id]');
      if (g && !g.classList.contains('map-code')) linking.pick(g.getAttribute('data-id')!);
      return;
    }
    const g = (e.target as Element).closest('g[data-id]');
    if (!free || !laid || !g) {
      zoom.startPan(e);
      return;
    }
    const at = toLayout(e);
    if (!at) return;
    const id = g.getAttribute('data-id')!;
    start.current = { id, ...at, base: positionsOf(laid)[id] };
    (e.currentTarget as HTMLDivElement).setPointerCapture(e.pointerId);
  };
  const onMove = (e: PointerEvent<HTMLDivElement>) => {
    if (zoom.pan(e)) return;
    const s = start.current,
      at = s && toLayout(e);
    if (!s || !at) return;
    setDrag((d) => ({ ...d, [s.id]: { x: s.base.x + at.x - s.x, y: s.base.y + at.y - s.y } }));
  };
  const onUp = () => {
    zoom.endPan();
    if (!start.current || !laid) return;
    start.current = null;
    // Save every box, so the arrangement stays put even if the automatic layout changes later.
    void call('map.savePositions', { positions: positionsOf(laid) }).then(() => setDrag({}));
  };
  return (
    <figure style={{ flex: 1, minWidth: 0, margin: 0, display: 'flex', flexDirection: 'column' }}>
      <figcaption className="small muted map-caption">
        <span className="grow">
          {props.label}
          {linking ? ' · click two themes to link them' : free ? ' · drag boxes to arrange' : ' · drag to pan, wheel to zoom'}
        </span>
        <ZoomControls zoom={zoom} />
      </figcaption>
      <div
        ref={box}
        className="map-canvas"
        data-testid="map-canvas"
        tabIndex={0}
        role="group"
        aria-label={`Map: ${props.label}. Arrow keys pan, + and - zoom, F fits.`}
        style={{ cursor: linking ? 'crosshair' : free ? 'grab' : 'move', touchAction: 'none' }}
        onPointerDown={onDown}
        onPointerMove={onMove}
        onPointerUp={onUp}
        onWheel={zoom.wheel}
        onKeyDown={zoom.key}
        dangerouslySetInnerHTML={{ __html: html }}
      />
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
    ...diff.linksAdded.map(() => 'added a link'),
    ...diff.linksRemoved.map(() => 'removed a link'),
  ];
  return (
    <section className="map-changes small" aria-label="What changed">
      <strong>What changed</strong>
      {rows.length ? (
        <ul>
          {rows.map((r, k) => (
            <li key={k}>{r}</li>
          ))}
        </ul>
      ) : (
        <p className="muted">Nothing: the two maps have the same themes and codes.</p>
      )}
    </section>
  );
}

type FigureFormat = 'svg' | 'png' | 'pdf';
/** Journal column widths: 84 mm single column, 174 mm double column. */
const WIDTHS = [
  ['84', 'single column (84 mm)'],
  ['174', 'double column (174 mm)'],
  ['custom', 'custom'],
] as const;

/**
 * The figure for the paper: drawn in Node by the code `thematic map` uses (fonts embedded, PNG at
 * the requested dpi), with the view's layout, colours, codes, version, font, size and title, so it is
 * what is on screen.
 */
function MapExport(props: {
  layout: MapLayoutKind;
  palette: MapPalette;
  showCodes: boolean;
  version: string;
  figure: FigureSettings;
  onDone: (m: string) => void;
}) {
  const [format, setFormat] = useState<FigureFormat>('png');
  const [width, setWidth] = useState<string>('174');
  const [customMm, setCustomMm] = useState('120');
  const [dpi, setDpi] = useState(300);
  const [busy, setBusy] = useState(false);
  const widthMm = Number(width === 'custom' ? customMm : width);
  const valid = Number.isFinite(widthMm) && widthMm >= 20 && widthMm <= 1000;
  const run = async () => {
    setBusy(true);
    try {
      const r = await call('map.export', {
        format,
        widthMm,
        dpi,
        layout: props.layout,
        palette: props.palette,
        showCodes: props.showCodes,
        version: props.version || undefined,
        fontSize: props.figure.fontSize,
        fontFamily: props.figure.fontFamily,
        title: props.figure.title || undefined,
      });
      downloadBase64(r.fileName, r.mimeType, r.base64);
      props.onDone(`Exported ${r.fileName}`);
    } catch (e) {
      props.onDone((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div
      className="map-export small"
      role="group"
      aria-label="Export the map"
      style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}
    >
      <strong>Export figure</strong>
      <select aria-label="Export format" value={format} onChange={(e) => setFormat(e.target.value as FigureFormat)}>
        <option value="svg">SVG (editable vector)</option>
        <option value="png">PNG (image)</option>
        <option value="pdf">PDF (vector)</option>
      </select>
      <select aria-label="Export width" value={width} onChange={(e) => setWidth(e.target.value)}>
        {WIDTHS.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
      {width === 'custom' && (
        <label className="inline-field small">
          mm
          <input
            aria-label="Custom width in mm"
            type="number"
            min={20}
            max={1000}
            style={{ width: '5em' }}
            value={customMm}
            onChange={(e) => setCustomMm(e.target.value)}
          />
        </label>
      )}
      <select
        aria-label="Export resolution"
        value={dpi}
        disabled={format !== 'png'}
        title={format === 'png' ? undefined : 'vector formats have no resolution'}
        onChange={(e) => setDpi(Number(e.target.value))}
      >
        <option value={150}>150 dpi (preview)</option>
        <option value={300}>300 dpi</option>
        <option value={600}>600 dpi</option>
        <option value={1200}>1200 dpi (line art)</option>
      </select>
      <button onClick={() => void run()} disabled={busy || !valid}>
        {busy ? 'Exporting…' : 'Export'}
      </button>
      {!valid && <span className="error">width must be 20 to 1000 mm</span>}
    </div>
  );
}
