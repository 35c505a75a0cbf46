import { afterAll, beforeAll, describe } from 'vitest';
import type { EventStore } from '../port/event-store.js';
import { appendContract } from './append.contract.js';
import type { ContractSubject } from './fixtures.js';
import { readContract } from './read.contract.js';
import { subscribeContract } from './subscribe.contract.js';

export { POSTGRES_SEMANTICS, type AdapterSemantics, type ContractSubject } from './fixtures.js';

/**
 * The behaviour every EventStore adapter must have. Each adapter's `*.int.spec.ts` calls this
 * with a way to create its store; one store serves the whole suite, each test on its own streams.
 */
export function eventStoreContract(
  name: string,
  subject: ContractSubject,
  options: { skip?: boolean } = {},
): void {
  describe.skipIf(options.skip ?? false)(`EventStore contract: ${name}`, () => {
    let store: EventStore | undefined;
    const current = (): EventStore => {
      if (store === undefined) throw new Error('the store is not created yet');
      return store;
    };
    beforeAll(async () => {
      store = await subject.create();
    }, 60_000);
    afterAll(async () => {
      await store?.close();
    });

    appendContract(current, subject.semantics);
    readContract(current, subject.semantics);
    subscribeContract(current, subject.concurrencyRounds);
  });
}
