import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandSequence, historiesOf } from '../testing/customer-arbitraries.js';
import { stateOf } from '../testing/customer-fixtures.js';
import { inventoryOf } from './inventory.js';

describe('license invariants under random command sequences', () => {
  it('held, assigned, reserved and available never go negative, assigned never exceeds held, and To Be stays >= 0', () => {
    fc.assert(
      fc.property(commandSequence, (commands) => {
        for (const events of historiesOf(commands)) {
          for (const row of inventoryOf(stateOf(events))) {
            expect(
              Math.min(row.held, row.assigned, row.reserved, row.available, row.toBe),
            ).toBeGreaterThanOrEqual(0);
            expect(row.assigned).toBeLessThanOrEqual(row.held);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the random sequences do reach final confirms, reservations and package changes (the property is not vacuous)', () => {
    const recorded = fc
      .sample(commandSequence, { numRuns: 200, seed: 42 })
      .flatMap((commands) => historiesOf(commands).at(-1) ?? []);
    const types = new Set(recorded.map((event) => event.type));
    expect([...types]).toEqual(
      expect.arrayContaining([
        'OrderFinalConfirmed',
        'LicenseReturned',
        'OrderSubmitted',
        'UserAdded',
        'PackageChanged',
        'UserRemoved',
      ]),
    );
  });
});
