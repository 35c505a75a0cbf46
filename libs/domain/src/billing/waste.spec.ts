import { describe, expect, it } from 'vitest';
import { BASIC, PREMIUM } from '../testing/customer-fixtures.js';
import { domainErrorOf } from '../testing/given-when-then.js';
import type { LicensePeriod } from './license-periods.js';
import { type PackageStretch, wasteFlags } from './waste.js';

const NOW = '2023-10-24T12:00:00.000Z';
const license = (pkg: string, billingStart: string, returnedOn: string | null = null): LicensePeriod => ({
  package: pkg,
  billingStart,
  end: returnedOn,
  customerPrice: pkg === BASIC ? 20 : 30,
  orderNo: '500001',
  returnedOn,
});
const held = (extension: number, pkg: string, from: string, to: string | null = null): PackageStretch => ({
  extension,
  package: pkg,
  from,
  to,
});
const flags = (periods: LicensePeriod[], stretches: PackageStretch[], days = 30) =>
  wasteFlags({ periods, stretches, now: NOW, days });

/** User 297 moved from Basic to Premium on 10 September, each on a license billed since 1 September. */
const upgraded = [
  held(297, BASIC, '2023-09-01T09:00:00.000Z', '2023-09-10T10:00:00.000Z'),
  held(297, PREMIUM, '2023-09-10T10:00:00.000Z'),
];
const upgradeLicenses = (...basicReturn: [string] | []) => [
  license(BASIC, '2023-09-01', ...basicReturn),
  license(PREMIUM, '2023-09-01'),
];

describe('waste flags', () => {
  describe('unassigned licenses', () => {
    it('flags licenses billed and used by nobody on every day of the last N days, with what they cost a month', () => {
      const result = flags(
        [license(BASIC, '2023-09-01'), license(BASIC, '2023-09-01'), license(BASIC, '2023-09-01')],
        [held(297, BASIC, '2023-09-01T09:00:00.000Z')],
      );
      expect(result).toEqual([{ kind: 'unassigned', package: BASIC, licenses: 2, monthlyAmount: 40 }]);
    });

    it('does not flag a license unused for fewer days than N', () => {
      const result = flags(
        [license(BASIC, '2023-09-01'), license(BASIC, '2023-09-01')],
        [
          held(297, BASIC, '2023-09-01T09:00:00.000Z'),
          held(298, BASIC, '2023-09-01T09:00:00.000Z', '2023-10-10T08:00:00.000Z'),
        ],
      );
      expect(result).toEqual([]);
      expect(
        flags(
          [license(BASIC, '2023-09-01'), license(BASIC, '2023-09-01')],
          [held(297, BASIC, '2023-09-01T09:00:00.000Z')],
          60,
        ),
      ).toEqual([]);
    });

    it('counts a license used for a moment within the N days as used', () => {
      const result = flags(
        [license(BASIC, '2023-09-01')],
        [held(298, BASIC, '2023-10-20T08:00:00.000Z', '2023-10-20T09:00:00.000Z')],
      );
      expect(result).toEqual([]);
    });

    it('does not flag a license in its trial: it costs nothing yet, and a user counts on a billed license first', () => {
      const result = flags(
        [license(BASIC, '2023-09-01'), license(BASIC, '2023-11-01')],
        [held(297, BASIC, '2023-09-01T09:00:00.000Z')],
      );
      expect(result).toEqual([]);
    });

    it('flags nothing for a returned license', () => {
      expect(flags([license(BASIC, '2023-09-01', '2023-10-01')], [])).toEqual([]);
    });
  });

  describe('paid twice: a package change whose previous license was kept', () => {
    it('flags a change whose previous license was neither returned nor used within N days', () => {
      expect(flags(upgradeLicenses(), upgraded)).toEqual([
        { kind: 'unassigned', package: BASIC, licenses: 1, monthlyAmount: 20 },
        {
          kind: 'paid-twice',
          package: BASIC,
          extension: 297,
          toPackage: PREMIUM,
          changedAt: '2023-09-10T10:00:00.000Z',
          returnedOn: null,
          monthlyAmount: 20,
        },
      ]);
    });

    it('does not flag a change whose previous license was returned within N days', () => {
      expect(flags(upgradeLicenses('2023-10-10'), upgraded)).toEqual([]);
    });

    it('flags a return that came later than N days, naming it', () => {
      expect(flags(upgradeLicenses('2023-10-20'), upgraded)).toEqual([
        {
          kind: 'paid-twice',
          package: BASIC,
          extension: 297,
          toPackage: PREMIUM,
          changedAt: '2023-09-10T10:00:00.000Z',
          returnedOn: '2023-10-20',
          monthlyAmount: 20,
        },
      ]);
    });

    it('does not flag a change whose freed license another user took', () => {
      expect(flags(upgradeLicenses(), [...upgraded, held(298, BASIC, '2023-09-15T08:00:00.000Z')])).toEqual(
        [],
      );
    });

    it('waits N days before flagging a change', () => {
      const recent = [
        held(297, BASIC, '2023-09-01T09:00:00.000Z', '2023-10-01T10:00:00.000Z'),
        held(297, PREMIUM, '2023-10-01T10:00:00.000Z'),
      ];
      expect(flags(upgradeLicenses(), recent).filter((flag) => flag.kind === 'paid-twice')).toEqual([]);
    });

    it('flags no more kept licenses than were unused: two changes off Basic, one of the freed licenses used again', () => {
      const twoChanges = [
        ...upgraded,
        held(298, BASIC, '2023-09-01T09:00:00.000Z', '2023-09-11T10:00:00.000Z'),
        held(298, PREMIUM, '2023-09-11T10:00:00.000Z'),
        held(299, BASIC, '2023-09-12T08:00:00.000Z'),
      ];
      const licenses = [
        license(BASIC, '2023-09-01'),
        license(BASIC, '2023-09-01'),
        license(PREMIUM, '2023-09-01'),
        license(PREMIUM, '2023-09-01'),
      ];
      expect(flags(licenses, twoChanges).filter((flag) => flag.kind === 'paid-twice')).toEqual([
        expect.objectContaining({ extension: 297 }),
      ]);
    });

    it('a removal and a later re-add is no package change', () => {
      const readded = [
        held(297, BASIC, '2023-09-01T09:00:00.000Z', '2023-09-10T10:00:00.000Z'),
        held(297, PREMIUM, '2023-09-10T11:00:00.000Z'),
      ];
      expect(flags(upgradeLicenses(), readded).filter((flag) => flag.kind === 'paid-twice')).toEqual([]);
    });
  });

  it('takes instants only as toISOString writes them, so that they compare as text', () => {
    expect(
      domainErrorOf(() => wasteFlags({ periods: [], stretches: [], now: '2023-10-24T12:00:00Z', days: 30 }))
        .type,
    ).toBe('invalid-date');
  });
});
