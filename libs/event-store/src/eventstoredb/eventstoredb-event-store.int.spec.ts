import { eventStoreContract } from '../contract/event-store.contract.js';
import { EventStoreDbEventStore } from './eventstoredb-event-store.js';

const url = process.env['EVENTSTORE_URL'];
if (url === undefined) {
  console.log(
    'SKIPPED: EventStoreDB contract tests (set EVENTSTORE_URL, e.g. esdb://localhost:2113?tls=false, to run them)',
  );
}

eventStoreContract(
  'EventStoreDB',
  { create: async () => EventStoreDbEventStore.connect(url ?? ''), concurrencyRounds: 5 },
  { skip: url === undefined },
);
