import type { Parsed } from './args.ts';
import type { Io } from './io.ts';

/** CLI commands for themes: name -> handler (returns the exit code). */
export const themesCommands: Record<string, (p: Parsed, io: Io) => Promise<number>> = {};
