// Re-exports the peer's PostgreSQL event store for the benchmark, resolved from this workspace's dependencies.
export { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
