/** How long `work` takes, in milliseconds. */
export async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

export const perSecond = (count: number, ms: number): number => Math.round((count * 1000) / ms);

/** The value below which `fraction` of `sorted` (ascending) lies, nearest rank. */
export function percentile(sorted: readonly number[], fraction: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export const round = (value: number, digits = 3): number => Number(value.toFixed(digits));

export interface Measured {
  readonly ms: number;
  /** Node's CPU time over the wall time: near 1, this process (one core of JavaScript) is what limits the work. */
  readonly nodeCpuShare: number;
}

export async function measured<T>(work: () => Promise<T>): Promise<Measured & { readonly value: T }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await work();
  const ms = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  return { value, ms: Math.round(ms), nodeCpuShare: round((user + system) / 1000 / ms, 2) };
}
