import { errorReply } from '../api/replies.ts';

/** The HTTP form of the one error mapping (src/api/replies.ts): a status and `{ error: { code, message } }`. */
export function errorBody(e: unknown): { status: number; body: { error: { code: string; message: string } } } {
  const { status, error } = errorReply(e);
  return { status, body: { error } };
}
