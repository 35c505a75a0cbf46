import type { FleetRow } from '../api/types';

export const FLEET_SORTS = ['name', 'held', 'available', 'idle', 'pendingOrders'] as const;
export type FleetSort = (typeof FLEET_SORTS)[number];

/**
 * The fleet as the manager asked to see it: customers whose id or name contains the search (any
 * case), sorted by the column asked for; numbers largest first unless `asc`, names A-Z unless `desc`.
 * Ties keep the customer id order, so the table does not reshuffle on every refresh.
 */
export function fleetRows(
  rows: readonly FleetRow[],
  search: string,
  sort: FleetSort,
  direction: 'asc' | 'desc' | '' = '',
): FleetRow[] {
  const needle = search.trim().toLowerCase();
  const matching = needle
    ? rows.filter((r) => r.customerId.toLowerCase().includes(needle) || r.name.toLowerCase().includes(needle))
    : [...rows];
  const ascending = direction ? direction === 'asc' : sort === 'name';
  const value = (row: FleetRow) => (sort === 'name' ? row.name.toLowerCase() : row[sort]);
  return matching.sort((a, b) => {
    const [x, y] = [value(a), value(b)];
    const order = x < y ? -1 : x > y ? 1 : a.customerId.localeCompare(b.customerId);
    return ascending || x === y ? order : -order;
  });
}
