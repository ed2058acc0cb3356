import type { Parsed } from './args.ts';
import type { Io } from './io.ts';

// `thematic anonymise FILE --key KEY.csv --out COPY.thematic`
export const anonymiseCommands: Record<string, (p: Parsed, io: Io) => Promise<number>> = {};
