import { addDays } from '@ledger/domain';
import { DAY_MS, dateOf, officeHours } from './demo-calendar.js';
import type { Random } from './random.js';

/** The demo's resellers: the seed's, and the child reseller it registers. */
export const ROOT_RESELLER = { resellerId: 'RS-Vertical', name: 'Vertical Communications' };
export const CHILD_RESELLER = { resellerId: 'RS-Vertical-East', name: 'Vertical East' };

/** The catalog's packages by the part they play in a customer's life (DEMO_CATALOG has their prices). */
export const BASIC = 'Basic User With VM';
export const PREMIUM = 'Premium iPECS ONE USER';
export const PREMIUM_PLUS = 'Premium PLUS iPECS ONE USER';
export const VOICEMAIL = 'Stand Alone VM';
export const BASIC_NO_VM = 'Basic User';
export const HOT_DESK = 'Hot Desk User';

/** The package a user on a package moves up to. */
export const UPGRADES: ReadonlyMap<string, string> = new Map([
  [BASIC_NO_VM, BASIC],
  [BASIC, PREMIUM],
  [PREMIUM, PREMIUM_PLUS],
]);

export interface CustomerProfile {
  readonly customerId: string;
  readonly name: string;
  readonly resellerId: string;
  /** One site, named as the customer, with its extension range. */
  readonly extensionMin: number;
  readonly extensionMax: number;
  /** The customer's portal and e-mail domain, e.g. `cm-vertical-demo.com` and `vertical-demo.com`. */
  readonly domain: string;
  /** When the reseller registers it. */
  readonly joinsAt: number;
  /** Users it starts with. */
  readonly staff: number;
  /** The package most of its users get. */
  readonly mainPackage: string;
}

const PLACES = [
  'Harbor',
  'Summit',
  'Pinecrest',
  'Riverside',
  'Oakridge',
  'Bluewater',
  'Northgate',
  'Silverline',
  'Meadowbrook',
  'Cedar Valley',
  'Granite',
  'Lakeshore',
  'Brightwater',
  'Foxhill',
  'Ironwood',
  'Westfield',
  'Redstone',
  'Clearview',
  'Maple Grove',
  'Stonebridge',
];
const TRADES = [
  'Dental',
  'Logistics',
  'Legal',
  'Realty',
  'Family Clinic',
  'Accounting',
  'Motors',
  'Insurance',
  'Veterinary',
  'Architects',
  'Engineering',
  'Hotels',
];

const domainOf = (name: string): string => `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.com`;

const profile = (
  customerId: string,
  name: string,
  resellerId: string,
  extensions: readonly [number, number],
  rest: Pick<CustomerProfile, 'joinsAt' | 'staff' | 'mainPackage'>,
): CustomerProfile => ({
  customerId,
  name,
  resellerId,
  extensionMin: extensions[0],
  extensionMax: extensions[1],
  domain: domainOf(name),
  ...rest,
});

/** The customers of the seed and of today's demo, who join in the history's first week. */
const namedCustomers = (start: number, random: Random): CustomerProfile[] => {
  const day = (n: number) => officeHours(addDays(dateOf(start), n), random);
  return [
    profile('C000000150', 'Vertical Demo', ROOT_RESELLER.resellerId, [100, 299], {
      joinsAt: day(1),
      staff: 6,
      mainPackage: BASIC,
    }),
    profile('C000000151', 'Acme Dental', ROOT_RESELLER.resellerId, [200, 249], {
      joinsAt: day(2),
      staff: 12,
      mainPackage: BASIC,
    }),
    profile('C000000200', 'East Logistics', CHILD_RESELLER.resellerId, [100, 199], {
      joinsAt: day(3),
      staff: 5,
      mainPackage: BASIC,
    }),
  ];
};

/**
 * `count` customers: the three named ones, then customers of either reseller (about a third of the
 * child reseller's) that join over the first 45% of the history, numbered from C000000152.
 */
export function demoFleet(count: number, random: Random, start: number, end: number): CustomerProfile[] {
  const fleet = namedCustomers(start, random);
  const names = new Set(fleet.map((customer) => customer.name));
  const joiningDays = Math.max(7, Math.floor(((end - start) * 0.45) / DAY_MS));
  for (let number = 152; fleet.length < count; number++) {
    if (number === 200) continue;
    let name: string;
    do name = `${random.pick(PLACES)} ${random.pick(TRADES)}`;
    while (names.has(name));
    names.add(name);
    const staff = random.int(3, 24);
    fleet.push(
      profile(
        `C${String(number).padStart(9, '0')}`,
        name,
        random.chance(0.3) ? CHILD_RESELLER.resellerId : ROOT_RESELLER.resellerId,
        [100, 100 + Math.max(99, staff * 8)],
        {
          joinsAt: officeHours(addDays(dateOf(start), random.int(4, joiningDays)), random),
          staff,
          mainPackage: random.weighted([
            [BASIC, 7],
            [BASIC_NO_VM, 3],
          ]),
        },
      ),
    );
  }
  return fleet;
}
