import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const API_DIR = fileURLToPath(new URL('../../', import.meta.url));

/**
 * One of the API's entry points (`src/projector.ts`, `src/cli/demo.ts`) run from its sources as a
 * child process, as its npm script runs the build: @swc-node/register compiles the sources with the
 * tsconfig's decorator metadata, as Nest needs.
 */
export function sourceProcess(entry: string, args: readonly string[], env: NodeJS.ProcessEnv): ChildProcess {
  const loader = ['--conditions=@ledger/source', '--import', '@swc-node/register/esm-register'];
  return spawn(process.execPath, [...loader, entry, ...args], {
    cwd: API_DIR,
    env: { ...process.env, ...env, NODE_OPTIONS: '', SWC_NODE_PROJECT: './tsconfig.json' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
