const NOT_YET = Symbol('not yet');

const notYetAfter = (lingerMs: number): Promise<typeof NOT_YET> =>
  new Promise((resolve) => (lingerMs > 0 ? setTimeout(() => resolve(NOT_YET), lingerMs).unref() : setImmediate(() => resolve(NOT_YET))));

/**
 * Groups what an async iterable delivers into arrays of at most `maxSize`: a batch ends when it is
 * full or when the next item is not ready within `lingerMs` (0: by the next turn of the event loop),
 * i.e. the source is waiting for new events. A catch-up goes in full batches (lingering long enough
 * for the source's next read), a live event goes alone after at most `lingerMs`.
 */
export async function* inBatches<T>(source: AsyncIterable<T>, maxSize: number, lingerMs = 0): AsyncGenerator<T[], void, undefined> {
  const iterator = source[Symbol.asyncIterator]();
  let pending = iterator.next();
  for (;;) {
    const first = await pending;
    if (first.done) return;
    const batch = [first.value];
    pending = iterator.next();
    while (batch.length < maxSize) {
      // Most items are already there (the source yields a read's events in a row): check that cheaply first.
      let next = await Promise.race([pending, notYetAfter(0)]);
      if (next === NOT_YET && lingerMs > 0) next = await Promise.race([pending, notYetAfter(lingerMs)]);
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
