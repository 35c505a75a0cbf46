/** The only place the API reads the time; tests replace it to run a story on fixed dates. */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
