import { randomUUID } from 'node:crypto';
import { customerStream, resellerStream } from '@ledger/domain';
import { type NewEvent, PostgresEventStore } from '@ledger/event-store';
import { createTestDatabase, type TestDatabase } from '@ledger/event-store/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../store/open-database.js';
import { clearFaults, readCheckpoints } from './checkpoints.js';
import type { Projection } from './projection.js';
import { projectionStatuses } from './projection-status.js';
import { Projector } from './projector.js';
import { appendHistory, generateHistory } from './testing/ledger-history.js';
import { names, openReadModels, quietLog, waitUntil } from './testing/read-model-testing.js';

const metadata = { actor: 'poisoner', role: 'reseller-admin', occurredAt: '2024-03-01T10:00:00Z', correlationId: 'c', causationId: 'c', schemaVersion: 1 };
const event = (type: string, data: NewEvent['data'], extra: NewEvent['metadata'] = {}): NewEvent => ({
  id: randomUUID(),
  type,
  data,
  metadata: { ...metadata, ...extra },
});

describe('a projection that cannot apply an event stops there alone (faulted); the others go on', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let readModels: Database;
  let projector: Projector | undefined;
  let customerId: string;

  const statusOf = async (name: string) => (await projectionStatuses(store, readModels.pool)).find((s) => s.name === name)!;
  const reachHead = (only: readonly string[]) =>
    waitUntil(
      async () => {
        const head = await store.headPosition();
        return (await readCheckpoints(readModels.pool, only)).every((row) => row.position >= head);
      },
      30_000,
      `${only.join(', ')} to reach the head`,
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    store = await PostgresEventStore.connect({ connectionString: database.url });
    readModels = await openReadModels(database.url);
    const history = generateHistory({ customers: 3, eventsPerCustomer: 40, seed: 7 });
    await appendHistory(store, history, 50);
    customerId = [...history.customers.keys()][0]!;
  });
  afterEach(async () => {
    await projector?.stop();
    projector = undefined;
  });
  afterAll(async () => {
    await readModels?.close();
    await store?.close();
    await database?.drop();
  });

  it('an event the users read model cannot store faults users at its position, with the reason; the others reach the head', async () => {
    projector = new Projector(store, readModels.pool, quietLog, { batchSize: 25 });
    await projector.start();
    // A UserAdded whose extension is no number: its table refuses it (invalid input syntax for integer).
    const poison = await store.appendToStream(
      customerStream(customerId),
      [event('UserAdded', { customerId, extension: 'two-ninety-seven', name: 'X', site: 'S', portalId: 'p', email: 'x@y.z', package: 'Basic User With VM' })],
      'any',
    );
    // Events after it still reach every other read model.
    await store.appendToStream(resellerStream('RS-After-Poison'), [event('ResellerRegistered', { resellerId: 'RS-After-Poison', name: 'After', parentResellerId: null })], 'no-stream');
    const others = names.filter((name) => !['users', 'audit-log'].includes(name));
    await reachHead(others);
    await waitUntil(async () => (await statusOf('users')).status === 'faulted', 30_000, 'users to fault');

    const users = await statusOf('users');
    expect(users.position).toBe(poison.position - 1);
    expect(users.error).toMatch(new RegExp(`^stopped at position ${poison.position}: UserAdded: .*integer`));
    for (const name of others) expect((await statusOf(name)).status, name).toBe('live');
  });

  it('tries the faulted projection again on the next start, and faults it again while the event is still unreadable', async () => {
    projector = new Projector(store, readModels.pool, quietLog, { batchSize: 25 });
    await projector.start();
    await waitUntil(async () => (await statusOf('users')).status === 'faulted', 30_000, 'users to fault again');
    expect((await statusOf('users')).error).toMatch(/UserAdded/);
  });

  it('an event of a schema version this build cannot read faults its readers only; a type they do not read passes by', async () => {
    await clearFaults(readModels.pool, names);
    const flaky: Projection = { name: 'reads-resellers', tables: [], eventTypes: ['ResellerRegistered'], apply: async () => undefined };
    const readsOrders: Projection = { name: 'reads-orders', tables: [], eventTypes: ['OrderPlaced'], apply: async () => undefined };
    projector = new Projector(store, readModels.pool, quietLog, { projections: [flaky, readsOrders] });
    await projector.start();
    const future = await store.appendToStream(customerStream(customerId), [event('OrderPlaced', { customerId }, { schemaVersion: 2 })], 'any');
    await waitUntil(async () => (await readCheckpoints(readModels.pool, ['reads-orders']))[0]?.status === 'faulted', 30_000, 'reads-orders to fault');
    await reachHead(['reads-resellers']);
    const [faulted] = await readCheckpoints(readModels.pool, ['reads-orders']);
    expect(faulted).toMatchObject({ position: future.position - 1, fault: { position: future.position, reason: 'OrderPlaced version 2 cannot be read (current 1)' } });
  });

  it('resumes a faulted projection as soon as its fault is cleared (what a rebuild does), without a restart', async () => {
    let broken = true;
    const fragile: Projection = {
      name: 'fragile',
      tables: [],
      eventTypes: ['UserRemoved'],
      apply: async (events) => {
        if (broken && events.some((e) => e.type === 'UserRemoved' && e.data.extension === 4711)) throw new Error('cannot handle 4711 yet');
      },
    };
    projector = new Projector(store, readModels.pool, quietLog, { projections: [fragile], watchEveryMs: 100 });
    await projector.start();
    const culprit = await store.appendToStream(customerStream(customerId), [event('UserRemoved', { customerId, extension: 4711, name: 'Z', package: 'P' })], 'any');
    await waitUntil(async () => (await readCheckpoints(readModels.pool, ['fragile']))[0]?.status === 'faulted', 30_000, 'fragile to fault');
    expect((await readCheckpoints(readModels.pool, ['fragile']))[0]).toMatchObject({ position: culprit.position - 1, fault: { position: culprit.position } });

    broken = false;
    await clearFaults(readModels.pool, ['fragile']);
    await reachHead(['fragile']);
    expect((await readCheckpoints(readModels.pool, ['fragile']))[0]?.status).toBe('live');
  });
});
