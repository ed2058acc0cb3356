import { assembleTranscript } from './assemble.ts';
import { parseClock } from './clock.ts';
import { checkCueOrder, cleanCueText, mergeCues, splitBlocks } from './cues.ts';
import type { Cue } from './cues.ts';
import { TranscriptImportError } from '../../../lib/import-error.ts';
import { findSpeakerLabels } from './speakers.ts';
import type { ImportOptions, ParsedTranscript } from './types.ts';

const TIMING = /^(\S+)[ \t]*-->[ \t]*(\S+)/;
const TIMING_LIKE = /-->|\d[ \t]*-{1,2}>[ \t]*\d/;

/**
 * SubRip, as written by Whisper and friends: streaming Whisper rewrites earlier cues, so the file
 * may repeat cues and jump back in time. Cues are sorted by start, duplicates dropped, and
 * neighbouring cues merged into turns of readable size.
 */
export function parseSrt(file: string, text: string, opts: ImportOptions = {}): ParsedTranscript {
  const warnings: string[] = [];
  const cues: Cue[] = [];
  for (const block of splitBlocks(text)) {
    const timingAt = block.lines.findIndex((l) => TIMING_LIKE.test(l));
    const id = timingAt > 0 ? block.lines[0]?.trim() : undefined;
    const name = id ? `cue ${id}` : `the cue at line ${block.lineNumber}`;
    if (timingAt < 0) {
      const previous = cues.at(-1);
      if (block.lines.length === 1 && /^\d+$/.test(block.lines[0]?.trim() ?? '')) continue; // a stray cue number
      warnings.push(`line ${block.lineNumber}: text without a cue timing${previous ? ' was added to the previous cue' : ' was skipped'}`);
      if (previous) previous.text += `\n${block.lines.join('\n')}`;
      continue;
    }
    const timingLine = (block.lines[timingAt] ?? '').trim();
    const m = TIMING.exec(timingLine);
    const start = m ? parseClock(m[1] ?? '') : null;
    const end = m ? parseClock(m[2] ?? '') : null;
    if (start === null || end === null) {
      warnings.push(`${name} (line ${block.lineNumber + timingAt}): unreadable timestamp "${timingLine}"; cue skipped`);
      continue;
    }
    cues.push({
      speaker: null,
      text: block.lines.slice(timingAt + 1).join('\n'),
      start,
      end: checkCueOrder(name, block.lineNumber + timingAt, start, end, warnings),
    });
  }
  if (cues.length === 0) {
    const broken = warnings.find((w) => w.includes('unreadable timestamp'));
    throw new TranscriptImportError(file, broken ? `no readable cues (${broken})` : 'no subtitle cues found');
  }
  for (const cue of cues) cue.text = cleanCueText(cue.text);
  const kept = dropRepeats(sortByStart(cues, warnings), warnings);
  const labels = findSpeakerLabels(
    file,
    kept.map((c) => c.text),
    opts,
  );
  kept.forEach((cue, i) => {
    const label = labels[i];
    if (label) Object.assign(cue, { speaker: label.speaker, text: label.rest.trim() });
  });
  const turns = mergeCues(kept, { maxGap: 2, maxWords: 120, limitNamedSpeakers: true });
  return assembleTranscript(turns, 'srt', warnings);
}

function sortByStart(cues: Cue[], warnings: string[]): Cue[] {
  const outOfOrder = cues.some((c, i) => i > 0 && c.start < (cues[i - 1]?.start ?? 0));
  if (!outOfOrder) return cues;
  warnings.push('cues were out of time order; they were sorted by start time');
  return [...cues].sort((a, b) => a.start - b.start); // stable: equal starts keep file order
}

function dropRepeats(cues: Cue[], warnings: string[]): Cue[] {
  const seen = new Set<string>();
  const kept: Cue[] = [];
  let dropped = 0;
  for (const cue of cues) {
    const key = `${cue.start}|${cue.end}|${cue.text}`;
    const previous = kept.at(-1);
    if (seen.has(key) || (previous && previous.text === cue.text && cue.text !== '')) {
      if (previous && previous.text === cue.text && cue.end !== null) previous.end = Math.max(previous.end ?? cue.end, cue.end);
      dropped++;
      continue;
    }
    seen.add(key);
    kept.push(cue);
  }
  if (dropped > 0) warnings.push(`${dropped} repeated cue${dropped === 1 ? ' was' : 's were'} dropped`);
  return kept;
}
