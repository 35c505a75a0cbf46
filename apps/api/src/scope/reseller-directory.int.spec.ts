import { EventStoreDbEventStore } from '@ledger/event-store';
import { startEsdbTestServer, type EsdbTestServer } from '@ledger/event-store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendHistory, generateHistory } from '../projections/testing/ledger-history.js';
import { ResellerDirectory } from './reseller-directory.js';

describe('the reseller directory on EventStoreDB (protocol-level test server)', () => {
  let server: EsdbTestServer;
  let store: EventStoreDbEventStore;

  beforeAll(async () => {
    server = await startEsdbTestServer();
    store = EventStoreDbEventStore.connect(server.url);
    // Four resellers, among some 600 events of customers, orders and the catalog.
    await appendHistory(store, generateHistory({ customers: 3, eventsPerCustomer: 200, seed: 5 }));
  });
  afterAll(async () => {
    await store?.close();
    await server?.close();
  });

  it('learns the reseller tree from the ResellerRegistered events alone: the server filters, nothing else crosses the wire', async () => {
    const directory = new ResellerDirectory(store);
    const before = server.eventsSent;
    expect(await directory.isWithin('RS-Vertical', 'RS-North')).toBe(true);
    // The four registrations, and the one event of the head read.
    expect(server.eventsSent - before).toBe(5);
    expect(await directory.isWithin('RS-Vertical', 'RS-Other')).toBe(false);
    expect(await directory.exists('RS-South')).toBe(true);
  });
});
