/**
 * The order life-cycle decider: a pure function over one order's state. It owns the transition table
 * and the order's own rules; the customer account composes it and adds the inventory rules.
 */
import type { Role } from '../shared/decider.js';
import { InvalidTransition, OrderHasNoItems, OrderNotApproved, OrderNotEditable, OrderNotFound, RejecterNotAllowed } from '../shared/errors.js';
import { finalConfirmOrder, type FinalConfirmOrder } from './final-confirm-order.js';
import type { OrderEvent } from './order-events.js';
import type { ApproveOrder, CancelOrder, RejectOrder, SubmitOrder } from './order-status-commands.js';
import type { Order, OrderStatus } from './order.js';
import { placeOrder, type PlaceOrder } from './place-order.js';
import { replaceOrderItems, type ReplaceOrderItems } from './replace-order-items.js';

export type OrderCommand = PlaceOrder | ReplaceOrderItems | SubmitOrder | ApproveOrder | RejectOrder | CancelOrder | FinalConfirmOrder;
type TransitionCommand = Exclude<OrderCommand, PlaceOrder>['type'];

/** What an order needs to know about its customer account. */
export interface OrderContext {
  readonly customerId: string;
  readonly servicePlan: string;
  /** Licenses of a package held (confirmed) now. */
  readonly held: (pkg: string) => number;
}

/** Nothing else moves an order (DOMAIN.md, Order life cycle). */
export const ORDER_TRANSITIONS: { readonly [C in TransitionCommand]: { readonly from: readonly OrderStatus[]; readonly to: OrderStatus } } = {
  ReplaceOrderItems: { from: ['Temporary'], to: 'Temporary' },
  SubmitOrder: { from: ['Temporary'], to: 'Submitted' },
  ApproveOrder: { from: ['Submitted'], to: 'Approved' },
  RejectOrder: { from: ['Submitted', 'Approved'], to: 'Rejected' },
  CancelOrder: { from: ['Temporary'], to: 'Cancelled' },
  FinalConfirmOrder: { from: ['Approved'], to: 'FinalConfirmed' },
};

/** An order no command can move any more (Rejected, Cancelled, FinalConfirmed): read as the transition table says. */
export const isSettled = (order: Order): boolean => !Object.values(ORDER_TRANSITIONS).some(({ from }) => from.includes(order.status));

const assertTransition = (order: Order, command: TransitionCommand): void => {
  if (ORDER_TRANSITIONS[command].from.includes(order.status)) return;
  const at = { customerId: order.customerId, orderNo: order.orderNo, status: order.status };
  if (command === 'ReplaceOrderItems') throw OrderNotEditable(at);
  if (command === 'FinalConfirmOrder') throw OrderNotApproved(at);
  throw InvalidTransition({ customerId: order.customerId, orderNo: order.orderNo, from: order.status, command });
};

/**
 * Who may reject depends on where the order stands: the approver rejects a Submitted order ("Order
 * Approval"), the reseller admin an Approved one instead of its final confirm. Decided on the state
 * being decided on, so an approval landing in between cannot let the approver reject an Approved order.
 */
export const REJECTED_BY: { readonly [S in Extract<OrderStatus, 'Submitted' | 'Approved'>]: Role } = {
  Submitted: 'approver',
  Approved: 'reseller-admin',
};

const assertRejecter = (command: RejectOrder, order: Order): void => {
  // assertTransition let only Submitted and Approved orders through.
  const rejecter = REJECTED_BY[order.status as keyof typeof REJECTED_BY];
  if (command.metadata.role === rejecter) return;
  throw RejecterNotAllowed({ customerId: order.customerId, orderNo: order.orderNo, status: order.status, role: command.metadata.role, rejecter });
};

const decideTransition = (command: Exclude<OrderCommand, PlaceOrder>, order: Order, context: OrderContext): OrderEvent[] => {
  const ids = { customerId: order.customerId, orderNo: order.orderNo };
  // Confirming twice records nothing the second time.
  if (command.type === 'FinalConfirmOrder' && order.status === 'FinalConfirmed') return [];
  assertTransition(order, command.type);
  switch (command.type) {
    case 'ReplaceOrderItems':
      return replaceOrderItems(command, order);
    case 'SubmitOrder':
      if (order.items.length === 0) throw OrderHasNoItems(ids);
      return [{ type: 'OrderSubmitted', data: ids }];
    case 'ApproveOrder':
      return [{ type: 'OrderApproved', data: ids }];
    case 'RejectOrder':
      assertRejecter(command, order);
      return [{ type: 'OrderRejected', data: { ...ids, reason: command.data.reason } }];
    case 'CancelOrder':
      return [{ type: 'OrderCancelled', data: ids }];
    case 'FinalConfirmOrder':
      return [finalConfirmOrder(command, order, context.held)];
    default: {
      const unexpected: never = command;
      return unexpected;
    }
  }
};

export const decideOrder = (command: OrderCommand, order: Order | undefined, context: OrderContext): OrderEvent[] => {
  if (command.type === 'PlaceOrder') return placeOrder(command, order, context.servicePlan);
  if (order === undefined) throw OrderNotFound({ customerId: context.customerId, orderNo: command.data.orderNo });
  return decideTransition(command, order, context);
};
