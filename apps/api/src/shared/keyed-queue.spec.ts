import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { KeyedQueue } from './keyed-queue.js';

describe('KeyedQueue', () => {
  it('runs the tasks of one key one after another, in the order they came', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    const task = (name: string, ms: number) => async () => {
      log.push(`${name} start`);
      await sleep(ms);
      log.push(`${name} end`);
      return name;
    };
    const results = await Promise.all([queue.run('a', task('1', 20)), queue.run('a', task('2', 1)), queue.run('a', task('3', 5))]);
    expect(results).toEqual(['1', '2', '3']);
    expect(log).toEqual(['1 start', '1 end', '2 start', '2 end', '3 start', '3 end']);
  });

  it('runs tasks of different keys side by side', async () => {
    const queue = new KeyedQueue();
    let running = 0;
    let most = 0;
    const task = async () => {
      most = Math.max(most, ++running);
      await sleep(10);
      running--;
    };
    await Promise.all(['a', 'b', 'c'].map((key) => queue.run(key, task)));
    expect(most).toBe(3);
  });

  it('goes on with the next task after one fails, and gives each caller its own outcome', async () => {
    const queue = new KeyedQueue();
    const failing = queue.run('a', async () => {
      await sleep(5);
      throw new Error('refused');
    });
    const next = queue.run('a', async () => 'recorded');
    await expect(failing).rejects.toThrow('refused');
    await expect(next).resolves.toBe('recorded');
  });

  it('forgets a key once its last task settled', async () => {
    const queue = new KeyedQueue();
    await queue.run('a', async () => undefined);
    await sleep(0);
    expect(queue.size).toBe(0);
  });
});
