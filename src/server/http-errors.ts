import { ThematicError } from '../store/errors.ts';

const STATUS: Record<string, number> = {
  invalid_input: 400, invalid_span: 400, invalid_query: 400, invalid_csv: 400, invalid_move: 400, invalid_merge: 400,
  import_failed: 422, has_codings: 409, exists: 409, locked: 409, nothing_to_undo: 409, nothing_to_redo: 409,
  not_found: 404, unknown_method: 404, disk_full: 507, read_only: 403, too_large: 413, damaged: 500, write_failed: 500, already_done: 409,
};

export function errorBody(e: unknown): { status: number; body: { error: { code: string; message: string } } } {
  if (e instanceof ThematicError) return { status: STATUS[e.code] ?? 400, body: { error: { code: e.code, message: e.message } } };
  return { status: 500, body: { error: { code: 'internal', message: (e as Error)?.message ?? String(e) } } };
}
