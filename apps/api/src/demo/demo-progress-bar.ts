import cliProgress from 'cli-progress';
import { DAY_MS, monthOf } from './demo-calendar.js';
import type { DemoProgress } from './record-demo-history.js';

/**
 * A progress bar on stderr over the history's days, showing the month being recorded; it appears
 * with the first recorded moment (a refusal shows none) and only on a terminal.
 */
export function demoProgressBar(): { readonly onProgress: DemoProgress; stop(): void } {
  const bar = new cliProgress.SingleBar(
    { format: 'demo history |{bar}| {percentage}% | {month} | {duration_formatted}', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    onProgress(at, start, end) {
      const days = Math.round((at - start) / DAY_MS);
      if (!started) bar.start(Math.round((end - start) / DAY_MS), days, { month: monthOf(at) });
      else bar.update(days, { month: monthOf(Math.min(at, end - 1)) });
      started = true;
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
