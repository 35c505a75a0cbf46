import { performance } from 'node:perf_hooks';
import { isDomainError } from '@ledger/domain';
import { ConcurrencyConflictError } from '@ledger/event-store';
import { ProblemError } from '../http/problem.js';

/** How one run of the decision loop ended. */
export type CommandOutcome = 'recorded' | 'unchanged' | 'refused' | 'conflict' | 'error';

const outcomeOf = (error: unknown): CommandOutcome => {
  // A scope miss (the authorize step's 404) is refused like a broken rule: the caller's doing, not ours.
  if (isDomainError(error) || (error instanceof ProblemError && error.problem.status < 500)) return 'refused';
  // The loop rethrows a conflict only once its retries are spent.
  if (error instanceof ConcurrencyConflictError) return 'conflict';
  return 'error';
};

/**
 * What the decision loop reports about each command and append. An abstract class, so Nest can
 * inject it by type; the loop falls back to NO_COMMAND_METRICS when none is provided (unit tests).
 */
export abstract class CommandMetrics {
  protected abstract counted(type: string, outcome: CommandOutcome): void;
  protected abstract appended(events: number, seconds: number): void;

  /** Runs one command through `decide` and counts how it ended. */
  async command<D extends { readonly events: readonly unknown[] }>(
    type: string,
    decide: () => Promise<D>,
  ): Promise<D> {
    try {
      const decision = await decide();
      this.counted(type, decision.events.length > 0 ? 'recorded' : 'unchanged');
      return decision;
    } catch (error) {
      this.counted(type, outcomeOf(error));
      throw error;
    }
  }

  /** Times one append of `events` events; a refused append (a conflict) is not an observation. */
  async append<R>(events: number, append: () => Promise<R>): Promise<R> {
    const started = performance.now();
    const result = await append();
    this.appended(events, (performance.now() - started) / 1000);
    return result;
  }
}

class NoCommandMetrics extends CommandMetrics {
  protected counted(): void {}
  protected appended(): void {}
}

export const NO_COMMAND_METRICS: CommandMetrics = new NoCommandMetrics();
