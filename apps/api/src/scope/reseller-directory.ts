import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@ledger/event-store';
import { EVENT_STORE } from '../store/store.tokens.js';

interface ResellerRegisteredData {
  resellerId: string;
  parentResellerId: string | null;
}

/**
 * The reseller tree, kept in memory and caught up from the store on each question: resellers are
 * few and only ever added, so reading the new ResellerRegistered events since the last look is cheap.
 */
@Injectable()
export class ResellerDirectory {
  private readonly parents = new Map<string, string | null>();
  private position = 0;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** True when `resellerId` is `scopeResellerId` itself or one of its registered descendants. */
  async isWithin(scopeResellerId: string, resellerId: string): Promise<boolean> {
    // A reseller's parent never changes once registered, so a "yes" from what is known is final;
    // only a "no" may be out of date.
    if (this.knownWithin(scopeResellerId, resellerId)) return true;
    await this.catchUp();
    return this.knownWithin(scopeResellerId, resellerId);
  }

  async exists(resellerId: string): Promise<boolean> {
    if (this.parents.has(resellerId)) return true;
    await this.catchUp();
    return this.parents.has(resellerId);
  }

  private knownWithin(scopeResellerId: string, resellerId: string): boolean {
    if (!this.parents.has(scopeResellerId)) return false;
    const seen = new Set<string>();
    for (
      let current: string | null | undefined = resellerId;
      current != null && !seen.has(current);
      current = this.parents.get(current)
    ) {
      if (current === scopeResellerId) return this.parents.has(resellerId);
      seen.add(current);
    }
    return false;
  }

  private async catchUp(): Promise<void> {
    // Every event at or below the head read first is already readable, so the next look can start
    // there instead of re-scanning the non-reseller events after the last reseller.
    const head = await this.store.headPosition();
    for (;;) {
      const events = await this.store.readAll({
        after: this.position,
        maxCount: 1000,
        filter: { eventTypes: ['ResellerRegistered'] },
      });
      for (const event of events) {
        const data = event.data as unknown as ResellerRegisteredData;
        this.parents.set(data.resellerId, data.parentResellerId);
        this.position = event.position;
      }
      if (events.length < 1000) {
        this.position = Math.max(this.position, head);
        return;
      }
    }
  }
}
