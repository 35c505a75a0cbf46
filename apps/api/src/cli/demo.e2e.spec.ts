import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onboard } from '../testing/seed-fixtures.js';
import { sourceProcess } from '../testing/source-process.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

/** `npm run demo -- <args>` on the database at `url`: its exit code and what it printed. */
async function demo(args: readonly string[], url: string) {
  const child = sourceProcess('src/cli/demo.ts', args, { DATABASE_URL: url, LOG_LEVEL: 'silent' });
  let [stdout, stderr] = ['', ''];
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr: stderr.trim().split('\n') };
}

describe('npm run demo', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
    await onboard(app);
  });
  afterAll(() => app?.close());

  it('refuses politely, in one line with exit code 2, when the ledger has data, and records nothing', async () => {
    const head = await app.headPosition();
    const { code, stderr } = await demo(['--customers', '5', '--months', '6'], app.database.url);
    expect({ code, stderr }).toEqual({
      code: 2,
      stderr: [
        'license ledger demo: the ledger already has data; the demo history goes only into an empty one (a new LEDGER_DATA_DIR or database)',
      ],
    });
    expect(await app.headPosition()).toBe(head);
  });

  it('rejects a bad option with one line naming it, with exit code 2', async () => {
    for (const [args, named] of [
      [['--customers', 'many'], '--customers must be an integer from 3 to 200, got "many"'],
      [['--colour', 'blue'], 'unknown option --colour'],
    ] as const) {
      const { code, stderr } = await demo(args, app.database.url);
      expect({ code, lines: stderr.length }, args.join(' ')).toEqual({ code: 2, lines: 1 });
      expect(stderr[0]).toContain(named);
    }
  });
});
