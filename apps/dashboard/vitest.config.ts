import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ['@ledger/source', 'module', 'browser', 'development|production'] },
  // The end-to-end specs run in Node and import the event store's test helpers from source.
  ssr: { resolve: { conditions: ['@ledger/source'] } },
  test: {
    // Component specs run in jsdom; the e2e suite drives the real Chromium against the built app.
    projects: [
      {
        extends: true,
        test: {
          name: 'components',
          include: ['src/**/*.spec.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['src/testing/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.spec.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
