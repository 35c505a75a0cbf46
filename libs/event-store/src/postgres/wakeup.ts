/**
 * Wakes waiting subscribers when new events may be readable. Waiters pass the generation they
 * saw before reading, so a wake that lands between their read and their wait is not lost.
 */
export class Wakeup {
  private current = 0;
  private readonly waiters = new Set<() => void>();

  get generation(): number {
    return this.current;
  }

  wake(): void {
    this.current += 1;
    for (const resolve of this.waiters) resolve();
    this.waiters.clear();
  }

  /** Resolves on a wake after `seen`, after `timeoutMs` (the polling fallback), or on abort. */
  wait(seen: number, timeoutMs: number, signal: AbortSignal): Promise<void> {
    if (this.current !== seen || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      signal.addEventListener('abort', done, { once: true });
      this.waiters.add(done);
    });
  }
}
