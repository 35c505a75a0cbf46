import { loadEventStoreConfig } from '@ledger/event-store';
import { loadDatabaseConfig, loadLogLevel } from '../config/app-config.js';
import { demoProgressBar } from '../demo/demo-progress-bar.js';
import { DEMO_USAGE, parseDemoArgs } from '../demo/demo-options.js';
import type { DemoTarget } from '../demo/record-demo-history.js';

/**
 * `npm run demo -- --customers 25 --months 24 --seed 1 [--end YYYY-MM-DD]`: records a generated demo
 * history into the configured store (DATABASE_URL, or the embedded one in LEDGER_DATA_DIR) when it
 * is empty. Exit codes: 0 recorded, 1 a configuration or recording error, 2 bad options or a ledger
 * that has data already.
 */
const say = (line: string) => console.error(`license ledger demo: ${line}`);

async function main(): Promise<number> {
  const parsed = parseDemoArgs(process.argv.slice(2), new Date().toISOString().slice(0, 10));
  if ('help' in parsed) {
    console.log(DEMO_USAGE);
    return 0;
  }
  if ('error' in parsed) {
    say(parsed.error);
    return 2;
  }
  let target: DemoTarget;
  try {
    target = {
      database: loadDatabaseConfig(process.env),
      store: loadEventStoreConfig(process.env),
      logLevel: loadLogLevel(process.env),
    };
  } catch (error) {
    say(error instanceof Error ? error.message : String(error));
    return 1;
  }
  // The app and the generator load only once the options are good, so a wrong one is told at once.
  const { describeHistory, recordDemoHistory } = await import('../demo/record-demo-history.js');
  const progress = demoProgressBar();
  const history = await recordDemoHistory(target, parsed.options, progress.onProgress).finally(() =>
    progress.stop(),
  );
  if (!history) {
    say(
      'the ledger already has data; the demo history goes only into an empty one (a new LEDGER_DATA_DIR or database)',
    );
    return 2;
  }
  console.log(`license ledger demo: ${describeHistory(history)}`);
  return 0;
}

process.exitCode = await main().catch((error: unknown) => {
  say(error instanceof Error ? error.message : String(error));
  return 1;
});
