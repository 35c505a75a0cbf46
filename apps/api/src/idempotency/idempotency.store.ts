import { createHash } from 'node:crypto';
import type { Pool } from 'pg';

export interface IdempotencyScope {
  readonly actor: string;
  readonly method: string;
  readonly path: string;
  readonly key: string;
}

export interface StoredResponse {
  readonly status: number;
  readonly body: unknown;
}

export type Claim =
  | { readonly kind: 'claimed' }
  | { readonly kind: 'replay'; readonly response: StoredResponse }
  | { readonly kind: 'in-progress' }
  | { readonly kind: 'different-body' };

/** Keys are kept at least this long (API.md: at least 24 hours). */
const RETENTION_HOURS = 48;
/**
 * A claim whose request never finished (the process died) may be taken over after this long, so a
 * key is not blocked for good. The window in which that can repeat a command is the crash itself.
 */
const ABANDONED_AFTER_SECONDS = 60;

export const IDEMPOTENCY_SCHEMA = `
CREATE TABLE IF NOT EXISTS idempotency_keys (
  actor text NOT NULL,
  method text NOT NULL,
  path text NOT NULL,
  key text NOT NULL,
  body_hash text NOT NULL,
  status integer,
  response jsonb,
  claimed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (actor, method, path, key)
);
CREATE INDEX IF NOT EXISTS idempotency_keys_claimed_at ON idempotency_keys (claimed_at);
`;

export const bodyHash = (body: unknown): string => createHash('sha256').update(canonicalJson(body ?? {})).digest('hex');

/** JSON with sorted keys, so the same body sent with its fields in another order is the same body. */
const canonicalJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
};

export class IdempotencyStore {
  constructor(private readonly pool: Pool) {}

  async migrate(): Promise<void> {
    await this.pool.query(IDEMPOTENCY_SCHEMA);
  }

  async claim(scope: IdempotencyScope, hash: string): Promise<Claim> {
    const { actor, method, path, key } = scope;
    const inserted = await this.pool.query(
      `INSERT INTO idempotency_keys (actor, method, path, key, body_hash) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (actor, method, path, key) DO UPDATE
         SET body_hash = EXCLUDED.body_hash, claimed_at = now()
         WHERE idempotency_keys.status IS NULL
           AND idempotency_keys.claimed_at < now() - make_interval(secs => $6)
           AND idempotency_keys.body_hash = EXCLUDED.body_hash
       RETURNING 1`,
      [actor, method, path, key, hash, ABANDONED_AFTER_SECONDS],
    );
    if (inserted.rowCount === 1) return { kind: 'claimed' };
    const existing = await this.pool.query<{ body_hash: string; status: number | null; response: unknown }>(
      'SELECT body_hash, status, response FROM idempotency_keys WHERE actor = $1 AND method = $2 AND path = $3 AND key = $4',
      [actor, method, path, key],
    );
    const row = existing.rows[0];
    if (!row) return this.claim(scope, hash);
    if (row.body_hash !== hash) return { kind: 'different-body' };
    if (row.status === null) return { kind: 'in-progress' };
    return { kind: 'replay', response: { status: row.status, body: row.response } };
  }

  async complete(scope: IdempotencyScope, response: StoredResponse): Promise<void> {
    await this.pool.query(
      'UPDATE idempotency_keys SET status = $5, response = $6 WHERE actor = $1 AND method = $2 AND path = $3 AND key = $4',
      [scope.actor, scope.method, scope.path, scope.key, response.status, JSON.stringify(response.body)],
    );
  }

  /** A request that failed before deciding anything (e.g. the store was down) leaves the key free again. */
  async release(scope: IdempotencyScope): Promise<void> {
    await this.pool.query(
      'DELETE FROM idempotency_keys WHERE actor = $1 AND method = $2 AND path = $3 AND key = $4 AND status IS NULL',
      [scope.actor, scope.method, scope.path, scope.key],
    );
  }

  async purgeExpired(): Promise<number> {
    const result = await this.pool.query('DELETE FROM idempotency_keys WHERE claimed_at < now() - make_interval(hours => $1)', [
      RETENTION_HOURS,
    ]);
    return result.rowCount ?? 0;
  }
}
