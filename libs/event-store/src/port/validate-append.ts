import { InvalidAppendError } from './errors.js';
import type { ExpectedRevision, NewEvent } from './event-store.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks an append before any adapter touches its database, so every adapter rejects the same
 * input with the same reason and records nothing. Returns the events with ids in lower case,
 * the form PostgreSQL and EventStoreDB both give back.
 */
export function validateAppend(
  streamId: string,
  events: readonly NewEvent[],
  expectedRevision: ExpectedRevision,
): NewEvent[] {
  const fail = (reason: ConstructorParameters<typeof InvalidAppendError>[1], detail: string) =>
    new InvalidAppendError(String(streamId), reason, detail);
  if (typeof streamId !== 'string' || streamId.trim() === '')
    throw fail('empty-stream-id', 'the stream id is empty');
  // EventStoreDB reserves `$` for its system streams; refusing it everywhere keeps the adapters alike.
  if (streamId.startsWith('$')) throw fail('reserved-stream-id', 'stream ids starting with "$" are reserved');
  if (!isExpectedRevision(expectedRevision)) {
    throw fail(
      'unknown-expected-revision',
      `expected revision ${describe(expectedRevision)} is not 'no-stream', 'stream-exists', 'any' or a revision >= 0`,
    );
  }
  if (!Array.isArray(events) || events.length === 0) throw fail('no-events', 'there are no events to append');
  const seen = new Set<string>();
  return events.map((event, index) => {
    const at = `event ${index}`;
    if (typeof event.id !== 'string' || !UUID.test(event.id)) {
      throw fail('bad-event-id', `${at} has id ${describe(event.id)}, which is not a UUID`);
    }
    const id = event.id.toLowerCase();
    if (seen.has(id)) throw fail('duplicate-event-id', `${at} repeats the id ${id} of an earlier event`);
    seen.add(id);
    if (typeof event.type !== 'string' || event.type.trim() === '')
      throw fail('bad-event-type', `${at} has no type`);
    for (const part of ['data', 'metadata'] as const) {
      const problem = jsonProblem(event[part], part);
      if (problem !== undefined) throw fail('not-json', `${at} (${event.type}): ${problem}`);
    }
    return { id, type: event.type, data: event.data, metadata: event.metadata };
  });
}

function isExpectedRevision(value: unknown): value is ExpectedRevision {
  if (value === 'no-stream' || value === 'stream-exists' || value === 'any') return true;
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/**
 * Why `value` would not survive a JSON round trip unchanged, or undefined when it would. Stricter
 * than JSON.stringify, which silently drops undefined, turns NaN into null and Dates into strings.
 * The root must be an object, as the port's JsonObject says.
 */
export function jsonProblem(value: unknown, path: string, ancestors: object[] = []): string | undefined {
  if (value === null || typeof value === 'boolean')
    return ancestors.length === 0 ? `${path} is not an object` : undefined;
  if (typeof value === 'string') {
    // PostgreSQL's jsonb cannot hold U+0000; EventStoreDB could, but the adapters must agree.
    if (value.includes('\u0000')) return `${path} contains the character U+0000`;
    return ancestors.length === 0 ? `${path} is not an object` : undefined;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return `${path} is ${value}, which JSON cannot hold`;
    return ancestors.length === 0 ? `${path} is not an object` : undefined;
  }
  if (typeof value !== 'object') return `${path} is a ${typeof value}, which JSON cannot hold`;
  if (ancestors.includes(value)) return `${path} refers back to itself (circular)`;
  if (Array.isArray(value)) {
    if (ancestors.length === 0) return `${path} is an array, not an object`;
    return firstProblem(
      value.map((item, index) => [`${path}[${index}]`, item] as const),
      [...ancestors, value],
    );
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    return `${path} is a ${value.constructor?.name ?? 'class instance'}, not a plain object`;
  }
  return firstProblem(
    Object.entries(value).map(([key, item]) => [`${path}.${key}`, item] as const),
    [...ancestors, value],
  );
}

function firstProblem(
  entries: readonly (readonly [string, unknown])[],
  ancestors: object[],
): string | undefined {
  for (const [path, item] of entries) {
    const problem = jsonProblem(item, path, ancestors);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  return String(value);
}
