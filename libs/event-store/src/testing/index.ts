export { createTestDatabase, type TestDatabase } from './test-database.js';
export { startEsdbTestServer, type EsdbTestServer } from '../eventstoredb/testing/esdb-test-server.js';
