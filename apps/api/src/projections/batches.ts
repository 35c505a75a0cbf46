const NOT_YET = Symbol('not yet');

const nextTurn = (): Promise<typeof NOT_YET> => new Promise((resolve) => setImmediate(() => resolve(NOT_YET)));

/**
 * Groups what an async iterable has already delivered into arrays of at most `maxSize`: a batch
 * ends when it is full or when the next item is not ready by the next turn of the event loop (the
 * source is waiting for new events). So a catch-up goes in full batches and a live event goes alone.
 */
export async function* inBatches<T>(source: AsyncIterable<T>, maxSize: number): AsyncGenerator<T[], void, undefined> {
  const iterator = source[Symbol.asyncIterator]();
  let pending = iterator.next();
  for (;;) {
    const first = await pending;
    if (first.done) return;
    const batch = [first.value];
    pending = iterator.next();
    while (batch.length < maxSize) {
      const next = await Promise.race([pending, nextTurn()]);
      if (next === NOT_YET) break;
      if (next.done) {
        yield batch;
        return;
      }
      batch.push(next.value);
      pending = iterator.next();
    }
    yield batch;
  }
}
