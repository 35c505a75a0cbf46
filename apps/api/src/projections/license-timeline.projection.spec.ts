import type { OrderItemInput } from '@ledger/domain';
import { BASIC, confirmedOrder, item, PREMIUM, placeOrder, registerDemo, run } from '@ledger/domain/testing';
import { describe, it } from 'vitest';
import { licenseTimelineReadModel } from './license-timeline.projection.js';
import { readModelSpec, recorded } from './testing/read-model-spec.js';

const spec = readModelSpec(licenseTimelineReadModel);
const C = 'C000000150';

/** An order with change date `changeDate`, final confirmed at noon UTC of `confirmedOn`. */
const confirmed = (
  orderNo: string,
  items: readonly OrderItemInput[],
  changeDate: string,
  confirmedOn: string,
) =>
  confirmedOrder(orderNo, items, { now: `${confirmedOn}T12:00:00.000Z` }).map((command) =>
    command.type === 'PlaceOrder' ? placeOrder(orderNo, items, changeDate) : command,
  );

const given = run([registerDemo(), ...confirmed('500001', [item(BASIC, 2)], '2023-10-01', '2023-10-10')]);
const after = (...orders: ReturnType<typeof confirmed>[]) =>
  recorded(run(orders.flat(), given)).slice(given.length);

describe('license timeline read model', () => {
  it('charts a change whose change date has passed on the final confirm day', () => {
    spec()
      .when(...recorded(given))
      .then({
        license_timeline_days: [
          { customerId: C, package: BASIC, day: '2023-10-10', adds: 2, returns: 0, held: 2 },
        ],
        license_timeline_months: [{ customerId: C, package: BASIC, month: '2023-10', adds: 2, returns: 0 }],
      });
  });

  it('charts a change date in the future on that date, in its month, not on the confirm day', () => {
    spec(recorded(given))
      .when(...after(confirmed('500002', [item(PREMIUM, 3), item(BASIC, 1)], '2023-11-15', '2023-10-24')))
      .then({
        license_timeline_days: [
          { package: BASIC, day: '2023-10-10', held: 2 },
          { package: BASIC, day: '2023-11-15', adds: 1, held: 3 },
          { package: PREMIUM, day: '2023-11-15', adds: 3, returns: 0, held: 3 },
        ],
        license_timeline_months: [
          { package: BASIC, month: '2023-10', adds: 2, returns: 0 },
          { package: BASIC, month: '2023-11', adds: 1, returns: 0 },
          { package: PREMIUM, month: '2023-11', adds: 3, returns: 0 },
        ],
      });
  });

  it('takes a return from the licenses scheduled later first, and counts each change from its own effective date', () => {
    spec(recorded(given))
      .when(
        ...after(
          confirmed('500002', [item(BASIC, 3)], '2023-12-01', '2023-10-11'),
          confirmed('500003', [item(BASIC, -1)], '2023-10-20', '2023-10-20'),
          confirmed('500004', [item(BASIC, 1)], '2023-10-25', '2023-10-25'),
        ),
      )
      .then({
        license_timeline_days: [
          { day: '2023-10-10', adds: 2, returns: 0, held: 2 },
          { day: '2023-10-25', adds: 1, returns: 0, held: 3 },
          { day: '2023-12-01', adds: 2, returns: 0, held: 5 },
        ],
        license_timeline_months: [
          { month: '2023-10', adds: 3, returns: 0 },
          { month: '2023-12', adds: 2, returns: 0 },
        ],
      });
  });

  it('charts a return on its effective date and takes it off the month it ends licenses in', () => {
    spec(recorded(given))
      .when(...after(confirmed('500002', [item(BASIC, -1)], '2023-11-03', '2023-10-30')))
      .then({
        license_timeline_days: [
          { day: '2023-10-10', held: 2 },
          { day: '2023-11-03', adds: 0, returns: 1, held: 1 },
        ],
        license_timeline_months: [
          { month: '2023-10', adds: 2, returns: 0 },
          { month: '2023-11', adds: 0, returns: 1 },
        ],
      });
  });
});
