import { ThematicError } from '../core/errors.ts';

/** What a failed call tells the caller, the same over IPC and HTTP: a stable code and one line, never a stack. */
export interface ErrorReply {
  code: string;
  message: string;
}

const STATUS: Record<string, number> = {
  invalid_input: 400,
  invalid_span: 400,
  invalid_query: 400,
  invalid_csv: 400,
  invalid_move: 400,
  invalid_merge: 400,
  invalid_key: 400,
  import_failed: 422,
  has_codings: 409,
  exists: 409,
  locked: 409,
  nothing_to_undo: 409,
  nothing_to_redo: 409,
  not_found: 404,
  unknown_method: 404,
  disk_full: 507,
  read_only: 403,
  too_large: 413,
  not_supported: 501,
  closed: 409,
  no_project: 409,
  forbidden: 403,
  internal: 500,
  damaged: 500,
  write_failed: 500,
  already_done: 409,
};

const firstLine = (s: string) => s.split('\n')[0].slice(0, 2000);

/**
 * Any thrown value as a reply and an HTTP status. A ThematicError keeps its code and message; anything
 * else is `internal` with its first line only (the transports log the whole error where they can).
 */
export function errorReply(e: unknown): { status: number; error: ErrorReply } {
  if (e instanceof ThematicError) return { status: STATUS[e.code] ?? 400, error: { code: e.code, message: firstLine(e.message) } };
  const message = firstLine(e instanceof Error ? e.message : String(e)) || 'unexpected error';
  return { status: 500, error: { code: 'internal', message } };
}
