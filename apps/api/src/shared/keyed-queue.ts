/**
 * Runs tasks one after another per key and side by side across keys. The decision loop queues each
 * command on its stream: two commands of this process on one stream would otherwise both decide on
 * the same revision and one would lose the append (a conflict this process caused itself). Only
 * other processes can conflict now, and those are retried.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key);
    // A failed task must not stop the ones queued behind it: they wait for it to settle, not to succeed.
    const result = previous === undefined ? task() : previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Keys with a task running or queued (what the tests and a health view may look at). */
  get size(): number {
    return this.tails.size;
  }
}
