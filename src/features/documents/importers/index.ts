import { MAX_TRANSCRIPT_BYTES } from '../../../api/contract-limits.ts';
import { decodeTranscriptText } from '../../../lib/decode.ts';
import { detectFormat } from './detect.ts';
import { docxText } from './docx.ts';
import { TranscriptImportError } from '../../../lib/import-error.ts';
import { odtText } from './odt.ts';
import { pdfText } from './pdf.ts';
import { parsePlainText } from './plain.ts';
import { compileSpeakerPattern } from './speakers.ts';
import { parseSrt } from './srt.ts';
import type { ImportOptions, ParsedTranscript } from './types.ts';
import { parseVtt } from './vtt.ts';
import { parseZoomCaptions } from './zoom-captions.ts';

export type { ImportOptions, ParsedTranscript, SpeakerTurn, TranscriptFormat } from './types.ts';
export { TranscriptImportError } from '../../../lib/import-error.ts';
export { normaliseText } from '../../../lib/normalise.ts';
export { detectFormat } from './detect.ts';

export { MAX_TRANSCRIPT_BYTES };

/**
 * Reads a transcript file into immutable text plus speaker turns. Speaker labels and timestamps
 * become turn metadata; the text holds only what was said, so codings never span a label.
 */
export async function parseTranscript(fileName: string, bytes: Uint8Array, opts: ImportOptions = {}): Promise<ParsedTranscript> {
  if (bytes.length > MAX_TRANSCRIPT_BYTES) {
    const mib = (bytes.length / 1024 / 1024).toFixed(1);
    throw new TranscriptImportError(fileName, `file is too large (${mib} MiB; the limit is ${MAX_TRANSCRIPT_BYTES / 1024 / 1024} MiB)`);
  }
  if (bytes.length === 0) throw new TranscriptImportError(fileName, 'empty file');
  // A bad pattern is the researcher's to fix whatever the file holds, so report it first.
  if (opts.speakerPattern !== undefined) compileSpeakerPattern(fileName, opts.speakerPattern);
  const format = detectFormat(fileName, bytes);
  const result = await parseByFormat(fileName, bytes, format, opts);
  if (result.turns.length === 0) throw new TranscriptImportError(fileName, 'no text found in the document');
  return result;
}

async function parseByFormat(
  file: string,
  bytes: Uint8Array,
  format: ReturnType<typeof detectFormat>,
  opts: ImportOptions,
): Promise<ParsedTranscript> {
  switch (format) {
    case 'docx':
      return parsePlainText(file, await docxText(file, bytes), format, opts);
    case 'odt':
      return parsePlainText(file, odtText(file, bytes), format, opts);
    case 'pdf':
      return parsePlainText(file, await pdfText(file, bytes), format, opts);
    case 'vtt':
      return parseVtt(file, decodeTranscriptText(file, bytes), opts);
    case 'srt':
      return parseSrt(file, decodeTranscriptText(file, bytes), opts);
    case 'zoom-cc':
      return parseZoomCaptions(decodeTranscriptText(file, bytes));
    case 'txt':
    case 'md':
      return parsePlainText(file, decodeTranscriptText(file, bytes), format, opts);
  }
}
