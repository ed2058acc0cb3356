import { assembleTranscript } from './assemble.ts';
import { parseClock } from './clock.ts';
import { checkCueOrder, cleanCueText, mergeCues, splitBlocks } from './cues.ts';
import type { Cue } from './cues.ts';
import { TranscriptImportError } from '../../../lib/import-error.ts';
import { findSpeakerLabels } from './speakers.ts';
import type { ImportOptions, ParsedTranscript } from './types.ts';

const TIMING = /^(\S+)[ \t]+-->[ \t]+(\S+)/; // cue settings after the end time are ignored
const VOICE = /<v(?:\.[^\s>]*)?(?:[ \t]+([^>]*))?>/g;

/**
 * WebVTT from Zoom ("Name: text" cues) and Teams (<v Name> voice tags). Consecutive cues of one
 * speaker become a turn. A cue with an unreadable timestamp is skipped with a warning so one bad
 * line does not cost the whole interview.
 */
export function parseVtt(file: string, text: string, opts: ImportOptions = {}): ParsedTranscript {
  if (!/^WEBVTT(?:[ \t]|$)/.test(text.split('\n', 1)[0] ?? '')) {
    throw new TranscriptImportError(file, 'not a WebVTT file (the first line must be "WEBVTT")');
  }
  const warnings: string[] = [];
  const cues: Cue[] = [];
  splitBlocks(text)
    .slice(1)
    .forEach((block, n) => {
      const first = block.lines[0] ?? '';
      if (/^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/.test(first)) return;
      const timingAt = block.lines.findIndex((l) => l.includes('-->'));
      const name = timingAt === 1 ? `cue "${first.trim()}"` : `cue ${n + 1}`;
      if (timingAt < 0 || timingAt > 1) {
        const previous = cues.at(-1);
        warnings.push(`line ${block.lineNumber}: text without a cue timing${previous ? ' was added to the previous cue' : ' was skipped'}`);
        if (previous) previous.text += `\n${block.lines.join('\n')}`;
        return;
      }
      const timingLine = block.lines[timingAt] ?? '';
      const m = TIMING.exec(timingLine.trim());
      const start = m ? parseClock(m[1] ?? '') : null;
      const end = m ? parseClock(m[2] ?? '') : null;
      if (start === null || end === null) {
        warnings.push(`${name} (line ${block.lineNumber + timingAt}): unreadable timestamp "${timingLine.trim()}"; cue skipped`);
        return;
      }
      cues.push(
        ...voiceSegments(
          block.lines.slice(timingAt + 1).join('\n'),
          start,
          checkCueOrder(name, block.lineNumber + timingAt, start, end, warnings),
        ),
      );
    });
  if (cues.length === 0) {
    const broken = warnings.find((w) => w.includes('unreadable timestamp'));
    const why = broken ? `no readable cues (${broken})` : 'no cues found';
    throw new TranscriptImportError(file, why);
  }
  for (const cue of cues) cue.text = cleanCueText(cue.text);
  labelUnvoicedCues(file, cues, opts);
  return assembleTranscript(mergeCues(cues, { maxGap: 2, maxWords: 120, limitNamedSpeakers: false }), 'vtt', warnings);
}

/** Splits a cue at Teams voice tags; text outside any voice tag has no speaker (yet). */
function voiceSegments(raw: string, start: number, end: number): Cue[] {
  const segments: Cue[] = [];
  let speaker: string | null = null;
  let from = 0;
  for (const m of raw.matchAll(VOICE)) {
    segments.push({ speaker, text: raw.slice(from, m.index), start, end });
    speaker = (m[1] ?? '').trim() || null;
    from = m.index + m[0].length;
  }
  segments.push({ speaker, text: raw.slice(from), start, end });
  return segments.filter((s) => s.text.replace(/<[^>]*>/g, '').trim() !== '');
}

/** Zoom writes "Name: text" in each cue; detected like labels in plain text. */
function labelUnvoicedCues(file: string, cues: Cue[], opts: ImportOptions): void {
  const unvoiced = cues.filter((c) => c.speaker === null);
  const labels = findSpeakerLabels(
    file,
    unvoiced.map((c) => c.text),
    opts,
  );
  unvoiced.forEach((cue, i) => {
    const label = labels[i];
    if (!label) return;
    cue.speaker = label.speaker;
    cue.text = label.rest.trim();
  });
}
