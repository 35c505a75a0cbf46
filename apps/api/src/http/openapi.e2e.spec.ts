import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { OPENAPI_FILE, OPENAPI_PATH, openApiText } from './openapi.js';

const REDOCLY = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');

interface LintReport {
  readonly totals: { readonly errors: number; readonly warnings: number };
  readonly problems: readonly { ruleId: string; message: string; location: { pointer: string }[] }[];
}

/** `redocly lint` with its recommended rules, as JSON: the same linter as `npm run lint:openapi`. */
async function lint(document: string): Promise<LintReport> {
  const folder = await mkdtemp(join(tmpdir(), 'ledger-openapi-lint-'));
  try {
    const file = join(folder, 'openapi.json');
    await writeFile(file, document);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [REDOCLY, 'lint', '--extends=recommended', '--format=json', file],
      { env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } },
    ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    return JSON.parse(stdout) as LintReport;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

describe('the OpenAPI document', () => {
  let app: TestApp;
  let served: string;

  beforeAll(async () => {
    // The embedded demo's document, as `npm run openapi` writes it: with GET /api/demo/tokens.
    app = await startTestApp({ app: { secretSource: 'data-folder' } });
    const response = await app.request('GET', OPENAPI_PATH);
    expect(response.status).toBe(200);
    served = openApiText(response.body);
  });
  afterAll(() => app?.close());

  it('is the committed apps/api/openapi.json', async () => {
    const committed = await readFile(OPENAPI_FILE, 'utf8').catch(() => '');
    expect(served, 'the OpenAPI document changed: run npm run openapi -w @ledger/api').toBe(committed);
  });

  it("passes redocly's recommended rules without an error or a warning", async () => {
    const report = await lint(served);
    const problems = report.problems.map((p) => `${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`);
    expect(problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  });

  it('names every operation with a stable, readable id, and documents its success and its problems', () => {
    const document = JSON.parse(served) as {
      paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>>;
    };
    const operations = Object.values(document.paths).flatMap((item) => Object.values(item));
    const ids = operations.map((operation) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const operation of operations) {
      expect(operation.operationId).toMatch(/^[a-z][A-Za-z]+$/);
      expect(
        Object.keys(operation.responses).some((status) => status.startsWith('2')),
        operation.operationId,
      ).toBe(true);
      expect(operation.responses['429'], operation.operationId).toBeDefined();
    }
  });
});
