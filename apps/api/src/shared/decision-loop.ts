import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import { Command, CommandMetadata, Decider, LedgerEvent, readRecorded, toEnvelope } from '@ledger/domain';
import { type EventStore, JsonObject, WrongExpectedRevisionError } from '@ledger/event-store';
import { EVENT_STORE } from '../store/store.tokens.js';
import { Clock } from './clock.js';
import { StreamStateCache } from './stream-state-cache.js';
import type { RequestContext } from './request-context.js';

/** Enough for a burst of writers on one customer; beyond it the client gets a 409 and may retry. */
const MAX_ATTEMPTS = 12;

export interface Loaded<S> {
  readonly state: S;
  /** Revision of the stream's last event; undefined when the stream does not exist. */
  readonly revision: number | undefined;
  /** Global position of the stream's last event (0 for none). */
  readonly position: number;
}

export interface Decision<E, S> extends Loaded<S> {
  /** What this command recorded; empty when it changed nothing (e.g. a second final confirm). */
  readonly events: readonly E[];
}

/**
 * The load -> decide -> append loop, written once. A concurrency conflict means another command
 * changed the stream in between: re-decide on the fresh state, which either succeeds or now breaks
 * a rule (that error is returned, never retried away).
 */
@Injectable()
export class DecisionLoop {
  private readonly cache = new StreamStateCache();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  metadata(context: RequestContext): CommandMetadata {
    return {
      actor: context.principal.actor,
      role: context.principal.role,
      now: this.clock.now().toISOString(),
      correlationId: context.correlationId,
      causationId: context.causationId,
    };
  }

  async load<E extends LedgerEvent, S>(streamId: string, decider: Pick<Decider<never, E, S>, 'evolve' | 'initialState'>): Promise<Loaded<S>> {
    const cached = this.cache.get<S>(decider, streamId);
    const recorded = await this.store.readStream(streamId, cached ? { fromRevision: cached.revision + 1 } : {});
    const state = recorded.reduce(
      (current, event) => decider.evolve(current, readRecorded(event) as E),
      cached ? cached.state : decider.initialState(),
    );
    const last = recorded.at(-1);
    if (last) this.cache.set(decider, streamId, { state, revision: last.revision, position: last.position });
    return { state, revision: last?.revision ?? cached?.revision, position: last?.position ?? cached?.position ?? 0 };
  }

  /**
   * `authorize` sees the loaded state before the decision (and again on every retry): it throws
   * when the caller may not see or touch this stream, so a forbidden command decides nothing.
   */
  async run<C extends Command, E extends LedgerEvent, S>(
    streamId: string,
    decider: Decider<C, E, S>,
    command: C,
    authorize: (state: S) => Promise<unknown> = async () => undefined,
  ): Promise<Decision<E, S>> {
    for (let attempt = 1; ; attempt++) {
      const loaded = await this.load(streamId, decider);
      await authorize(loaded.state);
      const events = decider.decide(command, loaded.state);
      if (events.length === 0) return { ...loaded, events };
      try {
        const newEvents = events.map((event) => {
          const envelope = toEnvelope(event, command.metadata);
          return { id: randomUUID(), type: envelope.type, data: envelope.data as unknown as JsonObject, metadata: { ...envelope.metadata } };
        });
        const result = await this.store.appendToStream(streamId, newEvents, loaded.revision ?? 'no-stream');
        const state = events.reduce(decider.evolve, loaded.state);
        this.cache.set(decider, streamId, { state, revision: result.nextRevision, position: result.position });
        return { state, revision: result.nextRevision, position: result.position, events };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError) || attempt >= MAX_ATTEMPTS) throw error;
        // Jitter spreads the retries of a burst so they do not collide again in lockstep.
        await sleep(Math.random() * 5 * attempt);
      }
    }
  }
}
