import { describe, expect, it } from 'vitest';
import type { FleetRow } from '../api/types';
import { fleetRows } from './fleet-rows';

const row = (customerId: string, name: string, held: number, idle = 0): FleetRow =>
  ({
    customerId,
    name,
    resellerId: 'RS-1',
    held,
    available: held,
    idle,
    pendingOrders: 0,
    awaitingApproval: 0,
    awaitingFinalConfirm: 0,
  }) as FleetRow;
const fleet = [
  row('C3', 'acme Dental', 14, 3),
  row('C1', 'Vertical Demo', 10, 4),
  row('C2', 'East Logistics', 14, 0),
];
const ids = (rows: FleetRow[]) => rows.map((r) => r.customerId);

describe('the fleet table', () => {
  it('sorts names A-Z whatever their case, and numbers largest first', () => {
    expect(ids(fleetRows(fleet, '', 'name'))).toEqual(['C3', 'C2', 'C1']);
    expect(ids(fleetRows(fleet, '', 'idle'))).toEqual(['C1', 'C3', 'C2']);
  });

  it('keeps ties in customer id order in either direction, so a refresh does not reshuffle them', () => {
    expect(ids(fleetRows(fleet, '', 'held'))).toEqual(['C2', 'C3', 'C1']);
    expect(ids(fleetRows(fleet, '', 'held', 'asc'))).toEqual(['C1', 'C2', 'C3']);
  });

  it('finds customers by a part of the id or the name, in any case', () => {
    expect(ids(fleetRows(fleet, 'DEMO', 'name'))).toEqual(['C1']);
    expect(ids(fleetRows(fleet, ' c2 ', 'name'))).toEqual(['C2']);
    expect(fleetRows(fleet, 'nobody', 'name')).toEqual([]);
  });

  it('does not change the rows it was given', () => {
    const before = ids(fleet);
    fleetRows(fleet, '', 'held');
    expect(ids(fleet)).toEqual(before);
  });
});
