import { describe, expect, it } from 'vitest';
import type { Role } from '../shared/decider.js';
import type { OrderStatus } from './order.js';
import { orderActionsFor } from './order-actions.js';

const STATUSES: OrderStatus[] = ['Temporary', 'Submitted', 'Approved', 'Rejected', 'Cancelled', 'FinalConfirmed'];
const ROLES: Role[] = ['operator', 'reseller-admin', 'approver', 'customer-manager', 'auditor', 'billing-analyst'];

describe('the actions a role may take on an order', () => {
  it.each([
    ['Temporary', 'reseller-admin', ['submit', 'cancel']],
    ['Submitted', 'approver', ['approve', 'reject']],
    ['Submitted', 'reseller-admin', []],
    ['Approved', 'reseller-admin', ['reject', 'final-confirm']],
    ['Approved', 'approver', []],
  ] as const)('given a %s order, when a %s looks at it, then it may %j', (status, role, actions) => {
    expect(orderActionsFor(status, role)).toEqual(actions);
  });

  it('given a settled order (rejected, cancelled or confirmed), nobody may move it', () => {
    for (const status of ['Rejected', 'Cancelled', 'FinalConfirmed'] as const) {
      for (const role of ROLES) expect(orderActionsFor(status, role), `${status} / ${role}`).toEqual([]);
    }
  });

  it('given any order, readers (operator, customer manager, auditor, billing analyst) take no action', () => {
    for (const status of STATUSES) {
      for (const role of ['operator', 'customer-manager', 'auditor', 'billing-analyst'] as const) expect(orderActionsFor(status, role)).toEqual([]);
    }
  });
});
