import { hash } from 'node:crypto';
import type { JsonObject } from '@ledger/event-store';

/**
 * What an audit row's hash covers: the event as it was recorded. The other columns (actor, summary,
 * ...) are read out of these, so a rebuild by a later version that words a summary differently
 * still reproduces every hash.
 */
export interface AuditContent {
  readonly position: number;
  readonly streamId: string;
  readonly type: string;
  /** ISO 8601; hashed as `Date#toISOString` gives it, the millisecond precision a timestamptz column hands back to Node. */
  readonly occurredAt: string;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
}

/**
 * JSON with every object's keys sorted (by UTF-16 code units) and no whitespace: RFC 8785 (JCS) for
 * the values JSON can hold. jsonb keeps no key order, so the text a row was hashed from must not
 * depend on it: the projector hashes the event as the store hands it over, `verify` the row as
 * PostgreSQL hands it back, and both give the same text.
 */
export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value))
      throw new TypeError(`${value} has no JSON form`);
    return JSON.stringify(value);
  }
  // Plain loops and concatenation: this runs for every event the audit log projects.
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i++) text += (i === 0 ? '' : ',') + canonicalJson(value[i]);
    return `${text}]`;
  }
  const object = value as Record<string, unknown>;
  // The default sort compares UTF-16 code units.
  const keys = Object.keys(object).sort();
  let text = '{';
  for (const key of keys) {
    const item = object[key];
    if (item === undefined) continue;
    text += `${text.length === 1 ? '' : ','}${JSON.stringify(key)}:${canonicalJson(item)}`;
  }
  return `${text}}`;
};

/**
 * A row's hash: SHA-256 (hex) of the previous row's hash in the same stream (null for a stream's
 * first row) and the event's canonical content. Each row pins its predecessor, so editing a row
 * breaks its own hash and deleting one breaks its successor's. The chain runs per stream, not over
 * the whole log, so that whoever may read a stream can check it without reading, or learning
 * anything of, another tenant's rows in between (projections/README.md).
 */
export const auditHash = (previous: string | null, content: AuditContent): string =>
  hash(
    'sha256',
    canonicalJson({
      previous,
      position: content.position,
      streamId: content.streamId,
      type: content.type,
      occurredAt: new Date(content.occurredAt).toISOString(),
      data: content.data,
      metadata: content.metadata,
    }),
  );
