import pg from 'pg';

/**
 * One LISTEN connection per channel and process, outside the pool (a pooled connection would be
 * handed to other queries). Losing it only costs latency: waiters still poll, and the next wait
 * reconnects. Used for appended events (the store's subscribers) and committed checkpoints (reads
 * waiting for `minPosition`).
 */
export class NotificationListener {
  private client: pg.Client | undefined;
  private closed = false;

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly channel: string,
    private readonly onNotified: () => void,
  ) {}

  ensureListening(): void {
    if (this.client !== undefined || this.closed) return;
    const client = new pg.Client(this.config);
    this.client = client;
    const drop = () => {
      if (this.client === client) this.client = undefined;
      void client.end().catch(() => undefined);
    };
    client.on('error', drop);
    client.on('notification', () => this.onNotified());
    client
      .connect()
      .then(() => client.query(`LISTEN ${this.channel}`))
      // Anything notified while we were not listening is found by the next look anyway.
      .then(() => this.onNotified())
      .catch(drop);
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}
