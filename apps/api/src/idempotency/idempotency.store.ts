import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { v5 as uuidV5 } from 'uuid';
import type { AppendIntent } from '../shared/decision-loop.js';

/** API.md: a key is scoped to the token's reseller and `sub`, the method and the path. */
export interface IdempotencyScope {
  /** '' for the operator, who acts for no reseller. */
  readonly resellerId: string;
  readonly actor: string;
  readonly method: string;
  readonly path: string;
  readonly key: string;
}

/** The first answer, kept as the exact bytes that were sent, so a replay is byte for byte the same. */
export interface StoredResponse {
  readonly status: number;
  readonly body: string;
}

export type Claim =
  | { readonly kind: 'claimed'; readonly intents: readonly AppendIntent[] }
  | { readonly kind: 'replay'; readonly response: StoredResponse }
  | { readonly kind: 'in-progress' }
  | { readonly kind: 'different-body' };

/** Keys are kept at least this long (API.md: at least 24 hours). */
const RETENTION_HOURS = 48;
/**
 * A claim whose request never answered (its process died) may be taken over after this long. The
 * retry that takes it over first looks for the events the first attempt may have appended (its
 * intents and the event ids derived from the key), so it never records the command twice.
 */
const ABANDONED_AFTER_SECONDS = 60;

// The old table stored responses as jsonb (which reorders keys) and had no reseller in its key.
export const IDEMPOTENCY_SCHEMA = `
DROP TABLE IF EXISTS idempotency_keys;
CREATE TABLE IF NOT EXISTS idempotent_requests (
  reseller_id text NOT NULL,
  actor text NOT NULL,
  method text NOT NULL,
  path text NOT NULL,
  key text NOT NULL,
  body_hash text NOT NULL,
  intents jsonb NOT NULL DEFAULT '[]',
  status integer,
  response text,
  claimed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (reseller_id, actor, method, path, key)
);
CREATE INDEX IF NOT EXISTS idempotent_requests_claimed_at ON idempotent_requests (claimed_at);
`;

const KEY_COLUMNS = 'reseller_id = $1 AND actor = $2 AND method = $3 AND path = $4 AND key = $5';
const keyOf = (scope: IdempotencyScope) => [
  scope.resellerId,
  scope.actor,
  scope.method,
  scope.path,
  scope.key,
];

export const bodyHash = (body: unknown): string =>
  createHash('sha256')
    .update(canonicalJson(body ?? {}))
    .digest('hex');

/** JSON with sorted keys, so the same body sent with its fields in another order is the same body. */
const canonicalJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
};

// Any fixed UUID: the namespace of the ledger's request-derived event ids (RFC 9562 name-based, v5).
const EVENT_ID_NAMESPACE = '4f3c1b8e-8a5e-4c1e-9d35-4f6d0a9b7c21';

/**
 * The event ids of a keyed request: the same key (in the same scope), stream and index always give
 * the same id, so an append the first attempt made is recognisable by its ids.
 */
export const requestEventId = (scope: IdempotencyScope, streamId: string, index: number): string =>
  uuidV5(JSON.stringify([...keyOf(scope), streamId, index]), EVENT_ID_NAMESPACE);

export class IdempotencyStore {
  constructor(
    private readonly pool: Pool,
    private readonly abandonedAfterSeconds = ABANDONED_AFTER_SECONDS,
  ) {}

  async migrate(): Promise<void> {
    await this.pool.query(IDEMPOTENCY_SCHEMA);
  }

  async claim(scope: IdempotencyScope, hash: string): Promise<Claim> {
    const claimed = await this.pool.query<{ intents: AppendIntent[] }>(
      `INSERT INTO idempotent_requests (reseller_id, actor, method, path, key, body_hash) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (reseller_id, actor, method, path, key) DO UPDATE
         SET claimed_at = now()
         WHERE idempotent_requests.status IS NULL
           AND idempotent_requests.claimed_at < now() - make_interval(secs => $7)
           AND idempotent_requests.body_hash = EXCLUDED.body_hash
       RETURNING intents`,
      [...keyOf(scope), hash, this.abandonedAfterSeconds],
    );
    const taken = claimed.rows[0];
    if (taken) return { kind: 'claimed', intents: taken.intents };
    const existing = await this.pool.query<{
      body_hash: string;
      status: number | null;
      response: string | null;
    }>(`SELECT body_hash, status, response FROM idempotent_requests WHERE ${KEY_COLUMNS}`, keyOf(scope));
    const row = existing.rows[0];
    if (!row) return this.claim(scope, hash);
    if (row.body_hash !== hash) return { kind: 'different-body' };
    if (row.status === null || row.response === null) return { kind: 'in-progress' };
    return { kind: 'replay', response: { status: row.status, body: row.response } };
  }

  /** Written before each append, so a retry after a crash knows where to look for its events. */
  async intend(scope: IdempotencyScope, intent: AppendIntent): Promise<void> {
    await this.pool.query(
      `UPDATE idempotent_requests
          SET intents = (SELECT coalesce(jsonb_agg(i), '[]') FROM jsonb_array_elements(intents) i WHERE i->>'streamId' <> $6) || $7::jsonb
        WHERE ${KEY_COLUMNS} AND status IS NULL`,
      [...keyOf(scope), intent.streamId, JSON.stringify([intent])],
    );
  }

  async complete(scope: IdempotencyScope, response: StoredResponse): Promise<void> {
    await this.pool.query(`UPDATE idempotent_requests SET status = $6, response = $7 WHERE ${KEY_COLUMNS}`, [
      ...keyOf(scope),
      response.status,
      response.body,
    ]);
  }

  /**
   * The request failed without an answer the client can rely on (a 5xx): the key may be retried at
   * once. Its intents stay, because the failure may have come after an append went through.
   */
  async abandon(scope: IdempotencyScope): Promise<void> {
    await this.pool.query(
      `UPDATE idempotent_requests SET claimed_at = now() - make_interval(secs => $6 + 1) WHERE ${KEY_COLUMNS} AND status IS NULL`,
      [...keyOf(scope), this.abandonedAfterSeconds],
    );
  }

  async purgeExpired(): Promise<number> {
    const result = await this.pool.query(
      'DELETE FROM idempotent_requests WHERE claimed_at < now() - make_interval(hours => $1)',
      [RETENTION_HOURS],
    );
    return result.rowCount ?? 0;
  }
}
