import type { SimulatedClock } from './simulated-clock.js';

/** What an actor meets when it waits for a moment at or after the end of the history: it stops there. */
export class HistoryEnded extends Error {
  constructor() {
    super('the demo history ends before this moment');
  }
}

/** A running actor of the history: a customer's life, the carrier's billing. */
export type Actor = () => Promise<void>;

interface Waiter {
  readonly at: number;
  readonly order: number;
  readonly resume: () => void;
}

/**
 * The demo's simulated time. Actors are async functions that wait for moments (epoch ms) with `at`.
 * One actor runs at a time: the one waiting for the earliest moment (the one that asked first, for
 * equal moments), and the clock moves on to that moment before it resumes. So a seed gives the same
 * commands in the same order on the same days, however long each request takes; and the clock,
 * which also steps on with each command, never goes back.
 */
export class Simulation {
  private readonly waiting: Waiter[] = [];
  private asked = 0;
  private current: number;
  /** Whether an actor runs now; every other one waits in `waiting`. */
  private active = false;
  private failed = false;

  constructor(
    private readonly clock: SimulatedClock,
    readonly start: number,
    readonly end: number,
    private readonly onMoment: (time: number) => void = () => undefined,
  ) {
    this.current = start;
  }

  /** The moment the running actor was resumed at. */
  get now(): number {
    return this.current;
  }

  /** Resumes the running actor at `time`, in turn (at once, for a time already past); HistoryEnded at or after the end. */
  at(time: number): Promise<void> {
    if (time >= this.end) return Promise.reject(new HistoryEnded());
    return new Promise((resume) => {
      this.wait(time, resume);
      this.active = false;
      this.resumeNext();
    });
  }

  /** Runs the actors from the start to the end of the history; rejects with the first error an actor throws. */
  run(actors: readonly Actor[]): Promise<void> {
    return new Promise((resolve, reject) => {
      let running = actors.length;
      if (running === 0) resolve();
      for (const actor of actors) {
        new Promise<void>((resume) => this.wait(this.start, resume))
          .then(actor)
          .catch((error: unknown) => {
            if (error instanceof HistoryEnded || this.failed) return;
            this.failed = true;
            // The others stay where they wait: nothing more is recorded.
            this.waiting.length = 0;
            reject(error);
          })
          .finally(() => {
            running -= 1;
            this.active = false;
            if (running === 0) resolve();
            else this.resumeNext();
          });
      }
      this.resumeNext();
    });
  }

  private wait(time: number, resume: () => void): void {
    this.waiting.push({ at: Math.max(time, this.current), order: this.asked++, resume });
  }

  /** Resumes the earliest waiter, unless an actor runs. */
  private resumeNext(): void {
    if (this.active) return;
    const next = this.takeEarliest();
    if (!next) return;
    this.active = true;
    if (next.at > this.current) this.onMoment(next.at);
    this.current = next.at;
    this.clock.advanceTo(next.at);
    next.resume();
  }

  private takeEarliest(): Waiter | undefined {
    let best = -1;
    this.waiting.forEach((waiter, index) => {
      const chosen = this.waiting[best];
      if (!chosen || waiter.at < chosen.at || (waiter.at === chosen.at && waiter.order < chosen.order))
        best = index;
    });
    return best < 0 ? undefined : this.waiting.splice(best, 1)[0];
  }
}
