import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
  type RefObject,
  type WheelEvent,
} from 'react';

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
export interface MapZoom {
  /** 1 when the whole map fits the canvas. */
  level: number;
  /** The SVG markup sized to the canvas, showing the zoomed region. */
  apply(svg: string): string;
  fit(): void;
  zoomBy(f: number): void;
  wheel(e: WheelEvent): void;
  key(e: KeyboardEvent): void;
  startPan(e: PointerEvent): void;
  pan(e: PointerEvent): boolean;
  endPan(): void;
}

const MIN = 0.5,
  MAX = 8;
const typing = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

/**
 * Zoom and pan for the map canvas by changing the SVG's viewBox (the figure itself is unchanged):
 * the map fits the canvas at first and on F; the wheel zooms about the pointer; dragging the
 * background (or the arrow keys on the focused canvas) pans; + and - zoom about the centre.
 */
export function useMapZoom(svg: string, canvas: RefObject<HTMLDivElement | null>): MapZoom {
  const base = useMemo<Box | null>(() => {
    const m = /viewBox="([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+)"/.exec(svg);
    return m ? { x: Number(m[1]), y: Number(m[2]), w: Number(m[3]), h: Number(m[4]) } : null;
  }, [svg]);
  const [view, setView] = useState<Box | null>(null);
  const drag = useRef<{ x: number; y: number; moved: boolean } | null>(null);
  const shown = view ?? base;

  /** Layout units per screen pixel, and a screen point in layout units. */
  const geometry = useCallback(() => {
    const el = canvas.current?.querySelector('svg');
    const m = el?.getScreenCTM();
    return el && m ? { scale: m.a, toLayout: (cx: number, cy: number) => new DOMPoint(cx, cy).matrixTransform(m.inverse()) } : null;
  }, [canvas]);

  const zoomAt = useCallback(
    (f: number, px?: number, py?: number) => {
      if (!base || !shown) return;
      const level = base.w / shown.w;
      const next = Math.min(MAX, Math.max(MIN, level * f));
      const k = next / level;
      if (Math.abs(next - 1) < 1e-3) {
        setView(null);
        return;
      }
      const cx = px ?? shown.x + shown.w / 2,
        cy = py ?? shown.y + shown.h / 2;
      setView({ x: cx - (cx - shown.x) / k, y: cy - (cy - shown.y) / k, w: shown.w / k, h: shown.h / k });
    },
    [base, shown],
  );

  const panBy = useCallback(
    (dx: number, dy: number) => {
      setView((v) => {
        const from = v ?? base;
        return from && { ...from, x: from.x + dx, y: from.y + dy };
      });
    },
    [base],
  );

  // F fits, + and - zoom, anywhere in the map view (not while typing in a field).
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target) || document.querySelector('.modal')) return;
      if (e.key === 'f' || e.key === 'F') {
        e.preventDefault();
        setView(null);
      } else if (e.key === '+' || e.key === '=') {
        e.preventDefault();
        zoomAt(1.25);
      } else if (e.key === '-') {
        e.preventDefault();
        zoomAt(0.8);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [zoomAt]);

  return useMemo<MapZoom>(
    () => ({
      level: base && shown ? base.w / shown.w : 1,
      apply: (markup) => {
        const sized = markup.replace(/ width="[\d.]+pt" height="[\d.]+pt"/, '');
        return view ? sized.replace(/viewBox="[^"]*"/, `viewBox="${view.x} ${view.y} ${view.w} ${view.h}"`) : sized;
      },
      fit: () => setView(null),
      zoomBy: (f) => zoomAt(f),
      wheel: (e) => {
        const g = geometry();
        const p = g?.toLayout(e.clientX, e.clientY);
        zoomAt(Math.exp(-e.deltaY * 0.0015), p?.x, p?.y);
      },
      key: (e) => {
        const g = geometry();
        const step = 60 / (g?.scale ?? 1);
        const d = (
          { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] } as Record<string, [number, number]>
        )[e.key];
        if (d) {
          e.preventDefault();
          panBy(d[0], d[1]);
        }
      },
      startPan: (e) => {
        drag.current = { x: e.clientX, y: e.clientY, moved: false };
        (e.currentTarget as HTMLElement).setPointerCapture?.(e.pointerId);
      },
      pan: (e) => {
        const d = drag.current;
        if (!d) return false;
        const g = geometry();
        if (g && (e.clientX !== d.x || e.clientY !== d.y)) {
          panBy((d.x - e.clientX) / g.scale, (d.y - e.clientY) / g.scale);
          d.x = e.clientX;
          d.y = e.clientY;
          d.moved = true;
        }
        return true;
      },
      endPan: () => {
        drag.current = null;
      },
    }),
    [base, shown, view, zoomAt, panBy, geometry],
  );
}

export function ZoomControls({ zoom }: { zoom: MapZoom }) {
  return (
    <span className="map-zoom" role="group" aria-label="Zoom">
      <button className="mini-btn" onClick={() => zoom.zoomBy(0.8)} aria-label="Zoom out" title="Zoom out (-)">
        −
      </button>
      <span className="zoom-level" aria-live="polite">
        {Math.round(zoom.level * 100)}%
      </span>
      <button className="mini-btn" onClick={() => zoom.zoomBy(1.25)} aria-label="Zoom in" title="Zoom in (+)">
        +
      </button>
      <button className="mini-btn" onClick={zoom.fit} aria-keyshortcuts="F" title="Fit the map to the window (F)">
        Fit
      </button>
    </span>
  );
}
