import type { DomainEvent } from '../shared/decider.js';

export type OrderType = 'New' | 'Change';

export interface OrderIds {
  readonly customerId: string;
  readonly orderNo: string;
}

export type OrderPlaced = DomainEvent<
  'OrderPlaced',
  OrderIds & {
    readonly title: string;
    readonly type: OrderType;
    /** ISO time the order was placed (the command's metadata.now). */
    readonly orderDate: string;
    readonly changeDate: string;
    readonly servicePlan: string;
    readonly note: string;
  }
>;

/** The fields of an order item. */
export interface OrderItemFields {
  readonly itemGroup: string;
  readonly package: string;
  readonly quantity: number;
  readonly trialDays: number;
  readonly billingAccount: string;
  readonly comment: string;
  /** The package's monthly price per license, resolved from the catalog by the caller. */
  readonly customerPrice: number;
}

/** One order item; `quantity` is a positive count in both LicenseOrdered and LicenseReturned. */
export interface LicenseItemData extends OrderIds, OrderItemFields {
  readonly itemNo: number;
}

export type LicenseOrdered = DomainEvent<'LicenseOrdered', LicenseItemData>;
export type LicenseReturned = DomainEvent<'LicenseReturned', LicenseItemData>;
export type OrderItemRemoved = DomainEvent<'OrderItemRemoved', OrderIds & { readonly itemNo: number }>;
export type OrderSubmitted = DomainEvent<'OrderSubmitted', OrderIds>;
export type OrderApproved = DomainEvent<'OrderApproved', OrderIds>;
export type OrderRejected = DomainEvent<'OrderRejected', OrderIds & { readonly reason: string }>;
export type OrderCancelled = DomainEvent<'OrderCancelled', OrderIds>;

/** An item as the final confirm screen shows it: To Be = Now + Order. */
export interface ConfirmedItem {
  readonly itemNo: number;
  readonly itemGroup: string;
  readonly package: string;
  readonly billingAccount: string;
  readonly actDate: string;
  readonly billingStart: string;
  readonly customerPrice: number;
  readonly now: number;
  readonly order: number;
  readonly toBe: number;
  readonly trialDays: number;
}

export type OrderFinalConfirmed = DomainEvent<
  'OrderFinalConfirmed',
  OrderIds & { readonly confirmedAt: string; readonly effectiveDate: string; readonly items: readonly ConfirmedItem[] }
>;

export type OrderEvent =
  | OrderPlaced
  | LicenseOrdered
  | LicenseReturned
  | OrderItemRemoved
  | OrderSubmitted
  | OrderApproved
  | OrderRejected
  | OrderCancelled
  | OrderFinalConfirmed;

/** Every type of an order's events: what the order read models subscribe to. */
export const ORDER_EVENT_TYPES: readonly OrderEvent['type'][] = [
  'OrderPlaced',
  'LicenseOrdered',
  'LicenseReturned',
  'OrderItemRemoved',
  'OrderSubmitted',
  'OrderApproved',
  'OrderRejected',
  'OrderCancelled',
  'OrderFinalConfirmed',
];

export const isOrderEvent = (event: { readonly type: string }): event is OrderEvent => (ORDER_EVENT_TYPES as readonly string[]).includes(event.type);
