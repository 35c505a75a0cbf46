import type pg from 'pg';
import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
} from '../port/event-store.js';
import { validateAppend } from '../port/validate-append.js';
import { NotificationListener } from './notification-listener.js';
import { APPENDED_CHANNEL, GroupCommit } from './group-commit.js';
import { followAll } from './follow-all.js';
import { type MigrateOptions, runMigrations } from './migrations.js';
import { createPgPool } from './pg-pool.js';
import { headPosition, readAll } from './read-all.js';
import { readStream } from './read-stream.js';
import { Wakeup } from './wakeup.js';

export interface PostgresEventStoreOptions {
  /** LISTEN on a connection of its own with this config; false to rely on in-process wakes and polling. */
  readonly listen?: pg.ClientConfig | false;
  /** The polling fallback: how long a live subscriber sleeps when no wake-up comes. */
  readonly pollIntervalMs?: number;
  /** How many events a subscriber reads per query while catching up. */
  readonly batchSize?: number;
  /** Whether close() ends the pool (false when the pool is shared with other components). */
  readonly ownsPool?: boolean;
}

export interface ConnectPostgresOptions
  extends Omit<PostgresEventStoreOptions, 'listen' | 'ownsPool'>, MigrateOptions {
  readonly connectionString: string;
  readonly poolMax?: number;
  /** Defaults to true; the embedded engine has a single connection and cannot spare one. */
  readonly listen?: boolean;
}

export class PostgresEventStore implements EventStore {
  private readonly wakeup = new Wakeup();
  private readonly listener: NotificationListener | undefined;
  // Aborted by close(), so live subscriptions end instead of querying a closed pool.
  private readonly closing = new AbortController();
  // Subscription reads still running: close() lets them finish, because pg's pool strands a
  // query still connecting when the pool ends (in our tests its promise never settled).
  private readonly subscriptionReads = new Set<Promise<unknown>>();
  private readonly appends: GroupCommit;

  /** Uses `pool` as it is; call `PostgresEventStore.migrate(pool)` first. */
  constructor(
    private readonly pool: pg.Pool,
    private readonly options: PostgresEventStoreOptions = {},
  ) {
    this.appends = new GroupCommit(pool);
    const listen = options.listen ?? false;
    this.listener = listen === false ? undefined : new NotificationListener(listen, APPENDED_CHANNEL, () => this.wakeup.wake());
  }

  /** Creates the pool, runs the migrations and returns a store that owns the pool. */
  static async connect(options: ConnectPostgresOptions): Promise<PostgresEventStore> {
    const { connectionString, poolMax = 10, listen = true, appRole, ...rest } = options;
    const pool = createPgPool(connectionString, poolMax);
    try {
      await PostgresEventStore.migrate(pool, { appRole });
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresEventStore(pool, {
      ...rest,
      ownsPool: true,
      listen: listen ? { connectionString } : false,
    });
  }

  static migrate(pool: pg.Pool, options: MigrateOptions = {}): Promise<number[]> {
    return runMigrations(pool, options);
  }

  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    const valid = validateAppend(streamId, events, expectedRevision);
    const result = await this.appends.append(streamId, valid, expectedRevision);
    // Subscribers of this process need not wait for the NOTIFY round trip (or the poll, without it).
    this.wakeup.wake();
    return result;
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return readStream(this.pool, streamId, options);
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return readAll(this.pool, options);
  }

  subscribeToAll(options: SubscribeOptions = {}): AsyncIterable<RecordedEvent> {
    const { filter, signal } = options;
    const stop = signal === undefined ? this.closing.signal : AbortSignal.any([signal, this.closing.signal]);
    const readBatch = (after: number, maxCount: number) => {
      const read = this.readAll({ after, maxCount, ...(filter && { filter }) });
      this.subscriptionReads.add(read);
      return read.finally(() => this.subscriptionReads.delete(read));
    };
    return followAll(readBatch, this.wakeup, {
      after: options.after ?? 0,
      batchSize: this.options.batchSize ?? 500,
      pollIntervalMs: this.options.pollIntervalMs ?? 500,
      signal: stop,
      ...(this.listener && { beforeWait: () => this.listener?.ensureListening() }),
    });
  }

  headPosition(): Promise<number> {
    return headPosition(this.pool);
  }

  /** The position counter commits with the events and has no gaps (README "Ordering"): it counts them. */
  countEvents(after: number, upTo: number): number {
    return Math.max(upTo - after, 0);
  }

  async close(): Promise<void> {
    this.closing.abort();
    await this.listener?.close();
    await Promise.allSettled([...this.subscriptionReads]);
    if (this.options.ownsPool) await this.pool.end();
  }
}
