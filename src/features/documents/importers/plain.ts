import { assembleTranscript } from './assemble.ts';
import { findSpeakerLabels } from './speakers.ts';
import type { DraftTurn, ImportOptions, ParsedTranscript, TranscriptFormat } from './types.ts';

/**
 * Speaker turns from running text (txt, md, and the paragraphs of docx/odt/pdf, blank-line
 * separated). A labelled line starts a turn; unlabelled lines continue it. Without any labels,
 * each paragraph is a turn of its own.
 */
export function parsePlainText(file: string, text: string, format: TranscriptFormat, opts: ImportOptions = {}): ParsedTranscript {
  const lines = text.split('\n');
  const labels = findSpeakerLabels(file, lines, opts);
  const warnings: string[] = [];
  if (!labels.some((l) => l !== null)) {
    if (opts.speakerPattern !== undefined) {
      warnings.push('the speaker pattern matched no line; paragraphs were imported without speakers');
    }
    return assembleTranscript(paragraphTurns(lines), format, warnings);
  }
  const turns: { draft: DraftTurn; lines: string[] }[] = [];
  let current: { draft: DraftTurn; lines: string[] } | null = null;
  lines.forEach((line, i) => {
    const label = labels[i];
    if (label) {
      current = { draft: { speaker: label.speaker, text: '', timeStart: label.time, timeEnd: null }, lines: [] };
      turns.push(current);
      if (label.rest.trim() !== '') current.lines.push(label.rest);
    } else if (line.trim() === '') {
      // Text before the first label keeps its paragraphs apart; a speaker's paragraphs stay one turn.
      if (current?.draft.speaker === null) current = null;
    } else {
      if (!current) {
        current = { draft: { speaker: null, text: '', timeStart: null, timeEnd: null }, lines: [] };
        turns.push(current);
      }
      current.lines.push(line);
    }
  });
  return assembleTranscript(
    turns.map((t) => ({ ...t.draft, text: t.lines.join('\n') })),
    format,
    warnings,
  );
}

function paragraphTurns(lines: string[]): DraftTurn[] {
  const turns: DraftTurn[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) turns.push({ speaker: null, text: paragraph.join('\n'), timeStart: null, timeEnd: null });
    paragraph = [];
  };
  for (const line of lines) {
    if (line.trim() === '') flush();
    else paragraph.push(line);
  }
  flush();
  return turns;
}
