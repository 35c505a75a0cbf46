import { Injectable } from '@nestjs/common';
import type { CustomerAccount } from '@ledger/domain';

/** A prefix of a customer stream, folded: the state after `revision`, and the latest time among its events. */
export interface FoldedPrefix {
  readonly state: CustomerAccount;
  /** Revision of the last event folded (-1 for none). */
  readonly revision: number;
  /** Global position of the last event folded (0 for none). */
  readonly position: number;
  /** The latest occurredAt (epoch ms) of the events folded: the prefix serves any moment at or after it. */
  readonly latest: number;
}

/** Streams kept, least recently used first out, and prefixes kept per stream (a page of events apart). */
const STREAMS = 64;
const PER_STREAM = 64;

/**
 * Folded prefixes of the customer streams that as-of reads asked for, so a later as-of of the same
 * customer starts from the nearest one before its moment and reads at most a page of events before
 * it (an auditor stepping through a customer's history). Valid for ever: recorded events are never
 * changed or removed, so the state after a revision never changes. Held per app, never per process,
 * so two ledgers in one process (tests) never share one.
 */
@Injectable()
export class AsOfCheckpoints {
  private readonly streams = new Map<string, FoldedPrefix[]>();

  /** The longest prefix whose events all happened at or before `at` (a longer prefix never has an earlier latest). */
  nearest(streamId: string, at: number): FoldedPrefix | undefined {
    const prefixes = this.streams.get(streamId);
    if (!prefixes) return undefined;
    this.streams.delete(streamId);
    this.streams.set(streamId, prefixes);
    return prefixes.findLast((prefix) => prefix.latest <= at);
  }

  /** Keeps a prefix ending on a page boundary, read and folded in full. */
  keep(streamId: string, prefix: FoldedPrefix): void {
    const prefixes = this.streams.get(streamId) ?? [];
    if (prefixes.length >= PER_STREAM || prefixes.some((kept) => kept.revision === prefix.revision)) return;
    this.streams.delete(streamId);
    this.streams.set(
      streamId,
      [...prefixes, prefix].sort((a, b) => a.revision - b.revision),
    );
    const oldest = this.streams.keys().next();
    if (this.streams.size > STREAMS && !oldest.done) this.streams.delete(oldest.value);
  }
}
