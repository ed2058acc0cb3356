import { useRef, useState, type KeyboardEvent } from 'react';
import { useQuery } from '../../hooks/useQuery.ts';
import { call } from '../../api/client.ts';
import { DEFAULT_FONT_FAMILY, DEFAULT_FONT_SIZE, EMBEDDED_FONT_FAMILIES, type FigureSettings } from '@core/map/index.ts';

const OTHER = '__other__';
const MIN_SIZE = 4,
  MAX_SIZE = 40;

export interface Figure {
  /** What the map shows now: saved settings with any edit in progress on top (a live preview). */
  shown: FigureSettings;
  saved: FigureSettings;
  edit(change: Partial<Record<keyof FigureSettings, string>>): void;
  draft: Partial<Record<keyof FigureSettings, string>>;
  /** Saves the field being edited with the project (one undoable step), or drops an invalid edit. */
  commit(field: keyof FigureSettings): Promise<void>;
  save(change: Partial<FigureSettings>): Promise<void>;
  error: string | null;
}

const DEFAULTS: FigureSettings = { fontFamily: DEFAULT_FONT_FAMILY, fontSize: DEFAULT_FONT_SIZE, title: '' };

function parsed(field: keyof FigureSettings, raw: string): string | number | null {
  if (field === 'fontSize') {
    const v = Number(raw);
    return raw.trim() !== '' && Number.isFinite(v) && v >= MIN_SIZE && v <= MAX_SIZE ? v : null;
  }
  if (field === 'fontFamily') return raw.trim() && !/['"<>;{}]/.test(raw) ? raw.trim() : null;
  return raw.trim();
}

/**
 * The figure's font family, size and title: read from the project (they are the published
 * figure's, shared by both coders), previewed while typing, saved on Enter, blur or choice.
 */
export function useFigure(): Figure {
  const q = useQuery('map.getFigureSettings', {});
  const saved = q.data ?? DEFAULTS;
  const [draft, setDraft] = useState<Partial<Record<keyof FigureSettings, string>>>({});
  const [error, setError] = useState<string | null>(null);
  // Enter saves and the blur that follows must not save the same edit again (one undo step per edit).
  const sending = useRef<Partial<Record<keyof FigureSettings, string>>>({});
  const shown = { ...saved };
  for (const [k, raw] of Object.entries(draft) as [keyof FigureSettings, string][]) {
    const v = parsed(k, raw);
    if (v !== null) (shown as Record<string, unknown>)[k] = v;
  }
  const commit = async (field: keyof FigureSettings) => {
    const raw = draft[field];
    if (raw === undefined || sending.current[field] === raw) return;
    sending.current[field] = raw;
    const v = parsed(field, raw);
    try {
      if (v === null)
        setError(field === 'fontSize' ? `font size must be ${MIN_SIZE} to ${MAX_SIZE} pt` : 'a font family name, without quotes');
      else if (v !== saved[field]) {
        await call('map.saveFigureSettings', { [field]: v });
        setError(null);
      } else setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
    setDraft(({ [field]: _, ...rest }) => rest);
    delete sending.current[field];
  };
  const save = async (change: Partial<FigureSettings>) => {
    try {
      await call('map.saveFigureSettings', change);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
    setDraft((d) => Object.fromEntries(Object.entries(d).filter(([k]) => !(k in change))));
  };
  return { shown, saved, draft, edit: (c) => setDraft((d) => ({ ...d, ...c })), commit, save, error };
}

/** Controls for the figure's typography and title; the same settings drive the screen and every export. */
export function FigureSettingsBar({ figure }: { figure: Figure }) {
  const { shown, draft, edit, commit, error } = figure;
  const embedded = (EMBEDDED_FONT_FAMILIES as readonly string[]).includes(shown.fontFamily);
  const [other, setOther] = useState(false);
  const showOther = other || !embedded;
  const keys = (field: keyof FigureSettings) => (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') void commit(field);
  };
  const pickFamily = (v: string) => {
    if (v === OTHER) {
      setOther(true);
      return;
    }
    setOther(false);
    void figure.save({ fontFamily: v });
  };
  return (
    <div
      className="map-figure small"
      role="group"
      aria-label="Figure typography"
      style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}
    >
      <strong>Figure</strong>
      <label className="inline-field small">
        Font
        <select aria-label="Map font family" value={showOther ? OTHER : shown.fontFamily} onChange={(e) => pickFamily(e.target.value)}>
          {EMBEDDED_FONT_FAMILIES.map((f) => (
            <option key={f} value={f}>
              {f} (embedded)
            </option>
          ))}
          <option value={OTHER}>other (named in SVG only)…</option>
        </select>
      </label>
      {showOther && (
        <input
          aria-label="Other font family"
          style={{ width: '11em' }}
          placeholder="e.g. Arial"
          value={draft.fontFamily ?? (embedded ? '' : shown.fontFamily)}
          title="The SVG names this family first; PNG and PDF embed IBM Plex Sans, and labels wrap by its widths"
          onChange={(e) => edit({ fontFamily: e.target.value })}
          onBlur={() => void commit('fontFamily')}
          onKeyDown={keys('fontFamily')}
        />
      )}
      <label className="inline-field small">
        Size
        <input
          aria-label="Map font size"
          type="number"
          min={MIN_SIZE}
          max={MAX_SIZE}
          step={0.5}
          style={{ width: '4.5em' }}
          value={draft.fontSize ?? String(shown.fontSize)}
          onChange={(e) => edit({ fontSize: e.target.value })}
          onBlur={() => void commit('fontSize')}
          onKeyDown={keys('fontSize')}
        />{' '}
        pt
      </label>
      <label className="inline-field small">
        Title
        <input
          aria-label="Figure title"
          placeholder="e.g. Figure 1. Thematic map"
          style={{ width: '18em' }}
          value={draft.title ?? shown.title}
          onChange={(e) => edit({ title: e.target.value })}
          onBlur={() => void commit('title')}
          onKeyDown={keys('title')}
        />
      </label>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
