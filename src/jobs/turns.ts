/**
 * Who may write to the project now. The main thread's calls write in short synchronous
 * transactions and may overlap one another (an import may be parsing while a coding is saved);
 * a worker job writes alone. A worker waits for the main calls already under way, and main
 * calls that arrive meanwhile wait (without blocking the thread) until the worker has committed.
 */
export class WriteTurns {
  private mainInFlight = 0;
  private workerTurn: Promise<void> | null = null;
  private drained: (() => void) | null = null;

  /** Runs a main-thread mutating call, after any worker write under way. */
  async main<T>(fn: () => Promise<T>): Promise<T> {
    while (this.workerTurn) await this.workerTurn;
    this.mainInFlight++;
    try {
      return await fn();
    } finally {
      if (--this.mainInFlight === 0 && this.drained) {
        this.drained();
        this.drained = null;
      }
    }
  }

  /** Resolves when a worker may write; it calls the returned function once it has committed (or failed). */
  async worker(): Promise<() => void> {
    while (this.workerTurn) await this.workerTurn;
    let release!: () => void;
    this.workerTurn = new Promise<void>((r) => {
      release = r;
    });
    if (this.mainInFlight > 0)
      await new Promise<void>((r) => {
        this.drained = r;
      });
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.workerTurn = null;
      release();
    };
  }

  /** True while a worker job holds (or waits for) the write turn. */
  get workerWriting(): boolean {
    return this.workerTurn !== null;
  }
}
