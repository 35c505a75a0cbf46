export * from './shared/decider.js';
export * from './shared/errors.js';
export * from './shared/dates.js';
export * from './shared/streams.js';
export * from './events.js';

export * from './catalog/catalog.js';
export * from './resellers/reseller.js';
export * from './orders/order-numbers.js';
export * from './orders/order-number-blocks.js';
export * from './orders/order-number-claim.js';

export * from './licensing/events.js';
export * from './licensing/order-events.js';
export * from './licensing/order.js';
export * from './licensing/order-items.js';
export * from './licensing/order-lifecycle.js';
export * from './licensing/order-status-commands.js';
export * from './licensing/place-order.js';
export * from './licensing/replace-order-items.js';
export * from './licensing/submit-order.js';
export * from './licensing/final-confirm-order.js';
export * from './licensing/register-customer.js';
export * from './licensing/add-user.js';
export * from './licensing/change-package.js';
export * from './licensing/remove-user.js';
export * from './licensing/holdings.js';
export * from './licensing/customer-account.js';
export * from './licensing/customer-account-decider.js';
export * from './licensing/inventory.js';
export * from './licensing/queries.js';

export * from './billing/license-periods.js';
export * from './billing/license-days.js';
export * from './billing/expected-charges.js';
export * from './billing/reconcile.js';
