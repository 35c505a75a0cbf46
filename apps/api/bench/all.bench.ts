// `npm run bench -w @ledger/api`: every API benchmark, one after the other (they share the machine).
// Each merges its figures into bench/results/latest.json at the repository root (results.ts).
await import('./projection-catch-up.bench.js');
await import('./command-load.bench.js');
await import('./cold-load.bench.js');
await import('./append-throughput.bench.js');
await import('./http-writers.bench.js');
await import('./read-model-replay.bench.js');
await import('./lag-at-command-rate.bench.js');
await import('./as-of.bench.js');
await import('./embedded-rss.bench.js');
await import('./reconciliation.bench.js');
await import('./audit.bench.js');
