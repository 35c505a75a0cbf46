// `npm start`: runs the whole product on the embedded store. Until the API exists it says so.
console.error('license ledger: the API (apps/api) is not built yet; `npm test` runs the domain specs.');
process.exit(1);
