/**
 * Where the media element loads a document's recording from: the web mode's /media route (the token
 * in the query, since a media element cannot send a header) or Electron's app:// protocol. Either
 * way the URL names a document of the open project, never a path. `v` changes when the file does.
 */
export function mediaUrl(documentId: number, sha256: string): string {
  const v = sha256.slice(0, 12);
  if ((window as unknown as { thematic?: unknown }).thematic) return `app://thematic/media/${documentId}?v=${v}`;
  const token = sessionStorage.getItem('thematic-token') ?? '';
  return `/media/${documentId}?token=${encodeURIComponent(token)}&v=${v}`;
}

/**
 * Web Audio decodes a whole recording before a waveform can be drawn: measured here (bench/media-bench.ts)
 * about 3.3 s for 2 minutes of Opus and 17 s for 10 minutes. So only recordings up to 3 minutes and
 * 32 MB get a waveform; longer ones have the time bar alone.
 */
export const WAVEFORM_MAX_BYTES = 32 * 2 ** 20;
export const WAVEFORM_MAX_SECONDS = 180;

/** The web mode's request limit (160 MB) holds a recording of about 110 MB as base64; larger ones are linked from the CLI. */
export const MAX_ATTACH_BYTES = 110 * 2 ** 20;

/** Why a file cannot be attached from the page, or null. */
export function attachProblem(f: { name: string; size: number }): string | null {
  if (!RECORDING_NAME.test(f.name))
    return `${f.name}: not a recording this player takes (.wav .mp3 .m4a .aac .ogg .opus .flac .webm .mp4 .mov)`;
  if (f.size > MAX_ATTACH_BYTES)
    return `${f.name}: ${Math.round(f.size / 2 ** 20)} MB is more than the ${MAX_ATTACH_BYTES / 2 ** 20} MB a page can send; link it from the command line: thematic media PROJECT DOCUMENT "${f.name}"`;
  return null;
}

/** Audio and video files the player takes, by extension. */
export const RECORDING_NAME = /\.(wav|mp3|m4a|aac|ogg|oga|opus|flac|webm|mp4|m4v|mov)$/i;

/** "P4.m4a" → "p4": recordings pair with transcripts of the same base name. */
export const baseName = (name: string) => name.replace(/\.[^.]+$/, '').toLowerCase();
