import type pg from 'pg';
import type { RecordedEvent, ReadAllOptions } from '../port/event-store.js';
import { EVENT_COLUMNS, toRecordedEvent, type EventRow } from './event-row.js';

// Reading "after the last position seen" is safe only because positions become visible in
// order (see README "Ordering"); no snapshot or xmin bookkeeping is needed.
const READ_ALL = `
  SELECT ${EVENT_COLUMNS} FROM event_store.events
   WHERE position > $1
     AND ($2::text[] IS NULL OR type = ANY($2::text[]))
     AND ($3::text IS NULL OR starts_with(stream_id, $3::text))
   ORDER BY position LIMIT $4`;

// The counter commits with the events, so its committed value is the last visible position.
const HEAD_POSITION = 'SELECT last FROM event_store.position';

export async function readAll(pool: pg.Pool, options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
  const { after = 0, maxCount, filter } = options;
  const result = await pool.query<EventRow>(READ_ALL, [
    after,
    filter?.eventTypes ?? null,
    filter?.streamPrefix ?? null,
    maxCount ?? null,
  ]);
  return result.rows.map(toRecordedEvent);
}

export async function headPosition(pool: pg.Pool): Promise<number> {
  const result = await pool.query<{ last: string }>(HEAD_POSITION);
  return Number(result.rows[0]?.last ?? 0);
}
