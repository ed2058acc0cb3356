import type { Parsed } from './args.ts';
import type { Io } from './io.ts';

/** CLI commands for agreement: name -> handler (returns the exit code). */
export const agreementCommands: Record<string, (p: Parsed, io: Io) => Promise<number>> = {};
