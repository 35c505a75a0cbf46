import { hostname } from 'node:os';
import pg from 'pg';

// The first key of the two-key advisory locks: the ledger's projections' namespace.
const LEASE_NAMESPACE = 7_301_443;

/**
 * Which projections this process applies: at most one process per projection, across machines,
 * each holding a PostgreSQL session advisory lock per projection on a connection of its own. When
 * the holder dies its connection ends and the locks with it; a standby takes them at its next try.
 * Exactly-once does not rest on this (the checkpoint row lock does): the leases keep standbys from
 * doing the work twice and the processes from tripping over each other's checkpoints.
 */
export class ProjectionLeases {
  private client: pg.Client | undefined;
  private readonly held = new Set<string>();

  constructor(
    private readonly connectionString: string,
    /** Shown as the lease connection's application_name, so an operator sees who holds what. */
    readonly owner = `ledger-projector ${hostname()} ${process.pid}`,
  ) {}

  holds(name: string): boolean {
    return this.held.has(name);
  }

  /** Tries to take the leases of `names` not held yet; true when it took at least one. */
  async acquire(names: readonly string[]): Promise<boolean> {
    const client = await this.connection();
    let gained = false;
    for (const name of names.filter((n) => !this.held.has(n))) {
      const taken = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok', [LEASE_NAMESPACE, name]);
      if (taken.rows[0]?.ok) {
        this.held.add(name);
        gained = true;
      }
    }
    return gained;
  }

  async close(): Promise<void> {
    const client = this.client;
    this.lost(client);
    await client?.end().catch(() => undefined);
  }

  private async connection(): Promise<pg.Client> {
    if (this.client) return this.client;
    const client = new pg.Client({ connectionString: this.connectionString, application_name: this.owner });
    // Its session is the leases: once it ends, they are gone, whatever this process still believes.
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    await client.connect();
    this.client = client;
    return client;
  }

  private lost(client: pg.Client | undefined): void {
    if (client === undefined || this.client !== client) return;
    this.client = undefined;
    this.held.clear();
  }
}
