import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import type { Turn } from '@core/model/entities.ts';
import { call } from '../../api/client.ts';
import { readBase64 } from '../../lib/download.ts';
import { useQuery } from '../../hooks/useQuery.ts';
import { attachProblem, mediaUrl, WAVEFORM_MAX_BYTES, WAVEFORM_MAX_SECONDS } from '../media/mediaUrl.ts';
import { formatMark, formatTime } from '../../model/blocks.ts';
import './player.css';

const SPEEDS = [0.5, 0.75, 1, 1.25, 1.5, 2];
const STEP = 5;

interface Props {
  documentId: number;
  turns: Turn[];
  /** The transcript's paragraphs (data-start = the turn's start offset), once loaded. */
  paragraphs: HTMLElement[];
  scroller: RefObject<HTMLDivElement | null>;
  /** Bumps when the transcript's layout may have changed. */
  layoutKey: number;
}

/**
 * The recording docked at the transcript: play/pause, ±5 s, replay the last 5 s, speed, a time bar
 * (with a waveform for small files), the turn being spoken marked and followed, a ▶ at each timed
 * turn to play from there, and sync points for untimed transcripts. The recording is only loaded
 * as far as its metadata when a document opens; nothing is decoded until it is played.
 */
export function MediaPlayer({ documentId, turns, paragraphs, scroller, layoutKey }: Props) {
  const { data: rec } = useQuery('media.get', { documentId });
  const media = useRef<HTMLMediaElement | null>(null);
  const [time, setTime] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [rate, setRate] = useState(1);
  const [follow, setFollow] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sync, setSync] = useState<{ target: number; points: Map<number, number> } | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const ourScroll = useRef(0);
  const duration = rec?.duration ?? 0;

  const timed = useMemo(() => turns.filter((t) => t.timeStart !== null).sort((a, b) => a.timeStart! - b.timeStart!), [turns]);
  const byStart = useMemo(() => new Map(paragraphs.map((p) => [Number(p.dataset.start), p])), [paragraphs]);
  const active = useMemo(() => {
    let lo = 0,
      hi = timed.length;
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      if (timed[m].timeStart! <= time + 0.05) lo = m + 1;
      else hi = m;
    }
    return lo ? timed[lo - 1] : null;
  }, [timed, time]);

  // The active turn is marked on its paragraph and, while following, scrolled into view.
  useEffect(() => {
    const el = active ? byStart.get(active.start) : undefined;
    if (!el || !rec) return;
    el.classList.add('turn-playing');
    const box = scroller.current;
    if (follow && box && (playing || media.current?.seeking)) {
      const r = el.getBoundingClientRect(),
        outer = box.getBoundingClientRect();
      if (r.top < outer.top + 8 || r.bottom > outer.bottom - 8) {
        ourScroll.current = performance.now();
        box.scrollTop += r.top - outer.top - outer.height / 4;
      }
    }
    return () => el.classList.remove('turn-playing');
  }, [active, byStart, follow, playing, rec, scroller]);

  // Scrolling away by hand stops following; "Follow playback" resumes it.
  useEffect(() => {
    const box = scroller.current;
    if (!box || !rec) return;
    const onUser = (e: Event) => {
      // Only keys that scroll count (Ctrl+M, Ctrl+Space and typing do not).
      if (e instanceof KeyboardEvent && (e.ctrlKey || e.metaKey || !/^(PageUp|PageDown|ArrowUp|ArrowDown|Home|End| )$/.test(e.key))) return;
      if (performance.now() - ourScroll.current > 300) setFollow(false);
    };
    box.addEventListener('wheel', onUser, { passive: true });
    box.addEventListener('touchmove', onUser, { passive: true });
    box.addEventListener('keydown', onUser);
    return () => {
      box.removeEventListener('wheel', onUser);
      box.removeEventListener('touchmove', onUser);
      box.removeEventListener('keydown', onUser);
    };
  }, [scroller, rec]);

  const el = () => media.current;
  const seek = useCallback(
    (t: number, play = false) => {
      const m = el();
      if (!m) return;
      m.currentTime = Math.max(0, Math.min(t, Number.isFinite(m.duration) ? m.duration : duration));
      setTime(m.currentTime);
      if (play) void m.play().catch((e: Error) => setError(e.message));
    },
    [duration],
  );
  const toggle = useCallback(() => {
    const m = el();
    if (!m) return;
    if (m.paused) void m.play().catch((e: Error) => setError(e.message));
    else m.pause();
  }, []);
  const replay = useCallback(() => {
    const m = el();
    if (m) seek(m.currentTime - STEP, true);
  }, [seek]);
  const playFrom = useCallback(
    (t: number) => {
      setFollow(true);
      seek(t, true);
    },
    [seek],
  );

  // Sync points: the turn to mark next, and the moments marked.
  const markSync = useCallback(() => {
    const m = el();
    if (!m || !sync) return;
    const points = new Map(sync.points).set(sync.target, Math.round(m.currentTime * 1000) / 1000);
    const sorted = [...turns].sort((a, b) => a.idx - b.idx);
    const next = sorted.find((t) => t.idx > sync.target);
    setSync({ target: next ? next.idx : sync.target, points });
  }, [sync, turns]);

  // A mark set at the wrong moment is removed on its own; the turns are interpolated from the marks left when saved.
  const unmark = useCallback((idx: number) => {
    setSync((s) => {
      if (!s) return s;
      const points = new Map(s.points);
      points.delete(idx);
      return { target: idx, points };
    });
  }, []);

  // Keys that work while text is selected (they never change the selection): Ctrl+Space play/pause,
  // Ctrl+Shift+Space replay the last 5 s, Ctrl+, / Ctrl+. back / forward 5 s, Ctrl+M marks a sync point.
  useEffect(() => {
    if (!rec || rec.status !== 'ok') return;
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const m = el();
      if (!m) return;
      if (e.code === 'Space') {
        e.preventDefault();
        if (e.shiftKey) replay();
        else toggle();
      } else if (e.key === ',') {
        e.preventDefault();
        seek(m.currentTime - STEP);
      } else if (e.key === '.') {
        e.preventDefault();
        seek(m.currentTime + STEP);
      } else if (e.key.toLowerCase() === 'm' && sync) {
        e.preventDefault();
        markSync();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [rec, toggle, replay, seek, sync, markSync]);

  // In sync mode a click on a turn makes it the one to mark next.
  useEffect(() => {
    const box = scroller.current;
    if (!box || !sync) return;
    const onClick = (e: MouseEvent) => {
      const p = (e.target as HTMLElement).closest<HTMLElement>('.turn');
      const t = p && turns.find((x) => x.start === Number(p.dataset.start));
      if (t) setSync((s) => (s ? { ...s, target: t.idx } : s));
    };
    box.addEventListener('click', onClick);
    return () => box.removeEventListener('click', onClick);
  }, [sync, scroller, turns]);
  useEffect(() => {
    const t = sync ? turns.find((x) => x.idx === sync.target) : undefined;
    const p = t ? byStart.get(t.start) : undefined;
    p?.classList.add('turn-sync-target');
    return () => p?.classList.remove('turn-sync-target');
  }, [sync, turns, byStart]);

  const saveSync = async () => {
    if (!sync?.points.size) return;
    setBusy(true);
    try {
      await call('media.setSyncPoints', { documentId, points: [...sync.points].map(([turnIdx, t]) => ({ turnIdx, time: t })) });
      setSync(null);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const attach = async (f: File) => {
    const problem = attachProblem(f);
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    try {
      await call('media.attach', { documentId, fileName: f.name, contentBase64: await readBase64(f) });
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const relink = async () => {
    setBusy(true);
    try {
      await call('media.relink', { documentId, acceptChanged: rec?.status === 'changed' });
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  // ▶ at each timed turn, in the transcript's left column.
  const [clocks, setClocks] = useState<{ top: number; time: number; key: number }[]>([]);
  useLayoutEffect(() => {
    if (!rec || rec.status !== 'ok') {
      setClocks([]);
      return;
    }
    setClocks(
      timed
        .map((t) => ({ t, p: byStart.get(t.start) }))
        .filter((x) => x.p)
        .map(({ t, p }) => ({ top: p!.offsetTop + 17, time: t.timeStart!, key: t.id })),
    );
  }, [rec, timed, byStart, layoutKey]);
  const page = scroller.current?.querySelector('.transcript-page') ?? null;
  // Each sync mark beside its turn, with × to remove it.
  const [marks, setMarks] = useState<{ top: number; idx: number; time: number }[]>([]);
  useLayoutEffect(() => {
    if (!sync) {
      setMarks([]);
      return;
    }
    const startOf = new Map(turns.map((t) => [t.idx, t.start]));
    setMarks(
      [...sync.points]
        .sort((a, b) => a[0] - b[0])
        .map(([idx, time]) => ({ idx, time, p: byStart.get(startOf.get(idx) ?? -1) }))
        .filter((x) => x.p)
        .map(({ idx, time, p }) => ({ top: p!.offsetTop + 17, idx, time })),
    );
  }, [sync, turns, byStart, layoutKey]);

  const chooser = (
    <>
      <button className="btn" disabled={busy} onClick={() => file.current?.click()}>
        {rec ? 'Attach another…' : 'Attach recording…'}
      </button>
      <input
        ref={file}
        type="file"
        hidden
        aria-label="Recording file"
        accept=".wav,.mp3,.m4a,.aac,.ogg,.oga,.opus,.flac,.webm,.mp4,.m4v,.mov"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void attach(f);
        }}
      />
    </>
  );
  if (rec === undefined) return null;
  if (rec === null) {
    return (
      <div className="player" aria-label="Recording">
        <span className="muted">No recording.</span>
        {chooser}
        {error && (
          <span className="player-problem" role="alert">
            {error}
          </span>
        )}
      </div>
    );
  }
  if (rec.status !== 'ok') {
    return (
      <div className="player" aria-label="Recording">
        <span className="player-problem" role="alert">
          {rec.problem}
        </span>
        <button className="btn" disabled={busy} onClick={() => void relink()}>
          {rec.status === 'changed' ? 'Accept the changed file' : 'Find it again'}
        </button>
        {chooser}
        {error && (
          <span className="player-problem" role="alert">
            {error}
          </span>
        )}
      </div>
    );
  }
  const Media = rec.kind === 'video' ? 'video' : 'audio';
  return (
    <div className="player" aria-label="Recording">
      <Media
        ref={(m: HTMLMediaElement | null) => {
          media.current = m;
        }}
        src={mediaUrl(documentId, rec.sha256)}
        preload="metadata"
        onTimeUpdate={(e) => setTime(e.currentTarget.currentTime)}
        onSeeked={(e) => setTime(e.currentTarget.currentTime)}
        onPlay={() => setPlaying(true)}
        onPause={() => setPlaying(false)}
        onEnded={() => setPlaying(false)}
        onError={() => setError(`${rec.fileName}: the browser could not play it`)}
        data-testid="player-media"
      />
      <button className="btn" onClick={toggle} aria-label={playing ? 'Pause' : 'Play'} title="Play / pause (Ctrl+Space)">
        {playing ? '❚❚' : '▶'}
      </button>
      <button className="btn" onClick={() => seek(time - STEP)} aria-label="Back 5 seconds" title="Back 5 s (Ctrl+,)">
        −5
      </button>
      <button className="btn" onClick={() => seek(time + STEP)} aria-label="Forward 5 seconds" title="Forward 5 s (Ctrl+.)">
        +5
      </button>
      <button className="btn" onClick={replay} aria-label="Replay the last 5 seconds" title="Replay the last 5 s (Ctrl+Shift+Space)">
        ↺ 5 s
      </button>
      <select
        aria-label="Speed"
        value={rate}
        onChange={(e) => {
          const r = Number(e.target.value);
          setRate(r);
          if (media.current) media.current.playbackRate = r;
        }}
      >
        {SPEEDS.map((s) => (
          <option key={s} value={s}>
            {s}×
          </option>
        ))}
      </select>
      <span className="player-time" data-testid="player-time">
        {formatTime(time)} / {formatTime(duration)}
      </span>
      <div className="player-bar">
        <Waveform
          documentId={documentId}
          sha256={rec.sha256}
          enabled={(playing || time > 0) && rec.size <= WAVEFORM_MAX_BYTES && rec.duration <= WAVEFORM_MAX_SECONDS}
        />
        <input
          type="range"
          aria-label="Position"
          min={0}
          max={duration}
          step={0.1}
          value={Math.min(time, duration)}
          onChange={(e) => seek(Number(e.target.value))}
        />
      </div>
      {!follow && (
        <button
          className="btn"
          onClick={() => {
            setFollow(true);
          }}
        >
          Follow playback
        </button>
      )}
      <button
        className="btn"
        aria-pressed={!!sync}
        onClick={() => setSync(sync ? null : { target: turns[0]?.idx ?? 0, points: new Map() })}
        title="Time the turns: click a turn, press Ctrl+M the moment it starts"
      >
        {sync ? 'Cancel sync' : 'Sync points'}
      </button>
      {chooser}
      {sync && (
        <div className="player-sync">
          <span>
            Click a turn, then press <kbd>Ctrl+M</kbd> (or Mark) the moment it starts. {sync.points.size} marked; the turns between marks
            are interpolated.
          </span>
          <button className="btn" onClick={markSync}>
            Mark turn {sync.target + 1}
          </button>
          <button className="btn" disabled={!sync.points.size || busy} onClick={() => void saveSync()}>
            Save turn times
          </button>
        </div>
      )}
      {error && (
        <span className="player-problem" role="alert">
          {error}
        </span>
      )}
      {page &&
        createPortal(
          clocks.map((c) => (
            <button
              key={c.key}
              className="turn-clock"
              style={{ top: c.top }}
              aria-label={`Play from ${formatTime(c.time)}`}
              title={`Play from ${formatTime(c.time)}`}
              onClick={() => playFrom(c.time)}
            >
              ▶
            </button>
          )),
          page,
        )}
      {page &&
        createPortal(
          marks.map((m) => (
            <span key={m.idx} className="turn-sync-mark" style={{ top: m.top }} data-testid="sync-mark">
              {formatMark(m.time)}
              <button
                className="mini-btn"
                aria-label={`Remove sync point: turn ${m.idx + 1} at ${formatMark(m.time)}`}
                title="Remove this sync point"
                onClick={() => unmark(m.idx)}
              >
                ×
              </button>
            </span>
          )),
          page,
        )}
    </div>
  );
}

/** The recording's loudness over time, decoded by the browser (Web Audio) once playback starts; only for short recordings (see WAVEFORM_MAX_SECONDS). */
function Waveform({ documentId, sha256, enabled }: { documentId: number; sha256: string; enabled: boolean }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!enabled || typeof OfflineAudioContext === 'undefined') return;
    let live = true;
    (async () => {
      const bytes = await (await fetch(mediaUrl(documentId, sha256))).arrayBuffer();
      const audio = await new OfflineAudioContext(1, 1, 8000).decodeAudioData(bytes);
      const c = canvas.current;
      if (!live || !c) return;
      const w = (c.width = c.clientWidth * devicePixelRatio),
        h = (c.height = c.clientHeight * devicePixelRatio);
      const data = audio.getChannelData(0),
        per = Math.max(1, Math.floor(data.length / w));
      const g = c.getContext('2d')!;
      g.fillStyle = 'rgba(47, 93, 138, .35)';
      for (let x = 0; x < w; x++) {
        let peak = 0;
        for (let k = x * per; k < (x + 1) * per && k < data.length; k++) peak = Math.max(peak, Math.abs(data[k]));
        const bar = Math.max(1, peak * h);
        g.fillRect(x, (h - bar) / 2, 1, bar);
      }
    })().catch(() => {
      /* no waveform: the time bar still works */
    });
    return () => {
      live = false;
    };
  }, [documentId, sha256, enabled]);
  return <canvas ref={canvas} aria-hidden="true" />;
}
