import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  type Command,
  type CommandMetadata,
  type Decider,
  fold,
  type LedgerEvent,
  readRecorded,
  toEnvelope,
} from '@ledger/domain';
import { type EventStore, type JsonObject, type RecordedEvent, ConcurrencyConflictError } from '@ledger/event-store';
import { EVENT_STORE } from '../store/store.tokens.js';
import { Clock } from './clock.js';
import { CommandMetrics, NO_COMMAND_METRICS } from './command-metrics.js';
import { KeyedQueue } from './keyed-queue.js';
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

/** An append a request is about to make: where its events would go, so a retry can look for them. */
export interface AppendIntent {
  readonly streamId: string;
  /** The revision its first event takes if the append goes through. */
  readonly fromRevision: number;
  readonly count: number;
}

/**
 * A request with an Idempotency-Key: its event ids are derived from the key, and each append is
 * announced before it is made, so a retry after a crash can find what an earlier attempt recorded.
 */
export interface IdempotentRequest {
  eventId(streamId: string, index: number): string;
  earlierAppend(streamId: string): AppendIntent | undefined;
  intend(intent: AppendIntent): Promise<void>;
}

export interface RunOptions<S> {
  /**
   * Sees the loaded state before the decision (and again on every retry): it throws when the caller
   * may not see or touch this stream, so a forbidden command decides nothing.
   */
  readonly authorize?: (state: S) => Promise<unknown>;
  readonly idempotent?: IdempotentRequest;
}

/** Folds stored events, read at their schema version, onto `from` with the domain's fold (linear in the events; `from` is left as it was). */
const foldRecorded = <E extends LedgerEvent, S>(
  decider: Pick<Decider<never, E, S>, 'evolve' | 'initialState' | 'evolveAll'>,
  events: readonly RecordedEvent[],
  from: S,
): S => fold(decider, events.map((event) => readRecorded(event) as E), from);

/**
 * The load -> decide -> append loop, written once. Commands on one stream take turns in this
 * process, so a concurrency conflict means another process changed the stream in between:
 * re-decide on the fresh state, which either succeeds or now breaks a rule (that error is
 * returned, never retried away).
 */
@Injectable()
export class DecisionLoop {
  private readonly cache = new StreamStateCache();
  private readonly streams = new KeyedQueue();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
    @Optional() private readonly metrics: CommandMetrics = NO_COMMAND_METRICS,
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

  async load<E extends LedgerEvent, S>(
    streamId: string,
    decider: Pick<Decider<never, E, S>, 'evolve' | 'initialState' | 'evolveAll'>,
  ): Promise<Loaded<S>> {
    const cached = this.cache.get<S>(decider, streamId);
    const recorded = await this.store.readStream(
      streamId,
      cached ? { fromRevision: cached.revision + 1 } : {},
    );
    const state = foldRecorded(decider, recorded, cached ? cached.state : decider.initialState());
    const last = recorded.at(-1);
    if (last) this.cache.set(decider, streamId, { state, revision: last.revision, position: last.position });
    return {
      state,
      revision: last?.revision ?? cached?.revision,
      position: last?.position ?? cached?.position ?? 0,
    };
  }

  run<C extends Command, E extends LedgerEvent, S>(
    streamId: string,
    decider: Decider<C, E, S>,
    command: C,
    options: RunOptions<S> = {},
  ): Promise<Decision<E, S>> {
    // One command per stream at a time in this process: see KeyedQueue.
    return this.streams.run(streamId, () =>
      this.metrics.command(command.type, () => this.decideAndAppend(streamId, decider, command, options)),
    );
  }

  private async decideAndAppend<C extends Command, E extends LedgerEvent, S>(
    streamId: string,
    decider: Decider<C, E, S>,
    command: C,
    { authorize = async () => undefined, idempotent }: RunOptions<S>,
  ): Promise<Decision<E, S>> {
    const earlier = idempotent?.earlierAppend(streamId);
    const recalled =
      earlier && idempotent ? await this.recall(streamId, decider, earlier, idempotent) : undefined;
    if (recalled) {
      await authorize(recalled.before);
      return recalled.decision;
    }
    for (let attempt = 1; ; attempt++) {
      const loaded = await this.load(streamId, decider);
      await authorize(loaded.state);
      const events = decider.decide(command, loaded.state);
      if (events.length === 0) return { ...loaded, events };
      try {
        const newEvents = events.map((event, index) => {
          const envelope = toEnvelope(event, command.metadata);
          const id = idempotent ? idempotent.eventId(streamId, index) : randomUUID();
          return {
            id,
            type: envelope.type,
            data: envelope.data as unknown as JsonObject,
            metadata: { ...envelope.metadata },
          };
        });
        const fromRevision = (loaded.revision ?? -1) + 1;
        await idempotent?.intend({ streamId, fromRevision, count: events.length });
        const result = await this.metrics.append(newEvents.length, () =>
          this.store.appendToStream(streamId, newEvents, loaded.revision ?? 'no-stream'),
        );
        const state = fold(decider, events, loaded.state);
        this.cache.set(decider, streamId, {
          state,
          revision: result.nextRevision,
          position: result.position,
        });
        return { state, revision: result.nextRevision, position: result.position, events };
      } catch (error) {
        if (!(error instanceof ConcurrencyConflictError) || attempt >= MAX_ATTEMPTS) throw error;
        // Jitter spreads the retries of a burst so they do not collide again in lockstep.
        await sleep(Math.random() * 5 * attempt);
      }
    }
  }

  /**
   * The decision an earlier attempt of the same keyed request recorded, if it did: the events at the
   * announced revisions carry the ids the key gives. Folded from the start, so the state is exactly
   * the one right after them (a crash retry is rare; correctness beats speed here).
   */
  private async recall<E extends LedgerEvent, S>(
    streamId: string,
    decider: Pick<Decider<never, E, S>, 'evolve' | 'initialState' | 'evolveAll'>,
    { fromRevision, count }: AppendIntent,
    idempotent: IdempotentRequest,
  ): Promise<{ decision: Decision<E, S>; before: S } | undefined> {
    const recorded = await this.store.readStream(streamId, { maxCount: fromRevision + count });
    const mine = recorded.slice(fromRevision);
    if (
      mine.length !== count ||
      mine.some((event, index) => event.id !== idempotent.eventId(streamId, index))
    )
      return undefined;
    const before = foldRecorded(decider, recorded.slice(0, fromRevision), decider.initialState());
    const last = mine.at(-1)!;
    const decision = {
      state: foldRecorded(decider, mine, before),
      revision: last.revision,
      position: last.position,
      events: mine.map((event) => readRecorded(event) as E),
    };
    return { decision, before };
  }
}
