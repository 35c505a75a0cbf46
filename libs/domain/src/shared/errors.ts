/**
 * The closed set of broken rules. Each type maps to the shape of its context and to a message that
 * names the rule and the values. The API maps every type to a status in one table; the domain knows
 * nothing of HTTP.
 */
type Ids = { readonly customerId: string };
type OrderIds = Ids & { readonly orderNo: string };
type PackageIds = Ids & { readonly package: string };
type UserIds = Ids & { readonly extension: number };
/** An invoice's bad cells (billing/invoice-rows.ts), every one of them. */
type InvoiceErrors = {
  readonly fileName: string;
  readonly errors: readonly {
    readonly line: number;
    readonly column: string | null;
    readonly rule: string;
    readonly message: string;
  }[];
};

const messages = {
  'customer-exists': (c: Ids) => `customer ${c.customerId} is already registered`,
  'customer-not-found': (c: Ids) => `customer ${c.customerId} is not registered`,
  'no-sites': (c: Ids) => `customer ${c.customerId} needs at least one site`,
  'invalid-site-range': (c: Ids & { site: string; extensionMin: number; extensionMax: number }) =>
    `site ${c.site} of ${c.customerId} has an invalid extension range ${c.extensionMin} ~ ${c.extensionMax}`,
  'duplicate-site': (c: Ids & { site: string }) => `site ${c.site} appears twice for ${c.customerId}`,
  'order-exists': (c: OrderIds) => `order ${c.orderNo} already exists for ${c.customerId}`,
  'order-not-found': (c: OrderIds) => `order ${c.orderNo} not found for ${c.customerId}`,
  // Names no customer: the number may have been given to another tenant's.
  'order-number-taken': (c: { orderNo: string }) => `order number ${c.orderNo} is already taken`,
  'quantity-zero': (c: OrderIds & { package: string }) => `order ${c.orderNo}: the quantity of ${c.package} must not be 0`,
  'invalid-quantity': (c: OrderIds & { package: string; quantity: number }) =>
    `order ${c.orderNo}: the quantity of ${c.package} must be a whole number, got ${c.quantity}`,
  'invalid-trial-days': (c: OrderIds & { package: string; trialDays: number }) =>
    `order ${c.orderNo}: the trial period of ${c.package} must be a whole number of days >= 0, got ${c.trialDays}`,
  'invalid-price': (c: { package: string; price: number }) => `the price of ${c.package} must be a number >= 0, got ${c.price}`,
  'invalid-date': (c: { field: string; value: string }) => `${c.field} must be a calendar date YYYY-MM-DD or ISO time, got "${c.value}"`,
  'order-not-editable': (c: OrderIds & { status: string }) => `order ${c.orderNo} of ${c.customerId} is ${c.status}: items change only while Temporary`,
  'invalid-transition': (c: OrderIds & { from: string; command: string }) =>
    `order ${c.orderNo} of ${c.customerId} cannot take ${c.command} while ${c.from}`,
  'rejecter-not-allowed': (c: OrderIds & { status: string; role: string; rejecter: string }) =>
    `order ${c.orderNo} of ${c.customerId} is ${c.status}: it is rejected by the ${c.rejecter}, not the ${c.role}`,
  'order-has-no-items': (c: OrderIds) => `order ${c.orderNo} of ${c.customerId} has no items and cannot be submitted`,
  'return-exceeds-unassigned': (c: OrderIds & { package: string; returning: number; available: number }) =>
    `order ${c.orderNo} returns ${c.returning} of ${c.package} for ${c.customerId}: only ${c.available} unassigned and unreserved`,
  'order-not-approved': (c: OrderIds & { status: string }) => `order ${c.orderNo} of ${c.customerId} is ${c.status}: final confirm only from Approved`,
  'held-below-zero': (c: OrderIds & { package: string; now: number; order: number }) =>
    `order ${c.orderNo} would take ${c.package} of ${c.customerId} below zero: now ${c.now}, order ${c.order}`,
  'unknown-site': (c: Ids & { site: string }) => `site ${c.site} does not exist for ${c.customerId}`,
  'extension-out-of-range': (c: UserIds & { site: string; extensionMin: number; extensionMax: number }) =>
    `extension ${c.extension} is outside site ${c.site} of ${c.customerId}: Min ${c.extensionMin} ~ Max ${c.extensionMax}`,
  'extension-taken': (c: UserIds) => `extension ${c.extension} is already used in ${c.customerId}`,
  'no-available-license': (c: PackageIds & { available: number }) =>
    `no available license of ${c.package} for ${c.customerId}: available ${c.available}`,
  'user-not-found': (c: UserIds) => `user ${c.extension} not found in ${c.customerId}`,
  'same-package': (c: PackageIds & { extension: number }) => `user ${c.extension} of ${c.customerId} already has ${c.package}`,
  'package-exists': (c: { package: string }) => `package ${c.package} is already in the catalog`,
  'reseller-exists': (c: { resellerId: string }) => `reseller ${c.resellerId} is already registered`,
  'invalid-invoice': (c: InvoiceErrors) => `the invoice has bad cells (${c.errors.length} listed); nothing was imported`,
  'invoice-exists': (c: { invoiceId: string }) => `invoice ${c.invoiceId} is already imported`,
  'unknown-event-type': (c: { eventType: string }) => `no event type ${c.eventType} in the ledger`,
  'unsupported-event-version': (c: { eventType: string; version: number; current: number }) =>
    `${c.eventType} version ${c.version} cannot be read (current ${c.current})`,
} as const;

type Messages = typeof messages;
export type DomainErrorType = keyof Messages;
export type DomainErrorContext<T extends DomainErrorType> = Parameters<Messages[T]>[0];

export const DOMAIN_ERROR_TYPES = Object.keys(messages) as readonly DomainErrorType[];

export class DomainError<T extends DomainErrorType = DomainErrorType> extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly type: T,
    readonly context: DomainErrorContext<T>,
  ) {
    super((messages[type] as (c: DomainErrorContext<T>) => string)(context));
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;

const named =
  <T extends DomainErrorType>(type: T) =>
  (context: DomainErrorContext<T>): DomainError<T> =>
    new DomainError(type, context);

export const CustomerExists = named('customer-exists');
export const CustomerNotFound = named('customer-not-found');
export const NoSites = named('no-sites');
export const InvalidSiteRange = named('invalid-site-range');
export const DuplicateSite = named('duplicate-site');
export const OrderExists = named('order-exists');
export const OrderNotFound = named('order-not-found');
export const OrderNumberTaken = named('order-number-taken');
export const QuantityZero = named('quantity-zero');
export const InvalidQuantity = named('invalid-quantity');
export const InvalidTrialDays = named('invalid-trial-days');
export const InvalidPrice = named('invalid-price');
export const InvalidDate = named('invalid-date');
export const OrderNotEditable = named('order-not-editable');
export const InvalidTransition = named('invalid-transition');
export const RejecterNotAllowed = named('rejecter-not-allowed');
export const OrderHasNoItems = named('order-has-no-items');
export const ReturnExceedsUnassigned = named('return-exceeds-unassigned');
export const OrderNotApproved = named('order-not-approved');
export const HeldBelowZero = named('held-below-zero');
export const UnknownSite = named('unknown-site');
export const ExtensionOutOfRange = named('extension-out-of-range');
export const ExtensionTaken = named('extension-taken');
export const NoAvailableLicense = named('no-available-license');
export const UserNotFound = named('user-not-found');
export const SamePackage = named('same-package');
export const PackageExists = named('package-exists');
export const ResellerExists = named('reseller-exists');
export const InvalidInvoice = named('invalid-invoice');
export const InvoiceExists = named('invoice-exists');
export const UnknownEventType = named('unknown-event-type');
export const UnsupportedEventVersion = named('unsupported-event-version');
