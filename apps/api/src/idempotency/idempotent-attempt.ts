import type { AppendIntent } from '../shared/decision-loop.js';
import type { KeyedRequest } from '../shared/request-context.js';
import { type IdempotencyScope, type IdempotencyStore, requestEventId } from './idempotency.store.js';

/**
 * One attempt at a keyed request. Its events get ids derived from the key, and each append is
 * announced on the key's row before it is made; so when an earlier attempt died after appending,
 * this one finds those events (where the announcement says, with the ids the key gives) and
 * answers from them instead of recording the command again.
 */
export class IdempotentAttempt implements KeyedRequest {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly scope: IdempotencyScope,
    /** What earlier attempts of this key announced; empty on a first attempt. */
    readonly earlierAppends: readonly AppendIntent[],
  ) {}

  eventId(streamId: string, index: number): string {
    return requestEventId(this.scope, streamId, index);
  }

  earlierAppend(streamId: string): AppendIntent | undefined {
    return this.earlierAppends.find((intent) => intent.streamId === streamId);
  }

  intend(intent: AppendIntent): Promise<void> {
    return this.store.intend(this.scope, intent);
  }
}
