import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { CHECKPOINTS_CHANNEL, lowestPosition } from '../src/projections/checkpoints.js';

/**
 * How long after a command's answer every read model has its position: woken by each committed
 * checkpoint (the projector NOTIFYs in the checkpoint's transaction), it reads the lowest checkpoint
 * and settles every command at or below it. One look at a time; a wake-up during a look asks for one more.
 */
export class CheckpointWatch {
  readonly lagsMs: number[] = [];
  private waiting: { position: number; ackAt: number }[] = [];
  private looking = false;
  private again = false;

  private constructor(
    private readonly listener: pg.Client,
    private readonly pool: pg.Pool,
    private readonly projections: readonly string[],
  ) {}

  static async open(url: string, projections: readonly string[]): Promise<CheckpointWatch> {
    const listener = new pg.Client({ connectionString: url });
    await listener.connect();
    const watch = new CheckpointWatch(listener, new pg.Pool({ connectionString: url, max: 1 }), projections);
    listener.on('notification', () => void watch.look());
    await listener.query(`LISTEN ${CHECKPOINTS_CHANNEL}`);
    return watch;
  }

  /** A command answered at `ackAt` (performance.now()) with `position`. */
  expect(position: number, ackAt: number): void {
    this.waiting.push({ position, ackAt });
    void this.look();
  }

  get pending(): number {
    return this.waiting.length;
  }

  async drained(timeoutMs: number): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (this.waiting.length > 0 && performance.now() < deadline) await sleep(20);
    if (this.waiting.length > 0)
      throw new Error(`${this.waiting.length} commands not projected after ${timeoutMs} ms`);
  }

  async close(): Promise<void> {
    await this.listener.end();
    while (this.looking) await sleep(5);
    await this.pool.end();
  }

  private async look(): Promise<void> {
    if (this.looking) {
      this.again = true;
      return;
    }
    this.looking = true;
    try {
      do {
        this.again = false;
        const lowest = await lowestPosition(this.pool, this.projections);
        const now = performance.now();
        for (const command of this.waiting)
          if (command.position <= lowest) this.lagsMs.push(now - command.ackAt);
        this.waiting = this.waiting.filter((command) => command.position > lowest);
      } while (this.again);
    } finally {
      this.looking = false;
    }
  }
}
