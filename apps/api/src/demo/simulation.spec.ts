import { describe, expect, it } from 'vitest';
import { SimulatedClock } from './simulated-clock.js';
import { Simulation } from './simulation.js';

describe('the demo history simulated time', () => {
  const setUp = () => {
    const clock = new SimulatedClock(new Date(0), 1_000);
    const log: string[] = [];
    const sim = new Simulation(clock, 0, 100_000);
    const actor = (name: string, moments: readonly number[]) => async () => {
      for (const moment of moments) {
        await sim.at(moment);
        // Each command reads the clock once, which steps it on.
        log.push(`${name}@${clock.now().getTime()}`);
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    };
    return { sim, log, actor };
  };

  it('runs one actor at a time, the earliest waiter first, on a clock that never goes back', async () => {
    const { sim, log, actor } = setUp();
    await sim.run([actor('a', [10_000, 30_000]), actor('b', [20_000, 20_000, 5_000])]);
    expect(log).toEqual(['a@10000', 'b@20000', 'b@21000', 'b@22000', 'a@30000']);
  });

  it('stops an actor that waits for the end of the history, and goes on with the others', async () => {
    const { sim, log, actor } = setUp();
    await sim.run([actor('a', [10_000, 100_000, 20_000]), actor('b', [50_000])]);
    expect(log).toEqual(['a@10000', 'b@50000']);
  });

  it("fails with an actor's error and resumes nobody after it", async () => {
    const { sim, log, actor } = setUp();
    const failing = async () => {
      await sim.at(15_000);
      throw new Error('refused');
    };
    await expect(sim.run([actor('a', [10_000, 20_000]), failing])).rejects.toThrow('refused');
    expect(log).toEqual(['a@10000']);
  });
});
