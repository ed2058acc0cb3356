import type { DraftTurn, ParsedTranscript, SpeakerTurn, TranscriptFormat } from './types.ts';

/**
 * Lays the turns end to end, separated by "\n", and records where each one sits. Turn text is
 * trimmed at its edges only, so offsets always cover exactly what was spoken.
 */
export function assembleTranscript(drafts: DraftTurn[], format: TranscriptFormat, warnings: string[]): ParsedTranscript {
  const parts: string[] = [];
  const turns: SpeakerTurn[] = [];
  let offset = 0;
  for (const draft of drafts) {
    const text = draft.text.normalize('NFC').trim();
    if (text === '') continue;
    if (parts.length > 0) offset += 1; // the "\n" between turns
    turns.push({
      speaker: draft.speaker,
      start: offset,
      end: offset + text.length,
      timeStart: draft.timeStart,
      timeEnd: draft.timeEnd,
    });
    parts.push(text);
    offset += text.length;
  }
  return { text: parts.join('\n'), turns, format, warnings };
}
