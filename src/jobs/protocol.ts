/** Messages between the service (main thread) and its job worker threads. */
export interface JobStart {
  file: string;
  method: string;
  input: unknown;
  actor: string;
  /** The client's operation id, recorded with the job's write. */
  clientId?: string;
  trusted: boolean;
  nativeBinding?: string;
  /** One Int32: the worker sleeps on it until the main thread grants its write turn (sets it to 1). */
  writeFlag: SharedArrayBuffer;
}

export interface JobProgress {
  phase: string;
  done?: number;
  total?: number;
}

export type FromWorker =
  | ({ type: 'progress' } & JobProgress)
  | { type: 'write' }
  | { type: 'written' }
  | { type: 'done'; result: unknown }
  | { type: 'error'; code?: string; message: string };
