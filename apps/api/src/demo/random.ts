import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

/** The demo's seeded randomness (pure-rand's xoroshiro128+): the same seed draws the same history. */
export class Random {
  private constructor(private readonly generator: JumpableRandomGenerator) {}

  static seeded(seed: number): Random {
    return new Random(xoroshiro128plus(seed));
  }

  /**
   * The n-th independent stream of this one (a copy jumped n + 1 times, 2^64 draws each): each actor
   * draws from its own, so what one draws never shifts another's.
   */
  stream(n: number): Random {
    const generator = this.generator.clone();
    for (let jump = 0; jump <= n; jump++) generator.jump();
    return new Random(generator);
  }

  /** An integer from `min` to `max`, both included. */
  int(min: number, max: number): number {
    return uniformInt(this.generator, min, max);
  }

  chance(probability: number): boolean {
    return uniformFloat64(this.generator) < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('nothing to pick from');
    return items[this.int(0, items.length - 1)] as T;
  }

  /** One of the choices, each as likely as its weight. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
    let draw = uniformFloat64(this.generator) * total;
    for (const [choice, weight] of choices) {
      draw -= weight;
      if (draw < 0) return choice;
    }
    return this.pick(choices.map(([choice]) => choice));
  }
}
