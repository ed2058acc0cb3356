/** A transcript that cannot be imported; the message names the file and what is wrong with it. */
export class TranscriptImportError extends Error {
  file: string;
  problem: string;
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'TranscriptImportError';
    this.file = file;
    this.problem = problem;
  }
}

/** Underlying library errors are often vague; keep their first line for the researcher. */
export function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? '').trim().slice(0, 200) || 'unknown error';
}
