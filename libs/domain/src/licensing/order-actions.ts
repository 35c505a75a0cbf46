/**
 * The actions a person may take on an order, as the API's routes name them: the transition table
 * says from which statuses, and this table who issues each. The API guards its routes with it and
 * the dashboard offers only these buttons, so the two cannot disagree.
 */
import type { Role } from '../shared/decider.js';
import type { OrderStatus } from './order.js';
import { ORDER_TRANSITIONS, REJECTED_BY } from './order-lifecycle.js';

export const ORDER_ACTIONS = {
  submit: { command: 'SubmitOrder', roles: ['reseller-admin'] },
  approve: { command: 'ApproveOrder', roles: ['approver'] },
  // Either may send a rejection; which one may reject this order depends on its status (REJECTED_BY).
  reject: { command: 'RejectOrder', roles: ['approver', 'reseller-admin'] },
  'final-confirm': { command: 'FinalConfirmOrder', roles: ['reseller-admin'] },
  cancel: { command: 'CancelOrder', roles: ['reseller-admin'] },
} as const satisfies Record<string, { command: keyof typeof ORDER_TRANSITIONS; roles: readonly Role[] }>;

export type OrderAction = keyof typeof ORDER_ACTIONS;

/** The roles that may send an action at all (what a route checks before the order is read). */
export const rolesFor = (action: OrderAction): readonly Role[] => ORDER_ACTIONS[action].roles;

/** The actions `role` may take on an order in `status`, in the order the portal shows them. */
export function orderActionsFor(status: OrderStatus, role: Role): OrderAction[] {
  return (Object.keys(ORDER_ACTIONS) as OrderAction[]).filter((action) => {
    const { command, roles } = ORDER_ACTIONS[action];
    if (!ORDER_TRANSITIONS[command].from.includes(status)) return false;
    if (action === 'reject') return REJECTED_BY[status as keyof typeof REJECTED_BY] === role;
    return (roles as readonly Role[]).includes(role);
  });
}
