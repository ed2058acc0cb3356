import { expect } from 'vitest';

/** Runs fn, expects it to refuse the input as an import failure, and returns the message. */
export function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect((error as { code?: string }).code).toBe('import_failed');
    return (error as Error).message;
  }
  throw new Error('expected the input to be refused');
}
