import { Clock } from '../shared/clock.js';

/**
 * A clock that shows the moment it is set to: the demo generator records a history spread over
 * months with it, and tests run a story on fixed dates. With a step, each reading moves it on by
 * that many milliseconds, so the commands accepted at one set moment get distinct, increasing times.
 */
export class SimulatedClock extends Clock {
  private time: number;

  constructor(
    time: string | Date,
    private readonly stepMs = 0,
  ) {
    super();
    this.time = SimulatedClock.parse(time);
  }

  now(): Date {
    const now = new Date(this.time);
    this.time += this.stepMs;
    return now;
  }

  set(time: string | Date): void {
    this.time = SimulatedClock.parse(time);
  }

  /** Moves the clock on to `time` unless it shows a later one already: time recorded this way never goes back. */
  advanceTo(time: number): void {
    this.time = Math.max(this.time, time);
  }

  private static parse(time: string | Date): number {
    const ms = new Date(time).getTime();
    if (Number.isNaN(ms)) throw new RangeError(`a simulated clock needs a valid time, got "${String(time)}"`);
    return ms;
  }
}
