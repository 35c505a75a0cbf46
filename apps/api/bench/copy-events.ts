import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';

export interface Copied {
  readonly rows: number;
  readonly ms: number;
}

/**
 * What moving every event as a raw row costs: every row of event_store.events read out with COPY and
 * written with COPY into a fresh table of the same shape (columns, keys and indexes), streamed on two
 * connections at once. No decoding, no per-event logic, one transaction. (A read model that writes
 * far fewer rows than there are events, such as customers, can replay faster than this.)
 */
export async function copyEvents(url: string): Promise<Copied> {
  const source = new pg.Client({ connectionString: url });
  const target = new pg.Client({ connectionString: url });
  await Promise.all([source.connect(), target.connect()]);
  try {
    await target.query(
      'DROP SCHEMA IF EXISTS bench_copy CASCADE; CREATE SCHEMA bench_copy; CREATE TABLE bench_copy.events (LIKE event_store.events INCLUDING ALL)',
    );
    const started = performance.now();
    const into = target.query(copyFrom('COPY bench_copy.events FROM STDIN'));
    await pipeline(source.query(copyTo('COPY event_store.events TO STDOUT')), into);
    const ms = performance.now() - started;
    await target.query('DROP SCHEMA bench_copy CASCADE');
    return { rows: into.rowCount, ms };
  } finally {
    await Promise.all([source.end(), target.end()]);
  }
}
