import type pg from 'pg';
import type { RecordedEvent, ReadStreamOptions } from '../port/event-store.js';
import { EVENT_COLUMNS, toRecordedEvent, type EventRow } from './event-row.js';

// A NULL limit means no limit. Both run on the unique (stream_id, revision) index.
const READ_FORWARDS = `
  SELECT ${EVENT_COLUMNS} FROM event_store.events
   WHERE stream_id = $1 AND revision >= coalesce($2::integer, 0)
   ORDER BY revision LIMIT $3`;
const READ_BACKWARDS = `
  SELECT ${EVENT_COLUMNS} FROM event_store.events
   WHERE stream_id = $1 AND ($2::integer IS NULL OR revision <= $2::integer)
   ORDER BY revision DESC LIMIT $3`;

export async function readStream(
  pool: pg.Pool,
  streamId: string,
  options: ReadStreamOptions = {},
): Promise<RecordedEvent[]> {
  const sql = options.direction === 'backwards' ? READ_BACKWARDS : READ_FORWARDS;
  const result = await pool.query<EventRow>(sql, [
    streamId,
    options.fromRevision ?? null,
    options.maxCount ?? null,
  ]);
  return result.rows.map(toRecordedEvent);
}
