import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { parseFile, type IAudioMetadata } from 'music-metadata';
import { ThematicError } from '../../core/errors.ts';

/**
 * What a recording is, found before it is linked to a document: size, SHA-256, duration and codec
 * (probed with music-metadata from the headers; nothing is decoded), and whether a browser can play
 * it. Each refusal is a ThematicError whose message names the file and what is wrong with it.
 */
export interface Probe {
  file: string;
  fileName: string;
  size: number;
  mtimeMs: number;
  sha256: string;
  duration: number;
  container: string;
  codec: string;
  kind: 'audio' | 'video';
  mime: string;
}

/** Recordings of 4 GiB and more are refused: a 2-hour interview is a few hundred MB even as video. */
export const MAX_RECORDING_BYTES = 4 * 2 ** 30;

const MIME: Record<string, string> = {
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.aac': 'audio/aac',
  '.ogg': 'audio/ogg',
  '.oga': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.flac': 'audio/flac',
  '.webm': 'audio/webm',
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.mov': 'video/mp4',
};
export const RECORDING_EXTENSIONS = Object.keys(MIME);
export const isRecordingName = (name: string) => Object.hasOwn(MIME, path.extname(name).toLowerCase());

// What Chromium (the web mode's browser and Electron) plays; anything else is refused at link time.
const PLAYABLE_AUDIO = /^(pcm|ieee_float|mpeg [12](\.5)? layer 3|mpeg-4\/aac|aac|opus|vorbis( i)?|flac)$/i;
const PLAYABLE_VIDEO = /^<?(avc[13]|vp0?[89]|v_vp[89]|av0?1|v_av1)>?$/i;

const mb = (n: number) => (n >= 2 ** 30 ? `${(n / 2 ** 30).toFixed(1)} GB` : `${(n / 2 ** 20).toFixed(1)} MB`);
const fail = (code: string, message: string) => new ThematicError(code, message);

/** Size and modification time of a linked file, or null when it is not there. */
export function statFile(file: string): { size: number; mtimeMs: number } | null {
  try {
    const st = fs.statSync(file);
    return st.isFile() ? { size: st.size, mtimeMs: Math.floor(st.mtimeMs) } : null;
  } catch {
    return null;
  }
}

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    fs.createReadStream(file, { highWaterMark: 1 << 20 })
      .on('data', (c) => h.update(c))
      .on('error', reject)
      .on('end', () => resolve(h.digest('hex')));
  });
}

export function sha256FileSync(file: string): string {
  const h = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(1 << 20);
    for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0;) h.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return h.digest('hex');
}

function looksLikeText(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(512);
    const n = fs.readSync(fd, buf, 0, 512, 0);
    const head = buf.subarray(0, n);
    return n > 0 && !head.includes(0) && !/\uFFFD/.test(head.toString('utf8'));
  } finally {
    fs.closeSync(fd);
  }
}

/** Probes `file` for linking; `label` is how messages name it (default: its file name). */
export async function probeRecording(file: string, label = path.basename(file)): Promise<Probe> {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    throw fail('not_found', `${label}: no such file`);
  }
  if (!st.isFile()) throw fail('invalid_input', `${label}: is a folder, not a recording`);
  const ext = path.extname(file).toLowerCase();
  if (!isRecordingName(file)) {
    throw fail(
      'invalid_input',
      `${label}: ${ext || 'a file without an extension'} is not a recording format Thematic plays; use ${RECORDING_EXTENSIONS.join(' ')}`,
    );
  }
  if (st.size === 0) throw fail('invalid_input', `${label}: the file is empty`);
  if (st.size >= MAX_RECORDING_BYTES) {
    throw fail(
      'too_large',
      `${label}: the file is ${mb(st.size)}; recordings of 4 GB or more are not supported. Compress it to speech quality (e.g. Opus or AAC at 32-64 kb/s) or split it`,
    );
  }
  let meta: IAudioMetadata | null = null;
  try {
    meta = await parseFile(file, { duration: false, skipCovers: true });
    // Ogg keeps its length only in the last page: read to the end when the headers do not say (at link time only).
    if (meta.format.container && !meta.format.duration) meta = await parseFile(file, { duration: true, skipCovers: true });
  } catch {
    meta = null;
  }
  const f = meta?.format;
  if (!f || !f.container) {
    throw fail(
      'not_media',
      `${label}: not an audio or video file${looksLikeText(file) ? ' (its content is text)' : ' (no audio or video format recognised in it)'}`,
    );
  }
  const hasVideo = !!f.hasVideo || (f.trackInfo ?? []).some((t) => t.video);
  const duration = f.duration ?? Math.max(0, ...(f.trackInfo ?? []).map((t) => t.duration ?? 0));
  if (!duration || !Number.isFinite(duration))
    throw fail('not_media', `${label}: its ${f.container} headers give no duration; the file may be damaged`);
  // A header-announced length the bytes cannot hold: the file was cut off (a partial download or copy).
  if (!hasVideo && f.bitrate && !f.lossless && (duration * f.bitrate) / 8 > st.size * 1.1) {
    const holds = (st.size * 8) / f.bitrate;
    throw fail(
      'truncated',
      `${label}: the file is truncated: its header announces ${clock(duration)} but the ${mb(st.size)} in it hold only about ${clock(holds)}`,
    );
  }
  const audioCodec = (f.codec ?? '').trim();
  const videoCodecs = (f.trackInfo ?? [])
    .filter((t) => t.video || t.type === 1 || (hasVideo && /^<|^v_/i.test(t.codecName ?? '')))
    .map((t) => t.codecName ?? t.codecId ?? '');
  if (audioCodec && !PLAYABLE_AUDIO.test(audioCodec)) {
    throw fail(
      'unplayable',
      `${label}: its audio codec ${audioCodec} (in ${f.container}) cannot be played by the browser; convert it, e.g. ffmpeg -i "${label}" -c:a aac out.m4a`,
    );
  }
  const badVideo = videoCodecs.find((c) => !PLAYABLE_VIDEO.test(c));
  if (badVideo) {
    throw fail(
      'unplayable',
      `${label}: its video codec ${badVideo.replace(/[<>]/g, '')} cannot be played by the browser; convert it to H.264 (ffmpeg -i "${label}" -c:v libx264 -c:a aac out.mp4)`,
    );
  }
  if (!audioCodec && !videoCodecs.length) throw fail('not_media', `${label}: no audio or video track found in it`);
  const mime = hasVideo ? (ext === '.webm' ? 'video/webm' : 'video/mp4') : MIME[ext];
  return {
    file: path.resolve(file),
    fileName: path.basename(file),
    size: st.size,
    mtimeMs: Math.floor(st.mtimeMs),
    sha256: await sha256File(file),
    duration,
    container: f.container,
    codec: [audioCodec, ...videoCodecs.map((c) => c.replace(/[<>]/g, ''))].filter(Boolean).join(' + '),
    kind: hasVideo ? 'video' : 'audio',
    mime,
  };
}

/** Seconds as h:mm:ss (or m:ss). */
export function clock(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600),
    m = Math.floor((s % 3600) / 60),
    r = s % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${two(m)}:${two(r)}` : `${m}:${two(r)}`;
}
