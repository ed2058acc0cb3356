export type TranscriptFormat = 'txt' | 'md' | 'docx' | 'odt' | 'pdf' | 'vtt' | 'srt' | 'zoom-cc';

/** [start, end) are UTF-16 offsets into ParsedTranscript.text; times are seconds. */
export interface SpeakerTurn {
  speaker: string | null;
  start: number;
  end: number;
  timeStart: number | null;
  timeEnd: number | null;
}

export interface ParsedTranscript {
  text: string;
  turns: SpeakerTurn[];
  format: TranscriptFormat;
  warnings: string[];
}

export interface ImportOptions {
  /** A regular expression with a named group `speaker` (and optionally `text`), applied per line. */
  speakerPattern?: string;
}

/** A turn before it is placed in the document text. */
export interface DraftTurn {
  speaker: string | null;
  text: string;
  timeStart: number | null;
  timeEnd: number | null;
}
