/**
 * `bench/results/latest.json` at the repository root: one key per benchmark, each with its figures,
 * its baseline and ratio measured in the same run, and where and when it ran. Each benchmark merges
 * its own key in, so a run of some benchmarks keeps the others' last figures.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';

const RESULTS = new URL('../../../bench/results/latest.json', import.meta.url);

export interface BenchResult {
  /** What the baseline is and its figures: the same work with the least the machine can do it with. */
  readonly baseline: Readonly<Record<string, unknown>>;
  /** The measured figure over the baseline's (or one per measured thing). */
  readonly ratio: number | Readonly<Record<string, number>>;
  readonly [figure: string]: unknown;
}

async function readResults(): Promise<Record<string, unknown>> {
  try {
    return JSON.parse(await readFile(RESULTS, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return {};
    throw error;
  }
}

/** Writes `result` under `key`, stamped with the machine, the Node version and the time. */
export async function recordResult(key: string, result: BenchResult): Promise<void> {
  const results = await readResults();
  results[key] = {
    ...result,
    machine: { cpus: cpus().length, totalMemoryBytes: totalmem() },
    node: process.version,
    measuredAt: new Date().toISOString(),
  };
  await mkdir(new URL('.', RESULTS), { recursive: true });
  // Written aside and renamed, so an interrupted run never leaves half a file for the next one to merge into.
  const written = new URL(`latest.json.${process.pid}`, RESULTS);
  await writeFile(written, `${JSON.stringify(results, null, 2)}\n`);
  await rename(written, RESULTS);
  console.log(`recorded ${key} in ${RESULTS.pathname}`);
}
