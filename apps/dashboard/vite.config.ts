import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// The API the dev server proxies to (`npm run dev -w @ledger/dashboard` next to `npm start`).
const api = process.env['LEDGER_API_URL'] ?? 'http://127.0.0.1:3000';
const MAIN_BUNDLE_BUDGET_KB = 350;

/** Prints the main bundle's gzipped size and fails the build above the budget (what a first visit downloads). */
function mainBundleBudget(): Plugin {
  return {
    name: 'main-bundle-budget',
    apply: 'build',
    generateBundle(_, bundle) {
      const entry = Object.values(bundle).find((chunk) => chunk.type === 'chunk' && chunk.isEntry);
      if (!entry || entry.type !== 'chunk') return;
      const kb = gzipSync(entry.code).length / 1024;
      const line = `main bundle ${entry.fileName}: ${kb.toFixed(1)} KB gzipped (budget ${MAIN_BUNDLE_BUDGET_KB} KB)`;
      if (kb > MAIN_BUNDLE_BUDGET_KB) this.error(line);
      this.info(line);
    },
  };
}

export default defineConfig({
  plugins: [react(), mainBundleBudget()],
  // libs/domain is bundled from its TypeScript source: the dashboard applies the API's own rules.
  resolve: { conditions: ['@ledger/source', 'module', 'browser', 'development|production'] },
  server: { proxy: { '/api': api } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1200 },
});
