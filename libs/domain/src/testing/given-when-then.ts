import { expect } from 'vitest';
import { fold, type Command, type Decider, type DomainEvent } from '../shared/decider.js';
import { DomainError, type DomainErrorType } from '../shared/errors.js';

/** Runs `decide` and returns the DomainError it threw; fails if it threw anything else or nothing. */
export const domainErrorOf = (run: () => unknown): DomainError => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected a DomainError, but nothing was thrown');
};

/** `specFor(decider)(givenEvents).when(command).then(expectedEvents)` or `.thenThrows('rule-type')`. */
export const specFor =
  <C extends Command, E extends DomainEvent, S>(decider: Decider<C, E, S>) =>
  (given: readonly E[] = []) => ({
    when: (command: C) => {
      const decide = () => decider.decide(command, fold(decider, given));
      return {
        then: (expected: readonly E[]): void => {
          expect(decide()).toEqual(expected);
        },
        thenThrows: (type: DomainErrorType): DomainError => {
          const error = domainErrorOf(decide);
          expect(error.type).toBe(type);
          return error;
        },
      };
    },
  });

/** Decides and records each command in turn, returning every event: a readable way to build a history. */
export const history = <C extends Command, E extends DomainEvent, S>(decider: Decider<C, E, S>, commands: readonly C[], given: readonly E[] = []): E[] =>
  commands.reduce<E[]>((events, command) => [...events, ...decider.decide(command, fold(decider, events))], [...given]);
