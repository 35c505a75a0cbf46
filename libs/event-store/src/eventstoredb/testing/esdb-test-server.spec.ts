import {
  EventStoreDBClient,
  NO_STREAM,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  eventTypeFilter,
  jsonEvent,
  type Position,
} from '@eventstore/db-client';
import { afterEach, describe, expect, it } from 'vitest';
import { startEsdbTestServer, type EsdbTestServer } from './esdb-test-server.js';

const events = (count: number, type = 'Happened') =>
  Array.from({ length: count }, (_, index) => jsonEvent({ type, data: { index } }));

describe.each([
  ['BatchAppend (21.10 and later)', true],
  ['the streaming Append (20.x servers)', false],
])('the test server, appended to through %s', (_, batchAppend) => {
  let server: EsdbTestServer;
  let client: EventStoreDBClient;
  const start = async () => {
    server = await startEsdbTestServer({ batchAppend });
    client = EventStoreDBClient.connectionString(server.url);
  };
  afterEach(async () => {
    await client?.dispose();
    await server?.close();
  });

  it('answers with the revision and the position of the last event', async () => {
    await start();
    const result = await client.appendToStream('s', events(2), { expectedRevision: NO_STREAM });
    const read = [];
    for await (const resolved of client.readStream('s')) read.push(resolved.event!);
    expect(result).toEqual({ success: true, nextExpectedRevision: 1n, position: read[1]!.position });
  });

  it('refuses a wrong expected revision with the current and the expected revision', async () => {
    await start();
    await client.appendToStream('s', events(2), { expectedRevision: NO_STREAM });
    const error = await client
      .appendToStream('s', events(1), { expectedRevision: 0n })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrongExpectedVersionError);
    expect(error).toMatchObject({ streamName: 's', expectedVersion: 0n, actualVersion: 1n });
  });
});

describe('the test server, read and subscribed to', () => {
  let server: EsdbTestServer;
  let client: EventStoreDBClient;
  afterEach(async () => {
    await client?.dispose();
    await server?.close();
  });

  it('answers a read of a stream that has no event with StreamNotFound', async () => {
    server = await startEsdbTestServer();
    client = EventStoreDBClient.connectionString(server.url);
    const read = async () => {
      for await (const _ of client.readStream('nothing')) break;
    };
    await expect(read()).rejects.toBeInstanceOf(StreamNotFoundError);
  });

  it('sends a filtered subscription a checkpoint every 32 events and says when it caught up', async () => {
    server = await startEsdbTestServer();
    client = EventStoreDBClient.connectionString(server.url);
    await client.appendToStream('s', [...events(40, 'Other'), ...events(2, 'Wanted')], {
      expectedRevision: NO_STREAM,
    });
    const checkpoints: Position[] = [];
    const subscription = client.subscribeToAll({
      fromPosition: START,
      filter: eventTypeFilter({
        regex: '^Wanted$',
        checkpointReached: (_, position) => void checkpoints.push(position),
      }),
    });
    const received: string[] = [];
    subscription.on('data', (resolved: { event?: { type: string } }) => received.push(resolved.event!.type));
    await new Promise((resolve) => subscription.once('caughtUp', resolve));
    await subscription.unsubscribe();
    expect(received).toEqual(['Wanted', 'Wanted']);
    // The server's own 3 events and the first 29 of ours make the first 32 examined.
    expect(checkpoints).toHaveLength(1);
  });
});
