import pg from 'pg';
import { APPENDED_CHANNEL } from './append-to-stream.js';

/**
 * One LISTEN connection per store, outside the pool (a pooled connection would be handed to
 * other queries). Losing it only costs latency: subscribers still poll, and the next wait
 * reconnects.
 */
export class AppendListener {
  private client: pg.Client | undefined;
  private closed = false;

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly onAppended: () => void,
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
    client.on('notification', () => this.onAppended());
    client
      .connect()
      .then(() => client.query(`LISTEN ${APPENDED_CHANNEL}`))
      // Anything appended while we were not listening is found by the next read anyway.
      .then(() => this.onAppended())
      .catch(drop);
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}
