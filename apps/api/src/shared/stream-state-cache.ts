/**
 * The folded state of recently used streams, so a command reads only the events recorded since
 * the last fold instead of the whole stream (a customer's stream, or `order-numbers`, grows for
 * ever). States are immutable values, so sharing one between concurrent commands is safe, and the
 * store is always asked for newer events, so writes of other processes are never missed.
 */
export interface CachedState<S> {
  readonly state: S;
  readonly revision: number;
  readonly position: number;
}

export class StreamStateCache {
  /** One map per decider: a stream is only ever folded by one, but the key keeps them apart anyway. */
  private readonly byDecider = new WeakMap<object, Map<string, CachedState<unknown>>>();
  private readonly order: { decider: object; streamId: string }[] = [];

  constructor(private readonly capacity = 5_000) {}

  get<S>(decider: object, streamId: string): CachedState<S> | undefined {
    return this.byDecider.get(decider)?.get(streamId) as CachedState<S> | undefined;
  }

  set<S>(decider: object, streamId: string, entry: CachedState<S>): void {
    let streams = this.byDecider.get(decider);
    if (!streams) this.byDecider.set(decider, (streams = new Map()));
    const current = streams.get(streamId);
    // Concurrent commands may finish out of order: never replace a fold with an older one.
    if (current && current.revision >= entry.revision) return;
    if (!current) this.order.push({ decider, streamId });
    streams.set(streamId, entry);
    if (this.order.length > this.capacity) {
      const oldest = this.order.shift();
      if (oldest) this.byDecider.get(oldest.decider)?.delete(oldest.streamId);
    }
  }
}
