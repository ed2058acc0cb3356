import { z } from 'zod';

// Idempotent mutating calls. Any mutating method (and history.undo / history.redo) may be given a
// client operation id: over HTTP the `Idempotency-Key` header, over IPC and in-process the
// `operationId` of the call context. A repeat with the same id returns the first call's result
// without doing the work again; the ids are kept in the project, so this holds across a restart.
// The payloads are unchanged. Pure data: safe to import in the renderer.

export const OperationId = z.string().regex(/^[A-Za-z0-9._:-]{8,128}$/, '8 to 128 letters, digits or . _ : - (a UUID is best)');

export const IDEMPOTENCY_HEADER = 'idempotency-key';

export const undoableHistoryMethods: readonly string[] = ['history.undo', 'history.redo'];
