import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { sourceProcess } from '../../testing/source-process.js';

export type ProjectorProcess = ChildProcess & { readonly metricsUrl: string };

/**
 * `npm run projector` as a child process on `databaseUrl`; resolves once its loop has started. Its
 * metrics listen on a free port (several run at once) unless `args` say otherwise.
 */
export async function startProjectorProcess(
  databaseUrl: string,
  args: readonly string[] = [],
): Promise<ProjectorProcess> {
  const flags = args.some((arg) => arg.startsWith('--metrics-port=')) ? args : [...args, '--metrics-port=0'];
  const child = sourceProcess('src/projector.ts', flags, { DATABASE_URL: databaseUrl, LOG_LEVEL: 'info' });
  let output = '';
  const started = new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('projector started')) resolve();
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code, signal) =>
      reject(new Error(`projector exited (${code ?? signal}) before it started:\n${output}`)),
    );
  });
  await started;
  const metricsUrl = /projector metrics on (http:\/\/\S+\/metrics)/.exec(output)?.[1];
  if (metricsUrl === undefined)
    throw new Error(`the projector did not say where its metrics are:\n${output}`);
  return Object.assign(child, { metricsUrl });
}

export async function killProcess(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill(signal);
  await exited;
}
