import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@ledger/source'] },
  test: {
    include: ['src/**/*.spec.ts'],
    benchmark: { include: ['bench/**/*.bench.ts'] },
  },
});
