// `npm run bench -w @ledger/api`: every API benchmark, one after the other (they share the machine).
await import('./projection-catch-up.bench.js');
await import('./command-load.bench.js');
