import { Clock } from '../shared/clock.js';

/** A clock a test sets by hand, so a story's events happen at chosen moments. */
export class SettableClock extends Clock {
  private time: Date;

  constructor(time: string) {
    super();
    this.time = new Date(time);
  }

  now(): Date {
    return new Date(this.time);
  }

  set(time: string): void {
    this.time = new Date(time);
  }
}
