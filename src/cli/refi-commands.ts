import { UsageError, type Parsed } from './args.ts';
import type { Io } from './io.ts';

// `thematic import FILE X.qdpx|X.qde|X.qdc` and `thematic export FILE --format qdpx|qdc`.
export async function cmdImportRefi(_p: Parsed, _io: Io): Promise<number> {
  throw new UsageError('REFI-QDA import is not available yet');
}

export async function cmdExportRefi(_p: Parsed, _io: Io, format: 'qdpx' | 'qdc'): Promise<number> {
  throw new UsageError(`export --format ${format} is not available yet`);
}
