import { assembleTranscript } from './assemble.ts';
import { parseClock } from './clock.ts';
import { mergeCues } from './cues.ts';
import type { Cue } from './cues.ts';
import type { ParsedTranscript } from './types.ts';

export const ZOOM_CAPTION_HEADER = /^\[([^\]\n]{1,80})\][ \t]+(\d{1,2}:\d{2}:\d{2})[ \t]*$/;

/**
 * Zoom "saved closed captions": a "[Name] HH:MM:SS" line, then what was said. The clock is the
 * time of day; times are stored relative to the first caption so they can be lined up with the
 * recording (which starts near it).
 */
export function parseZoomCaptions(text: string): ParsedTranscript {
  const cues: Cue[] = [];
  let origin: number | null = null;
  let dayOffset = 0;
  let previousClock = 0;
  for (const line of text.split('\n')) {
    const header = ZOOM_CAPTION_HEADER.exec(line);
    if (header) {
      const clock = parseClock(header[2] ?? '') ?? previousClock;
      if (clock + dayOffset < previousClock - 12 * 3600) dayOffset += 24 * 3600; // meeting ran past midnight
      previousClock = clock + dayOffset;
      origin ??= previousClock;
      cues.push({ speaker: (header[1] ?? '').trim(), text: '', start: previousClock - origin, end: null });
    } else if (line.trim() !== '') {
      const last = cues.at(-1);
      if (last) last.text += last.text === '' ? line.trim() : ` ${line.trim()}`;
      else cues.push({ speaker: null, text: line.trim(), start: 0, end: null });
    }
  }
  // A caption lasts until the next one starts.
  cues.forEach((cue, i) => {
    const next = cues[i + 1];
    cue.end = next ? next.start : null;
  });
  return assembleTranscript(mergeCues(cues, { maxGap: 2, maxWords: 120, limitNamedSpeakers: false }), 'zoom-cc', []);
}
