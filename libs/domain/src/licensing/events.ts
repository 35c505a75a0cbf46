import type { DomainEvent } from '../shared/decider.js';
import type { OrderEvent } from './order-events.js';

export interface Site {
  readonly name: string;
  readonly extensionMin: number;
  readonly extensionMax: number;
}

export type CustomerRegistered = DomainEvent<
  'CustomerRegistered',
  {
    readonly customerId: string;
    readonly name: string;
    readonly resellerId: string;
    readonly servicePlan: string;
    readonly billingAccount: string;
    readonly sites: readonly Site[];
  }
>;

export interface UserData {
  readonly extension: number;
  readonly name: string;
  readonly site: string;
  readonly portalId: string;
  readonly email: string;
  readonly package: string;
}

export type UserAdded = DomainEvent<'UserAdded', UserData & { readonly customerId: string }>;
export type PackageChanged = DomainEvent<
  'PackageChanged',
  { readonly customerId: string; readonly extension: number; readonly name: string; readonly fromPackage: string; readonly toPackage: string }
>;
export type UserRemoved = DomainEvent<
  'UserRemoved',
  { readonly customerId: string; readonly extension: number; readonly name: string; readonly package: string }
>;

/** Every event of a `customer-<customerId>` stream: the account's own and its orders'. */
export type CustomerEvent = CustomerRegistered | UserAdded | PackageChanged | UserRemoved | OrderEvent;
