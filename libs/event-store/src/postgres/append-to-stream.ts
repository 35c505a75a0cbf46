import type pg from 'pg';
import { InvalidAppendError, WrongExpectedRevisionError } from '../port/errors.js';
import type { AppendResult, ExpectedRevision, NewEvent } from '../port/event-store.js';
import { inTransaction } from './transaction.js';

export const APPENDED_CHANNEL = 'event_store_appended';

// Taken first, so the checks below see every append committed before ours and none can commit
// between our check and our insert. The same lock orders positions: see README "Ordering".
const LOCK_POSITION_COUNTER = 'SELECT last FROM event_store.position FOR UPDATE';

const SELECT_STREAM_STATE = `
  SELECT
    coalesce((SELECT max(revision) FROM event_store.events WHERE stream_id = $1), -1) AS current_revision,
    coalesce(
      (SELECT jsonb_agg(jsonb_build_object(
                'streamId', e.stream_id, 'revision', e.revision, 'position', e.position,
                'sameContent', e.type = n.event->>'type' AND e.data = n.event->'data'))
         FROM event_store.events e
         JOIN jsonb_array_elements($2::jsonb) AS n(event) ON e.event_id = (n.event->>'id')::uuid),
      '[]'::jsonb
    ) AS recorded`;

// Positions come from the counter row inside this transaction: gap-free (a rollback undoes the
// increment) and visible in position order (the commit is visible before the row lock is freed).
const INSERT_EVENTS = `
  WITH allocated AS (
    UPDATE event_store.position SET last = last + $3 RETURNING last
  ), inserted AS (
    INSERT INTO event_store.events (position, stream_id, revision, event_id, type, data, metadata)
    SELECT allocated.last - $3 + e.ordinality, $1, $2 + e.ordinality,
           (e.event->>'id')::uuid, e.event->>'type', e.event->'data', e.event->'metadata'
      FROM allocated, jsonb_array_elements($4::jsonb) WITH ORDINALITY AS e(event, ordinality)
    RETURNING position
  )
  SELECT max(position) AS position, pg_notify('${APPENDED_CHANNEL}', max(position)::text) FROM inserted`;

interface StreamState {
  current_revision: number;
  recorded: { streamId: string; revision: number; position: number; sameContent: boolean }[];
}

/** Appends already validated events atomically; see validateAppend for the input rules. */
export function appendToStream(
  pool: pg.Pool,
  streamId: string,
  events: readonly NewEvent[],
  expectedRevision: ExpectedRevision,
): Promise<AppendResult> {
  return inTransaction(pool, async (client) => {
    await client.query(LOCK_POSITION_COUNTER);
    const payload = JSON.stringify(events);
    const state = (await client.query<StreamState>(SELECT_STREAM_STATE, [streamId, payload])).rows[0]!;
    const retried = originalResult(streamId, events.length, state.recorded);
    if (retried !== undefined) return retried;
    checkExpectedRevision(streamId, expectedRevision, state.current_revision);
    const inserted = await client.query<{ position: string }>(INSERT_EVENTS, [
      streamId,
      state.current_revision,
      events.length,
      payload,
    ]);
    return {
      nextRevision: state.current_revision + events.length,
      position: Number(inserted.rows[0]!.position),
    };
  });
}

/**
 * An append whose event ids are all recorded already is a retry: answer as the first time. Only if
 * it is the same append, though: the same ids with another type or data are refused, never answered
 * with the first append's result (metadata may differ: a retry is a new request).
 */
function originalResult(
  streamId: string,
  count: number,
  recorded: StreamState['recorded'],
): AppendResult | undefined {
  if (recorded.length === 0) return undefined;
  if (recorded.length < count || recorded.some((event) => event.streamId !== streamId)) {
    throw new InvalidAppendError(
      streamId,
      'partial-retry',
      `${recorded.length} of the ${count} event ids are recorded already (in stream "${recorded[0]!.streamId}")`,
    );
  }
  if (recorded.some((event) => !event.sameContent)) {
    throw new InvalidAppendError(streamId, 'changed-retry', 'the event ids are recorded already with another type or data');
  }
  return {
    nextRevision: Math.max(...recorded.map((event) => event.revision)),
    position: Math.max(...recorded.map((event) => event.position)),
  };
}

function checkExpectedRevision(streamId: string, expected: ExpectedRevision, current: number): void {
  const exists = current >= 0;
  const ok =
    expected === 'any' ||
    (expected === 'no-stream' && !exists) ||
    (expected === 'stream-exists' && exists) ||
    expected === current;
  if (!ok) throw new WrongExpectedRevisionError(streamId, expected, exists ? current : 'no-stream');
}
