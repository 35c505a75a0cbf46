import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// Nest's dependency injection reads emitted decorator metadata, which esbuild/oxc do not emit; SWC does.
export default defineConfig({
  plugins: [swc.vite({ module: { type: 'es6' } })],
  resolve: { conditions: ['@ledger/source'] },
  ssr: { resolve: { conditions: ['@ledger/source'] } },
  test: { include: ['src/**/*.spec.ts'], testTimeout: 60_000, hookTimeout: 60_000 },
});
