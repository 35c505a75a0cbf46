// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
// The generator's own CLI, wherever npm placed it, as `npm run api-types` runs it.
const cli = join(
  dirname(createRequire(import.meta.url).resolve('openapi-typescript/package.json')),
  'bin/cli.js',
);

describe('the typed client', () => {
  it('is generated from the API document as it stands (else: npm run api-types -w @ledger/dashboard)', () => {
    const fresh = join(mkdtempSync(join(tmpdir(), 'api-types-')), 'schema.d.ts');
    execFileSync(process.execPath, [cli, here('../../../api/openapi.json'), '-o', fresh], { stdio: 'pipe' });
    expect(
      readFileSync(here('./schema.d.ts'), 'utf8'),
      'src/api/schema.d.ts differs from what apps/api/openapi.json generates: run npm run api-types -w @ledger/dashboard',
    ).toBe(readFileSync(fresh, 'utf8'));
  });
});
